package org.affectiveprocesses.baselines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.io.FormatVersions;
import org.affectiveprocesses.io.Json;
import org.affectiveprocesses.io.ModelArchive;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.TensorSpec;

/**
 * The baseline model file, format version 2: the Affective Process model file's container (an
 * {@code .npz} archive with the JSON manifest {@code apmodel.json} first, one {@code '<f4'}
 * array per tensor and the checksums entry last, uncompressed, written atomically; see {@link
 * ModelArchive}) with its own
 * manifest schema per model type ({@code "convgru"}, {@code "bigru"}, {@code "self-attention"}).
 *
 * <h2>Manifest fields</h2>
 *
 * <ul>
 *   <li>{@code format} {@code "affective-process-model"}, {@code formatVersion} {@code 2},
 *       {@code modelType} (one of the three types);
 *   <li>{@code architecture}: the type's sizes ({@code layers}, {@code hiddenSize}, {@code
 *       kernelSize}, {@code axis} ({@code "TIME"} or {@code "FEATURE"}), {@code featureChannels}
 *       for ConvGRU; {@code layers}, {@code hiddenSize} for BiGRU; {@code layers}, {@code heads},
 *       {@code modelWidth}, {@code feedForwardSize}, {@code positionalEncoding} for self-attention)
 *       and {@code windowLength};
 *   <li>{@code featureSize}, {@code usePseudoLabels}, {@code labelSpace} (as in the AP file);
 *   <li>{@code inference}: {@code hop} and {@code batchSize};
 *   <li>{@code outputStd}: dy positive numbers, the σ reported with every prediction;
 *   <li>{@code inputStandardization} (version 2): {@code frames}, the training frames the input
 *       statistics were computed on;
 *   <li>{@code provenance} (as in the AP file; version 2 stores the {@link BaselineTrainingConfig}
 *       as a structured configuration that {@link BaselineTrainingConfig#fromConfiguration} rebuilds);
 *   <li>{@code parameterCount}: the trainable parameters (the normalisation is not counted);
 *   <li>{@code tensors}: {@code name}, {@code shape}, {@code dtype} ({@code "<f4"}) and {@code
 *       sha256} of every entry: the network's parameters by readable name ({@link
 *       org.affectiveprocesses.baselines.nn.ParameterNames}), then {@value #NORMALIZATION_MEAN} and
 *       {@value #NORMALIZATION_SCALE} (the input rows' {@link InputStandardization}).
 * </ul>
 *
 * <h2>Reading</h2>
 *
 * An allow-list: format, version and model type must match; unknown fields, entries and tensors
 * are rejected; every tensor the architecture has must be present with its exact shape, dtype,
 * SHA-256 and only finite values. Errors are {@link ModelFormatException}s naming the file and the
 * entry or field. The full description is in {@code docs/baselines.md}.
 */
public final class BaselineModelFile {
    /** The manifest's entry name (as in the Affective Process model file). */
    public static final String MANIFEST = ModelFile.MANIFEST;
    /** The value of the manifest's {@code format} field (shared with the Affective Process model file). */
    public static final String FORMAT = ModelFile.FORMAT;
    /** The format version this SDK writes for baselines. */
    public static final int FORMAT_VERSION = 2;
    /** The versions read: 1 (no checksums) and 2 (checksums required). */
    public static final FormatVersions VERSIONS = new FormatVersions(1, FORMAT_VERSION, 2);
    /** The tensor holding the input means. */
    public static final String NORMALIZATION_MEAN = "input_norm.mean";
    /** The tensor holding the input scales. */
    public static final String NORMALIZATION_SCALE = "input_norm.scale";
    /** The model types this file stores. */
    public static final List<String> MODEL_TYPES =
            List.of(ConvGruConfig.MODEL_TYPE, BiGruConfig.MODEL_TYPE, SelfAttentionConfig.MODEL_TYPE);
    /** What a file read here must be, for messages. */
    private static final String KIND = "a model file";

    private BaselineModelFile() {
    }

