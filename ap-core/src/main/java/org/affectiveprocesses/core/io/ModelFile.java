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
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.io.FormatVersions;
import org.affectiveprocesses.io.Json;
import org.affectiveprocesses.io.ModelArchive;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.TensorSpec;

/**
 * The Affective Process model file ({@code .apmodel}), format version 2: an {@code .npz} archive
 * (so {@code numpy.load("m.apmodel")["encoder.0.weight"]} works) holding a JSON manifest and one
 * float32 array per parameter tensor, plus the input standardisation. Version-1 files are still
 * read (they predict exactly as before: no standardisation, no calibration).
 *
 * <h2>Entries</h2>
 *
 * <ul>
 *   <li>{@code apmodel.json}: the UTF-8 JSON manifest (first entry);
 *   <li>{@code <tensor>.npy} for every tensor of {@link ApModelSpec#parameters()}, in that order:
 *       {@code '<f4'}, C order, the spec's shape (PyTorch {@code nn.Linear} convention: weight
 *       {@code [out, in]}, bias {@code [out]}), so that an equivalent PyTorch module loads them
 *       with {@code model.load_state_dict({t["name"]: torch.from_numpy(m[t["name"]]) for t in
 *       manifest["tensors"] if not t["name"].startswith("input.")})} where {@code m = numpy.load(f)}
 *       and {@code manifest = json.loads(m["apmodel.json"])}; the weights read standardised
 *       features;
 *   <li>{@code input.mean.npy} and {@code input.std.npy} ({@code '<f4'}, shape [dx]; format 2):
 *       the per-feature mean m and standard deviation s of the training features; the network
 *       reads (x − m)/s (m = 0 and s = 1 when the model was trained on raw features);
 *   <li>{@code checksums.sha256} (format 2, the last entry): the SHA-256 of every other entry,
 *       manifest included ({@link ModelArchive}); required from format 2 on.
 * </ul>
 *
 * Entries are stored uncompressed, as {@code numpy.savez} does. No other entries are allowed.
 *
 * <h2>Manifest fields</h2>
 *
 * <ul>
 *   <li>{@code format}: the string {@code "affective-process-model"};
 *   <li>{@code formatVersion}: the integer {@code 2} (files of version 1 are read too);
 *   <li>{@code modelType}: the string {@code "affective-process"};
 *   <li>{@code architecture}: the {@link ApArchitecture}: {@code variant} (an {@link ApVariant}
 *       constant name: {@code LATENT}, {@code DETERMINISTIC}, {@code LATENT_DETERMINISTIC},
 *       {@code LATENT_DETERMINISTIC_ATTENTION}), {@code usePseudoLabels} (boolean),
 *       {@code hiddenSize}, {@code latentSize}, {@code attentionHeads} (integers),
 *       {@code latentSigmaFloor}, {@code outputSigmaFloor} (numbers in [0, 1));
 *   <li>{@code featureSize}: the feature size dx (integer, 512 in the paper);
 *   <li>{@code labelSpace}: the {@link LabelSpace}: {@code name}, {@code kind} (a
 *       {@link org.affectiveprocesses.api.LabelKind} constant name), {@code dimensions} (array of
 *       strings, output order; dy is its length), {@code rawMin}, {@code rawMax} (finite numbers);
 *   <li>{@code inference}: the {@link InferenceOptions}: {@code windowLength}, {@code hop},
 *       {@code contextSize}, {@code numSamples} (integers), {@code samplingSeed} (64-bit integer)
 *       and {@code selector} (one of {@code "lowest-sigma"}, {@code "highest-sigma"}, {@code "all"},
 *       {@code "random:<seed>"}, as written by {@link ContextSelectors#describe} and read by the
 *       allow-list {@link ContextSelectors#parse}); version 1 also had {@code batchSize}, an engine
 *       setting now given by {@link org.affectiveprocesses.api.Engine#withBatchSize} (read and ignored);
 *   <li>{@code inputStandardization} (format 2): {@code frames}, the number of training frames
 *       the statistics were computed on (0: no standardisation; the data are the provenance's
 *       {@code trainingData});
 *   <li>{@code calibration} (format 2): the {@link UncertaintyCalibration}: {@code method}
 *       ({@code "NONE"} or {@code "VARIANCE_SCALING"}), {@code scales} (one positive number per
 *       output dimension, applied to σ and to the spread of function samples), {@code data} (what
 *       they were fitted on), {@code frames} (integer), {@code nllBefore}, {@code nllAfter}
 *       (numbers, or {@code null} when not fitted);
 *   <li>{@code provenance}: the {@link Provenance}: {@code sdkVersion}, {@code engine},
 *       {@code createdUtc} (ISO-8601), {@code trainingData}, {@code validationData} (strings),
 *       {@code trainingConfig} (format 2: a structured configuration, {@code type}
 *       {@code "TrainingConfig"}, {@code version}, {@code values}, from which
 *       {@link org.affectiveprocesses.api.TrainingConfig#fromConfiguration} rebuilds the
 *       configuration; format 1: its {@code toString()} text), {@code validationScores} (an
 *       object from score name to number; a non-finite score is written as the string
 *       {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, a missing one as {@code null})
 *       and {@code bestEpoch} (integer);
 *   <li>{@code parameterCount}: the total number of parameters (integer; checked on reading);
 *   <li>{@code tensors}: an array, in the order of the entries, of objects {@code name},
 *       {@code shape} (array of integers), {@code dtype} (always {@code "<f4"}) and {@code sha256}
 *       (64 lower-case hex digits: SHA-256 of the tensor's little-endian data bytes, i.e. the
 *       {@code .npy} entry without its header; {@code hashlib.sha256(a.astype('<f4').tobytes())}).
 * </ul>
 *
 * <h2>Reading</h2>
 *
 * The reader accepts only what is listed above (an allow-list): the format, version and model
 * type must match; enumerations are parsed by constant name; unknown fields, unknown entries and
 * unknown tensors are rejected; every tensor of the spec must be present in the manifest and the
 * archive with the exact shape and dtype {@code '<f4'}, an intact CRC-32 and the manifest's
 * SHA-256, and must hold only finite values. Any deviation raises a {@link ModelFormatException}
 * naming the file and the entry or field. Nothing is instantiated from the file other than the
 * SDK's own value types.
 *
 * <h2>Writing</h2>
 *
 * {@link #write} is atomic (a temporary file in the same directory, moved into place once
 * complete): a failed write leaves no file and no temporary file behind, and an existing model
 * file is replaced only by a complete new one. It always writes the newest format.
 *
 * <p>The full description is also in {@code docs/MODEL-FORMAT.md}.
 */
