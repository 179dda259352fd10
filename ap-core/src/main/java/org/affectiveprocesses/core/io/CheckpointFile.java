package org.affectiveprocesses.core.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.AdamState;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.training.DatasetIdentity;
import org.affectiveprocesses.core.training.EpochLoop;
import org.affectiveprocesses.core.training.TrainingCheckpoint;
import org.affectiveprocesses.io.FormatVersions;
import org.affectiveprocesses.io.Json;
import org.affectiveprocesses.io.ModelArchive;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.TensorSpec;

/**
 * The training checkpoint file ({@code .apckpt}), format version 1: a {@link TrainingCheckpoint}
 * in the container of the model files ({@link ModelArchive}: an uncompressed {@code .npz} whose
 * first entry is the JSON manifest {@code apmodel.json}, float32 tensors after it and {@code
 * checksums.sha256} last), with the manifest field {@code format} {@value #FORMAT}.
 *
 * <h2>Entries</h2>
 *
 * For every tensor {@code <t>} of the model ({@link ApModelSpec#parameters()}, in that order, with
 * its shape): {@code weights/<t>.npy} (the current weights), {@code adam.m/<t>.npy} and {@code
 * adam.v/<t>.npy} (Adam's first and second moments), then, once an epoch has been validated,
 * {@code best/<t>.npy} (the best epoch's weights); then {@code input.mean.npy} and {@code
 * input.std.npy} ([dx], the input standardisation). All {@code '<f4'}, finite, v never negative.
 *
 * <h2>Manifest fields</h2>
 *
 * <ul>
 *   <li>{@code format} {@value #FORMAT}, {@code formatVersion} 1;
 *   <li>{@code sdkVersion} (string; recorded, not checked) and {@code engine} (string);
 *   <li>{@code trainingConfig}: the training configuration, as in a model's provenance;
 *   <li>{@code featureSize} (integer) and {@code labelSpace} (as in a model file): with the
 *       configuration's architecture, the model;
 *   <li>{@code trainingData} and {@code validationData}: {@code description} (string) and
 *       {@code sha256} (the {@link DatasetIdentity} content digest);
 *   <li>{@code inputStandardization}: {@code frames} (integer);
 *   <li>{@code position}: {@code completedSteps} (integer, 0 to epochs × iterationsPerEpoch),
 *       {@code epochLoss} (the sum of the current epoch's step losses) and {@code epochSeconds}
 *       (numbers);
 *   <li>{@code adam}: {@code steps} (integer, equal to {@code completedSteps});
 *   <li>{@code epochs}: one object per validated epoch (completedSteps / iterationsPerEpoch of
 *       them), in order: {@code epoch} (its number), {@code meanLoss}, {@code learningRate},
 *       {@code seconds} (numbers), {@code best} (boolean) and {@code validationScores} (as in a
 *       model's provenance; the selection score is the mean of the selection metric among them);
 *   <li>{@code bestEpoch}: 0 before the first validation, else the last epoch marked best;
 *   <li>{@code tensors}: name, shape, dtype and SHA-256 of every tensor entry, in entry order.
 * </ul>
 *
 * <h2>Reading and writing</h2>
 *
 * The reader accepts only what is listed above and checks every field, the consistency of the
 * position, epochs and best epoch, and every tensor's shape, checksum and values before it
 * returns; the tensors must fit in the file before any is read. Every error is a {@link
 * ModelFormatException} naming the file and the entry or field. {@link #write} is atomic: a kill
 * while it writes leaves the previous checkpoint in place (and a temporary file that the next
 * write into the directory deletes). The full description is {@code docs/CHECKPOINT-FORMAT.md}.
 */
public final class CheckpointFile {
    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = "affective-process-checkpoint";
    /** The format version this SDK writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The versions read (checksums required). */
    public static final FormatVersions VERSIONS = new FormatVersions(FORMAT_VERSION, FORMAT_VERSION, 1);
    /** The conventional file name extension. */
    public static final String EXTENSION = ".apckpt";
    /** The prefix of the current weights' entries. */
    public static final String WEIGHTS = "weights/";
    /** The prefix of Adam's first moments' entries. */
    public static final String FIRST_MOMENTS = "adam.m/";
    /** The prefix of Adam's second moments' entries. */
    public static final String SECOND_MOMENTS = "adam.v/";
    /** The prefix of the best epoch's weights' entries. */
    public static final String BEST = "best/";

    private static final String KIND = "an Affective Process training checkpoint";

    private CheckpointFile() {
    }