    /**
     * Everything a baseline model file holds.
     *
     * @param spec the network's shape
     * @param weights its parameters (the spec's tensors)
     * @param normalization the input standardisation
     * @param outputStd the σ reported per dimension
     * @param hop frames between test windows
     * @param inferenceBatchSize windows per forward pass
     * @param provenance how the model was made
     */
    public record Contents(BaselineSpec spec, BaselineWeights weights, InputStandardization normalization,
            float[] outputStd, int hop, int inferenceBatchSize, Provenance provenance) {

        /**
         * Validates.
         *
         * @throws IllegalArgumentException if the parts do not fit the spec
         */
        public Contents {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(normalization, "normalization");
            Objects.requireNonNull(provenance, "provenance");
            if (normalization.featureSize() != spec.inputSize()) {
                throw new IllegalArgumentException("the normalisation has " + normalization.featureSize()
                        + " values but the model reads " + spec.inputSize());
            }
            if (outputStd.length != spec.labelSize()) {
                throw new IllegalArgumentException("outputStd has " + outputStd.length + " values for "
                        + spec.labelSize() + " dimensions");
            }
            for (float s : outputStd) {
                if (!(s > 0) || !Float.isFinite(s)) {
                    throw new IllegalArgumentException("outputStd values must be positive and finite, got "
                            + Arrays.toString(outputStd));
                }
            }
            if (hop < 1 || hop > spec.architecture().windowLength() || inferenceBatchSize < 1) {
                throw new IllegalArgumentException("hop must be in [1, " + spec.architecture().windowLength()
                        + "] and the batch size >= 1, got " + hop + " and " + inferenceBatchSize);
            }
            outputStd = outputStd.clone();
        }

        @Override
        public float[] outputStd() {
            return outputStd.clone();
        }
    }

    /**
     * Writes a model file atomically (never a partial file).
     *
     * @param file the file to create or replace
     * @param contents what to store
     * @throws IOException if writing fails (no file and no temporary file remain)
     */
    public static void write(Path file, Contents contents) throws IOException {
        Objects.requireNonNull(file, "file");
        BaselineSpec spec = contents.spec();
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("modelType", spec.architecture().modelType());
        root.set("architecture", architecture(spec.architecture()));
        root.put("featureSize", spec.featureSize());
        root.put("usePseudoLabels", spec.usePseudoLabels());
        root.set("labelSpace", Json.labelSpace(spec.labelSpace()));
        ObjectNode inference = root.putObject("inference");
        inference.put("hop", contents.hop());
        inference.put("batchSize", contents.inferenceBatchSize());
        ArrayNode std = root.putArray("outputStd");
        for (float s : contents.outputStd()) {
            std.add((double) s);
        }
        root.putObject("inputStandardization").put("frames", contents.normalization().frames());
        root.set("provenance", Json.provenance(contents.provenance()));
        long parameters = 0;
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (TensorSpec t : contents.weights().tensors()) {
            arrays.put(t.name(), NpyArray.ofFloats(t.shape(), contents.weights().get(t.name())));
            parameters += t.size();
        }
        int[] inputShape = {spec.inputSize()};
        arrays.put(NORMALIZATION_MEAN, NpyArray.ofFloats(inputShape, contents.normalization().mean()));
        arrays.put(NORMALIZATION_SCALE, NpyArray.ofFloats(inputShape, contents.normalization().std()));
        root.put("parameterCount", parameters);
        ModelArchive.write(file, root, arrays);
    }

    /**
     * The model type a model file declares, without reading its tensors.
     *
     * @param file a model file (an Affective Process's or a baseline's)
     * @return the manifest's {@code modelType}
     * @throws ModelFormatException if the file has no readable manifest
     * @throws IOException if it cannot be read
     */
    public static String modelType(Path file) throws IOException {
        try (NpzReader r = NpzArchive.open(file)) {
            return ModelArchive.manifest(r, KIND).text("modelType");
        }
    }