public final class ModelFile {
    /** The manifest's entry name. */
    public static final String MANIFEST = ModelArchive.MANIFEST;
    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = ModelArchive.FORMAT;
    /** The format version this SDK writes (it reads this one and {@link #OLDEST_FORMAT_VERSION}). */
    public static final int FORMAT_VERSION = 2;
    /** The oldest format version this SDK reads. */
    public static final int OLDEST_FORMAT_VERSION = 1;
    /** The versions read: 1 (no checksums) and 2 (the checksums entry required). */
    public static final FormatVersions VERSIONS = new FormatVersions(OLDEST_FORMAT_VERSION, FORMAT_VERSION, 2);
    /** The entry of the input standardisation's per-feature mean (format 2). */
    public static final String INPUT_MEAN = "input.mean";
    /** The entry of the input standardisation's per-feature standard deviation (format 2). */
    public static final String INPUT_STD = "input.std";
    /** The value of the manifest's {@code modelType} field. */
    public static final String MODEL_TYPE = "affective-process";
    /** The conventional file name extension. */
    public static final String EXTENSION = ".apmodel";

    private ModelFile() {
    }

    /**
     * Everything a model file holds.
     *
     * @param spec the model's shape
     * @param weights its parameters (of {@code spec}), which read standardised features
     * @param standardization the input standardisation the weights expect ({@link
     *     InputStandardization#identity} for raw features)
     * @param calibration the calibration of σ (one scale per output dimension)
     * @param inference the inference options to use by default; the selector must be one of the
     *     built-in {@link ContextSelectors} ({@code lowestSigma}, {@code highestSigma},
     *     {@code all}, {@code random(seed)})
     * @param provenance how the model was made
     */
    public record Contents(ApModelSpec spec, ApWeights weights, InputStandardization standardization,
            UncertaintyCalibration calibration, InferenceOptions inference, Provenance provenance) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException if the weights belong to another spec, or the
         *     standardisation or calibration do not match its feature or label size
         */
        public Contents {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(standardization, "standardization");
            Objects.requireNonNull(calibration, "calibration");
            Objects.requireNonNull(inference, "inference");
            Objects.requireNonNull(provenance, "provenance");
            if (!weights.spec().equals(spec)) {
                throw new IllegalArgumentException("the weights belong to another model (" + weights.spec()
                        + ") than the spec (" + spec + ")");
            }
            if (standardization.featureSize() != spec.featureSize()) {
                throw new IllegalArgumentException("the input standardisation has " + standardization.featureSize()
                        + " features, the model reads " + spec.featureSize());
            }
            if (calibration.scales().length != spec.labelSize()) {
                throw new IllegalArgumentException("the calibration has " + calibration.scales().length
                        + " scales, the model predicts " + spec.labelSize() + " dimensions");
            }
        }

