package org.affectiveprocesses.backbone.adapters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.BackboneSpec;
import org.affectiveprocesses.backbone.ImageTensors;

/**
 * The part every external-model backbone shares: batching, preprocessing, finding the declared
 * outputs and checking their sizes. A subclass runs the model on one input batch. Creation runs
 * the model once on a black image ({@link #probe()}), so a model whose outputs do not match the
 * spec fails at once, with the model's file and the output named; a second run on two images
 * finds models with a fixed batch of one, which are then given one image at a time. Calls are
 * serialised.
 */
abstract class ExternalBackbone implements Backbone {
    private final Path file;
    private final String name;
    private final BackboneSpec spec;
    private final LabelSpace labels;
    private int featureSize;
    private int batchSize;

    ExternalBackbone(Path file, BackboneSpec spec, LabelSpace labels) {
        this.file = Objects.requireNonNull(file, "file");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.labels = Objects.requireNonNull(labels, "labels");
        Path fileName = file.getFileName();
        this.name = fileName == null ? file.toString() : fileName.toString();
        this.batchSize = spec.batchSize();
    }

    /**
     * Runs the model on one batch.
     *
     * @param input row-major input values
     * @param shape the input's shape
     * @return every output the model produced, by name
     */
    abstract Map<String, ModelOutput> run(float[] input, long[] shape);

    /** Frees the model. */
    abstract void release();

    /** Limits batches to the model's fixed batch size. */
    final void limitBatch(int fixed) {
        batchSize = Math.min(batchSize, fixed);
    }

    /** The model file, for messages. */
    final Path file() {
        return file;
    }

    /** The spec. */
    final BackboneSpec spec() {
        return spec;
    }

    /**
     * Runs the model once on a black image and checks its outputs against the spec and the
     * label space.
     *
     * @throws ModelFormatException naming the file and the output if an output is missing, not
     *     one row per image, or of the wrong size
     */
    final void probe() throws ModelFormatException {
        RgbImage black = RgbImage.of(spec.preprocessing().width(), spec.preprocessing().height(),
                new byte[spec.preprocessing().width() * spec.preprocessing().height() * 3]);
        Map<String, ModelOutput> out;
        try {
            out = run(ImageTensors.batch(List.of(black), spec.preprocessing(), name),
                    spec.preprocessing().batchShape(1));
        } catch (RuntimeException e) {
            throw new ModelFormatException(file, "the model fails on a " + Arrays.toString(
                    spec.preprocessing().batchShape(1)) + " input '" + spec.input() + "' ("
                    + spec.preprocessing() + "): " + e.getMessage(), e);
        }
        for (String o : spec.outputs()) {
            if (!out.containsKey(o)) {
                throw new ModelFormatException(file, "the model has no output '" + o + "'; its outputs are "
                        + out.keySet());
            }
        }
        try {
            featureSize = out.get(spec.features()).rowSize(1, name, spec.features());
            int dy = out.get(spec.pseudoLabels()).rowSize(1, name, spec.pseudoLabels());
            if (dy != labels.size()) {
                throw new ModelFormatException(file, "output '" + spec.pseudoLabels() + "' gives " + dy
                        + " values per image, but the label space " + labels.name() + " has " + labels.size()
                        + " dimensions " + labels.dimensions());
            }
            for (String extra : spec.extraOutputs()) {
                out.get(extra).rowSize(1, name, extra);
            }
        } catch (IllegalStateException e) {
            throw new ModelFormatException(file, e.getMessage(), e);
        }
        if (batchSize > 1) {
            try {
                run(ImageTensors.batch(List.of(black, black), spec.preprocessing(), name),
                        spec.preprocessing().batchShape(2));
            } catch (RuntimeException e) {
                batchSize = 1;
            }
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int featureSize() {
        return featureSize;
    }

    @Override
    public final LabelSpace labelSpace() {
        return labels;
    }

    @Override
    public final FrameEncoding encode(RgbImage face) {
        return encodeAll(List.of(face)).get(0);
    }

    @Override
    public final synchronized List<FrameEncoding> encodeAll(List<RgbImage> faces) {
        List<FrameEncoding> result = new ArrayList<>(faces.size());
        for (int from = 0; from < faces.size(); from += batchSize) {
            List<RgbImage> part = faces.subList(from, Math.min(faces.size(), from + batchSize));
            int n = part.size();
            Map<String, ModelOutput> out = run(ImageTensors.batch(part, spec.preprocessing(), name),
                    spec.preprocessing().batchShape(n));
            ModelOutput features = require(out, spec.features());
            ModelOutput pseudo = require(out, spec.pseudoLabels());
            int dx = features.rowSize(n, name, spec.features());
            int dy = pseudo.rowSize(n, name, spec.pseudoLabels());
            if (dx != featureSize || dy != labels.size()) {
                throw new IllegalStateException("model '" + name + "': outputs '" + spec.features() + "' and '"
                        + spec.pseudoLabels() + "' gave " + dx + " and " + dy + " values per image, expected "
                        + featureSize + " and " + labels.size());
            }
            for (int i = 0; i < n; i++) {
                Map<String, float[]> extras = new LinkedHashMap<>();
                for (String e : spec.extraOutputs()) {
                    ModelOutput o = require(out, e);
                    extras.put(e, o.row(i, o.rowSize(n, name, e)));
                }
                result.add(new FrameEncoding(features.row(i, dx), pseudo.row(i, dy), extras));
            }
        }
        return result;
    }

    @Override
    public final synchronized void close() {
        release();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + file + ", " + spec + "]";
    }

    private ModelOutput require(Map<String, ModelOutput> out, String output) {
        ModelOutput o = out.get(output);
        if (o == null) {
            throw new IllegalStateException("model '" + name + "' returned no output '" + output + "'; it returned "
                    + out.keySet());
        }
        return o;
    }
}