    /**
     * Reads and fully validates a baseline model file.
     *
     * @param file the file
     * @return its contents
     * @throws ModelFormatException if the file is not a valid baseline model file of version 1 or 2 (the
     *     message names the file and the entry or field)
     * @throws IOException if reading fails
     */
    public static Contents read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (NpzReader r = NpzArchive.open(file)) {
            Json.Fields m = ModelArchive.manifest(r, KIND, VERSIONS);
            int version = m.integer("formatVersion");
            String type = m.text("modelType");
            if (!MODEL_TYPES.contains(type)) {
                throw m.fail("modelType", "is '" + type + "'; a baseline model file is one of " + MODEL_TYPES
                        + (type.equals("affective-process") ? " (load an Affective Process with AffectiveProcess.load)" : ""));
            }
            if (version == 1) {
                m.only("format", "formatVersion", "modelType", "architecture", "featureSize", "usePseudoLabels",
                        "labelSpace", "inference", "outputStd", "provenance", "parameterCount", "tensors");
            } else {
                m.only("format", "formatVersion", "modelType", "architecture", "featureSize", "usePseudoLabels",
                        "labelSpace", "inference", "outputStd", "inputStandardization", "provenance", "parameterCount",
                        "tensors");
            }
            long normalizedFrames = 0;
            if (version >= 2) {
                Json.Fields st = m.object("inputStandardization");
                st.only("frames");
                normalizedFrames = st.longValue("frames");
            }
            BaselineArchitecture architecture = architecture(type, m.object("architecture"));
            int featureSize = m.integer("featureSize");
            boolean pseudo = m.bool("usePseudoLabels");
            LabelSpace labels = Json.labelSpace(m.object("labelSpace"));
            BaselineSpec spec;
            try {
                spec = new BaselineSpec(architecture, featureSize, labels, pseudo);
            } catch (IllegalArgumentException e) {
                throw m.fail("featureSize", "does not fit the architecture: " + e.getMessage());
            }
            Json.Fields inference = m.object("inference");
            inference.only("hop", "batchSize");
            int hop = inference.integer("hop");
            int batch = inference.integer("batchSize");
            double[] stdValues = m.finites("outputStd");
            float[] std = new float[stdValues.length];
            for (int i = 0; i < std.length; i++) {
                std[i] = (float) stdValues[i];
            }
            Provenance provenance = Json.provenance(m.object("provenance"));
            List<TensorSpec> parameters = spec.tensors();
            long count = parameters.stream().mapToLong(TensorSpec::size).sum();
            if (m.longValue("parameterCount") != count) {
                throw m.fail("parameterCount", "is " + m.longValue("parameterCount") + " but the architecture has "
                        + count + " parameters");
            }
            List<TensorSpec> expected = new ArrayList<>(parameters);
            expected.add(new TensorSpec(NORMALIZATION_MEAN, new int[] {spec.inputSize()}));
            expected.add(new TensorSpec(NORMALIZATION_SCALE, new int[] {spec.inputSize()}));
            String model = architecture.describe();
            Map<String, float[]> values = ModelArchive.tensors(r, m, expected, model, model);
            try {
                InputStandardization norm = InputStandardization.of(values.remove(NORMALIZATION_MEAN),
                        values.remove(NORMALIZATION_SCALE), normalizedFrames);
                return new Contents(spec, BaselineWeights.of(parameters, values), norm, std, hop, batch, provenance);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "holds unusable values: " + e.getMessage(), e);
            }
        }
    }

    private static ObjectNode architecture(BaselineArchitecture a) {
        ObjectNode n = Json.object();
        if (a instanceof ConvGruConfig c) {
            n.put("layers", c.layers());
            n.put("hiddenSize", c.hiddenSize());
            n.put("kernelSize", c.kernelSize());
            n.put("axis", c.axis().name());
            n.put("featureChannels", c.featureChannels());
        } else if (a instanceof BiGruConfig b) {
            n.put("layers", b.layers());
            n.put("hiddenSize", b.hiddenSize());
        } else {
            SelfAttentionConfig s = (SelfAttentionConfig) a;
            n.put("layers", s.layers());
            n.put("heads", s.heads());
            n.put("modelWidth", s.modelWidth());
            n.put("feedForwardSize", s.feedForwardSize());
            n.put("positionalEncoding", s.positionalEncoding());
        }
        n.put("windowLength", a.windowLength());
        return n;
    }

    /** Reads the architecture of a known model type (the caller has checked the type). */
    private static BaselineArchitecture architecture(String modelType, Json.Fields f) throws ModelFormatException {
        try {
            switch (modelType) {
                case ConvGruConfig.MODEL_TYPE:
                    f.only("layers", "hiddenSize", "kernelSize", "axis", "featureChannels", "windowLength");
                    return new ConvGruConfig(f.integer("layers"), f.integer("hiddenSize"), f.integer("kernelSize"),
                            f.enumValue("axis", ConvAxis.class), f.integer("featureChannels"), f.integer("windowLength"));
                case BiGruConfig.MODEL_TYPE:
                    f.only("layers", "hiddenSize", "windowLength");
                    return new BiGruConfig(f.integer("layers"), f.integer("hiddenSize"), f.integer("windowLength"));
                default:
                    f.only("layers", "heads", "modelWidth", "feedForwardSize", "positionalEncoding", "windowLength");
                    return new SelfAttentionConfig(f.integer("layers"), f.integer("heads"), f.integer("modelWidth"),
                            f.integer("feedForwardSize"), f.bool("positionalEncoding"), f.integer("windowLength"));
            }
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is invalid: " + e.getMessage());
        }
    }
}