        /**
         * A model that reads raw features and reports σ uncalibrated (weights initialised for a
         * test or a benchmark, or trained outside the SDK's trainer).
         *
         * @param weights the parameters
         * @param inference the default test protocol
         * @param provenance how the weights were made
         * @return the contents
         */
        public static Contents of(ApWeights weights, InferenceOptions inference, Provenance provenance) {
            ApModelSpec spec = weights.spec();
            return new Contents(spec, weights, InputStandardization.identity(spec.featureSize()),
                    UncertaintyCalibration.none(spec.labelSize()), inference, provenance);
        }
    }

    /**
     * Writes a model file atomically (never a partial file).
     *
     * @param file the {@code .apmodel} file to create or replace
     * @param contents what to store
     * @throws IllegalArgumentException if the context selector is user-defined
     * @throws IOException if writing fails (no file and no temporary file remain)
     */
    public static void write(Path file, Contents contents) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contents, "contents");
        ContextSelectors.describe(contents.inference().selector()); // refuses user-defined selectors
        ApModelSpec spec = contents.spec();
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("modelType", MODEL_TYPE);
        root.set("architecture", architecture(spec.architecture()));
        root.put("featureSize", spec.featureSize());
        root.set("labelSpace", Json.labelSpace(spec.labelSpace()));
        root.set("inference", inference(contents.inference()));
        root.putObject("inputStandardization").put("frames", contents.standardization().frames());
        root.set("calibration", calibration(contents.calibration()));
        root.set("provenance", Json.provenance(contents.provenance()));
        root.put("parameterCount", spec.parameterCount());
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (TensorSpec t : spec.parameters()) {
            arrays.put(t.name(), NpyArray.ofFloats(t.shape(), contents.weights().get(t.name())));
        }
        int[] perFeature = {spec.featureSize()};
        arrays.put(INPUT_MEAN, NpyArray.ofFloats(perFeature, contents.standardization().mean()));
        arrays.put(INPUT_STD, NpyArray.ofFloats(perFeature, contents.standardization().std()));
        ModelArchive.write(file, root, arrays);
    }

    /**
     * Reads and fully validates a model file.
     *
     * @param file the {@code .apmodel} file
     * @return its contents
     * @throws ModelFormatException if the file is not a valid model file of a version this SDK
     *     reads (the message names the file and the entry or field)
     * @throws IOException if reading fails
     */
    public static Contents read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (NpzReader r = NpzArchive.open(file)) {
            Json.Fields m = ModelArchive.manifest(r, "an Affective Process model file", VERSIONS);
            int version = m.integer("formatVersion");
            String type = m.text("modelType");
            if (!MODEL_TYPE.equals(type)) {
                throw m.fail("modelType", "is '" + type + "', expected '" + MODEL_TYPE + "'");
            }
            if (version == 1) {
                m.only("format", "formatVersion", "modelType", "architecture", "featureSize", "labelSpace",
                        "inference", "provenance", "parameterCount", "tensors");
            } else {
                m.only("format", "formatVersion", "modelType", "architecture", "featureSize", "labelSpace",
                        "inference", "inputStandardization", "calibration", "provenance", "parameterCount",
                        "tensors");
            }
            ApArchitecture arch = architecture(m.object("architecture"));
            int featureSize = m.integer("featureSize");
            LabelSpace labels = Json.labelSpace(m.object("labelSpace"));
            ApModelSpec spec;
            try {
                spec = new ApModelSpec(arch, featureSize, labels);
            } catch (IllegalArgumentException e) {
                throw m.fail("featureSize", "is invalid: " + e.getMessage());
            }
            Json.Fields inf = m.object("inference");
            InferenceOptions options = inference(inf, version);
            Provenance provenance = Json.provenance(m.object("provenance"));
            long count = m.longValue("parameterCount");
            if (count != spec.parameterCount()) {
                throw m.fail("parameterCount", "is " + count + " but the architecture has "
                        + spec.parameterCount() + " parameters");
            }
            List<TensorSpec> expected = new ArrayList<>(spec.parameters());
            if (version >= 2) {
                expected.add(new TensorSpec(INPUT_MEAN, new int[] {featureSize}));
                expected.add(new TensorSpec(INPUT_STD, new int[] {featureSize}));
            }
            Map<String, float[]> values = ModelArchive.tensors(r, m, expected,
                    arch.displayName() + " (" + arch.variant() + ")", arch.displayName());
            InputStandardization standardization = InputStandardization.identity(featureSize);
            UncertaintyCalibration calibration = UncertaintyCalibration.none(labels.size());
            if (version >= 2) {
                long frames = m.object("inputStandardization").longValue("frames");
                m.object("inputStandardization").only("frames");
                try {
                    standardization = InputStandardization.of(values.remove(INPUT_MEAN), values.remove(INPUT_STD),
                            frames);
                } catch (IllegalArgumentException e) {
                    throw m.fail("inputStandardization", "is unusable: " + e.getMessage());
                }
                calibration = calibration(m.object("calibration"), labels.size());
            }
            ApWeights weights;
            try {
                weights = ApWeights.of(spec, values);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "holds unusable weights: " + e.getMessage(), e);
            }
            return new Contents(spec, weights, standardization, calibration, options, provenance);
        }
    }

    private static ObjectNode architecture(ApArchitecture a) {
        ObjectNode n = Json.object();
        n.put("variant", a.variant().name());
        n.put("usePseudoLabels", a.usePseudoLabels());
        n.put("hiddenSize", a.hiddenSize());
        n.put("latentSize", a.latentSize());
        n.put("attentionHeads", a.attentionHeads());
        n.put("latentSigmaFloor", a.latentSigmaFloor());
        n.put("outputSigmaFloor", a.outputSigmaFloor());
        return n;
    }

    private static ApArchitecture architecture(Json.Fields f) throws ModelFormatException {
        f.only("variant", "usePseudoLabels", "hiddenSize", "latentSize", "attentionHeads",
                "latentSigmaFloor", "outputSigmaFloor");
        ApVariant variant = f.enumValue("variant", ApVariant.class);
        boolean pseudo = f.bool("usePseudoLabels");
        int hidden = f.integer("hiddenSize");
        int latent = f.integer("latentSize");
        int heads = f.integer("attentionHeads");
        double latentFloor = f.finite("latentSigmaFloor");
        double outputFloor = f.finite("outputSigmaFloor");
        try {
            return new ApArchitecture(variant, pseudo, hidden, latent, heads, latentFloor, outputFloor);
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is invalid: " + e.getMessage());
        }
    }

    private static ObjectNode inference(InferenceOptions o) {
        ObjectNode n = Json.object();
        n.put("windowLength", o.windowLength());
        n.put("hop", o.hop());
        n.put("contextSize", o.contextSize());
        n.put("selector", ContextSelectors.describe(o.selector()));
        n.put("numSamples", o.numSamples());
        n.put("samplingSeed", o.samplingSeed());
        return n;
    }

    private static InferenceOptions inference(Json.Fields f, int version) throws ModelFormatException {
        if (version == 1) {
            f.only("windowLength", "hop", "contextSize", "selector", "numSamples", "samplingSeed", "batchSize");
            if (f.integer("batchSize") < 1) {
                throw f.fail("batchSize", "must be >= 1");
            }
        } else {
            f.only("windowLength", "hop", "contextSize", "selector", "numSamples", "samplingSeed");
        }
        ContextSelector selector;
        try {
            selector = ContextSelectors.parse(f.text("selector"));
        } catch (IllegalArgumentException e) {
            throw f.fail("selector", "is invalid: " + e.getMessage());
        }
        int window = f.integer("windowLength");
        int hop = f.integer("hop");
        int context = f.integer("contextSize");
        int samples = f.integer("numSamples");
        long samplingSeed = f.longValue("samplingSeed");
        try {
            return new InferenceOptions(window, hop, context, selector, samples, samplingSeed);
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is invalid: " + e.getMessage());
        }
    }

    private static ObjectNode calibration(UncertaintyCalibration c) {
        ObjectNode n = Json.object();
        n.put("method", c.method().name());
        ArrayNode scales = n.putArray("scales");
        for (double v : c.scales()) {
            scales.add(v);
        }
        n.put("data", c.data());
        n.put("frames", c.frames());
        putNumber(n, "nllBefore", c.nllBefore());
        putNumber(n, "nllAfter", c.nllAfter());
        return n;
    }

    private static UncertaintyCalibration calibration(Json.Fields f, int dimensions) throws ModelFormatException {
        f.only("method", "scales", "data", "frames", "nllBefore", "nllAfter");
        double[] scales = f.finites("scales");
        if (scales.length != dimensions) {
            throw f.fail("scales", "has " + scales.length + " values; the model predicts " + dimensions + " dimensions");
        }
        try {
            return new UncertaintyCalibration(f.enumValue("method", UncertaintyCalibration.Method.class), scales,
                    f.text("data"), f.longValue("frames"), numberOrNaN(f, "nllBefore"), numberOrNaN(f, "nllAfter"));
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is invalid: " + e.getMessage());
        }
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    private static double numberOrNaN(Json.Fields f, String key) throws ModelFormatException {
        return f.raw(key).isNull() ? Double.NaN : f.finite(key);
    }
}