    /**
     * Writes a checkpoint atomically (never a partial file).
     *
     * @param file the file to create or replace; its directory must exist
     * @param c the checkpoint
     * @throws IOException if writing fails (the previous file, if any, is left as it was)
     */
    public static void write(Path file, TrainingCheckpoint c) throws IOException {
        Objects.requireNonNull(file, "file");
        ApModelSpec spec = c.spec();
        EpochLoop.State<ApWeights> loop = c.loop();
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("sdkVersion", c.sdkVersion());
        root.put("engine", c.engine());
        root.set("trainingConfig", Json.configuration(c.config().toConfiguration()));
        root.put("featureSize", spec.featureSize());
        root.set("labelSpace", Json.labelSpace(spec.labelSpace()));
        root.set("trainingData", data(c.trainingData()));
        root.set("validationData", data(c.validationData()));
        root.putObject("inputStandardization").put("frames", c.standardization().frames());
        ObjectNode position = root.putObject("position");
        position.put("completedSteps", loop.completedSteps());
        position.put("epochLoss", loop.epochLoss());
        position.put("epochSeconds", loop.epochSeconds());
        root.putObject("adam").put("steps", c.adam().steps());
        ArrayNode epochs = root.putArray("epochs");
        for (EpochReport r : loop.epochs()) {
            ObjectNode e = epochs.addObject();
            e.put("epoch", r.epoch());
            e.put("meanLoss", r.meanLoss());
            e.put("learningRate", r.learningRate());
            e.put("seconds", r.seconds());
            e.put("best", r.best());
            e.set("validationScores", Json.scores(r.validationScores()));
        }
        root.put("bestEpoch", loop.best() == null ? 0 : loop.best().epoch());
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        put(arrays, WEIGHTS, c.weights());
        put(arrays, FIRST_MOMENTS, c.adam().firstMoments());
        put(arrays, SECOND_MOMENTS, c.adam().secondMoments());
        if (loop.best() != null) {
            put(arrays, BEST, loop.best().weights());
        }
        int[] perFeature = {spec.featureSize()};
        arrays.put(ModelFile.INPUT_MEAN, NpyArray.ofFloats(perFeature, c.standardization().mean()));
        arrays.put(ModelFile.INPUT_STD, NpyArray.ofFloats(perFeature, c.standardization().std()));
        ModelArchive.write(file, root, arrays);
    }

    /**
     * Reads and fully validates a checkpoint.
     *
     * @param file the checkpoint file
     * @return its contents
     * @throws ModelFormatException if the file is not a valid checkpoint of a version this SDK
     *     reads (the message names the file and the entry or field)
     * @throws IOException if reading fails
     */
    public static TrainingCheckpoint read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (NpzReader r = NpzArchive.open(file)) {
            Json.Fields m = ModelArchive.manifest(r, KIND, FORMAT, VERSIONS);
            m.only("format", "formatVersion", "sdkVersion", "engine", "trainingConfig", "featureSize", "labelSpace",
                    "trainingData", "validationData", "inputStandardization", "position", "adam", "epochs",
                    "bestEpoch", "tensors");
            TrainingConfig config;
            try {
                config = TrainingConfig.fromConfiguration(Json.configuration(m.object("trainingConfig")));
            } catch (IllegalArgumentException e) {
                throw m.fail("trainingConfig", "is not a training configuration this SDK reads: " + e.getMessage());
            }
            int featureSize = m.integer("featureSize");
            LabelSpace labels = Json.labelSpace(m.object("labelSpace"));
            ApModelSpec spec;
            try {
                spec = new ApModelSpec(config.architecture(), featureSize, labels);
            } catch (IllegalArgumentException e) {
                throw m.fail("featureSize", "is invalid: " + e.getMessage());
            }
            Json.Fields position = m.object("position");
            position.only("completedSteps", "epochLoss", "epochSeconds");
            long done = position.longValue("completedSteps");
            if (done < 0 || done > config.totalSteps()) {
                throw position.fail("completedSteps", "is " + done + "; the schedule has " + config.totalSteps()
                        + " steps");
            }
            m.object("adam").only("steps");
            long adamSteps = m.object("adam").longValue("steps");
            if (adamSteps != done) {
                throw m.object("adam").fail("steps", "is " + adamSteps + " but the training took " + done);
            }
            List<EpochReport> reports = epochs(m, config, done);
            int bestEpoch = bestEpoch(m, reports);
            List<TensorSpec> expected = new ArrayList<>();
            expect(expected, WEIGHTS, spec);
            expect(expected, FIRST_MOMENTS, spec);
            expect(expected, SECOND_MOMENTS, spec);
            if (bestEpoch > 0) {
                expect(expected, BEST, spec);
            }
            expected.add(new TensorSpec(ModelFile.INPUT_MEAN, new int[] {featureSize}));
            expected.add(new TensorSpec(ModelFile.INPUT_STD, new int[] {featureSize}));
            String model = "the checkpoint of " + config.architecture().displayName();
            Map<String, float[]> values = ModelArchive.tensors(r, m, expected, model + " ("
                    + config.architecture().variant() + ")", model);
            try {
                InputStandardization standardization = InputStandardization.of(values.get(ModelFile.INPUT_MEAN),
                        values.get(ModelFile.INPUT_STD), m.object("inputStandardization").longValue("frames"));
                m.object("inputStandardization").only("frames");
                EpochLoop.Best<ApWeights> best = bestEpoch == 0 ? null
                        : new EpochLoop.Best<>(weights(spec, BEST, values),
                                reports.get(bestEpoch - 1).validationScores(), bestEpoch);
                EpochLoop.State<ApWeights> loop = new EpochLoop.State<>(done, position.finite("epochLoss"),
                        position.finite("epochSeconds"), reports, best);
                AdamState adam = new AdamState(adamSteps, weights(spec, FIRST_MOMENTS, values),
                        weights(spec, SECOND_MOMENTS, values));
                return new TrainingCheckpoint(m.text("sdkVersion"), m.text("engine"), config, spec,
                        data(m.object("trainingData")), data(m.object("validationData")), standardization, loop,
                        weights(spec, WEIGHTS, values), adam);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "holds an unusable training state: " + e.getMessage(), e);
            }
        }
    }

    /** The epoch reports: one per validated epoch, numbered in order. */
    private static List<EpochReport> epochs(Json.Fields m, TrainingConfig config, long done)
            throws ModelFormatException {
        List<Json.Fields> items = m.objects("epochs");
        long validated = done / config.iterationsPerEpoch();
        if (items.size() != validated) {
            throw m.fail("epochs", "has " + items.size() + " reports; " + validated + " epochs were validated by step "
                    + done);
        }
        String selection = config.selectionMetric().displayName() + " mean";
        List<EpochReport> reports = new ArrayList<>();
        for (Json.Fields e : items) {
            e.only("epoch", "meanLoss", "learningRate", "seconds", "best", "validationScores");
            int epoch = e.integer("epoch");
            if (epoch != reports.size() + 1) {
                throw e.fail("epoch", "is " + epoch + "; expected " + (reports.size() + 1));
            }
            Map<String, Double> scores = Json.scores(e.object("validationScores"));
            Double score = scores.get(selection);
            if (score == null) {
                throw e.fail("validationScores", "lacks the selection score '" + selection + "'");
            }
            double seconds = e.finite("seconds");
            if (seconds < 0) {
                throw e.fail("seconds", "is negative");
            }
            reports.add(new EpochReport(epoch, config.epochs(), e.finite("meanLoss"), e.finite("learningRate"), scores,
                    score, e.bool("best"), seconds));
        }
        return reports;
    }

    /** The best epoch: 0 without reports, else the last one marked best (and the first is always marked). */
    private static int bestEpoch(Json.Fields m, List<EpochReport> reports) throws ModelFormatException {
        int best = m.integer("bestEpoch");
        int lastMarked = 0;
        for (EpochReport r : reports) {
            if (r.best()) {
                lastMarked = r.epoch();
            }
        }
        if (!reports.isEmpty() && !reports.get(0).best()) {
            throw m.fail("epochs", "does not mark the first epoch best; the first epoch is always kept");
        }
        if (best != lastMarked) {
            throw m.fail("bestEpoch", "is " + best + " but the last epoch marked best is " + lastMarked);
        }
        return best;
    }

    private static ObjectNode data(DatasetIdentity d) {
        ObjectNode n = Json.object();
        n.put("description", d.description());
        n.put("sha256", d.sha256());
        return n;
    }

    private static DatasetIdentity data(Json.Fields f) throws ModelFormatException {
        f.only("description", "sha256");
        try {
            return new DatasetIdentity(f.text("description"), f.text("sha256"));
        } catch (IllegalArgumentException e) {
            throw f.fail("sha256", "is invalid: " + e.getMessage());
        }
    }

    private static void put(Map<String, NpyArray> arrays, String prefix, ApWeights w) {
        for (TensorSpec t : w.spec().parameters()) {
            arrays.put(prefix + t.name(), NpyArray.ofFloats(t.shape(), w.get(t.name())));
        }
    }

    private static void expect(List<TensorSpec> expected, String prefix, ApModelSpec spec) {
        for (TensorSpec t : spec.parameters()) {
            expected.add(new TensorSpec(prefix + t.name(), t.shape()));
        }
    }

    private static ApWeights weights(ApModelSpec spec, String prefix, Map<String, float[]> values) {
        Map<String, float[]> tensors = new LinkedHashMap<>();
        for (TensorSpec t : spec.parameters()) {
            tensors.put(t.name(), values.get(prefix + t.name()));
        }
        return ApWeights.of(spec, tensors);
    }
}
