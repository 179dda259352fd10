package org.affectiveprocesses.core.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.io.Json;
import org.affectiveprocesses.io.ModelArchive;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.TensorSpec;

/**
 * The Affective Process model file ({@code .apmodel}), format version 1: an {@code .npz} archive
 * (so {@code numpy.load("m.apmodel")["encoder.0.weight"]} works) holding a JSON manifest and one
 * float32 array per parameter tensor.
 *
 * <h2>Entries</h2>
 *
 * <ul>
 *   <li>{@code apmodel.json}: the UTF-8 JSON manifest (first entry);
 *   <li>{@code <tensor>.npy} for every tensor of {@link ApModelSpec#parameters()}, in that order:
 *       {@code '<f4'}, C order, the spec's shape (PyTorch {@code nn.Linear} convention: weight
 *       {@code [out, in]}, bias {@code [out]}), so that an equivalent PyTorch module loads them
 *       with {@code model.load_state_dict({t["name"]: torch.from_numpy(m[t["name"]]) for t in
 *       manifest["tensors"]})} where {@code m = numpy.load(f)} and {@code manifest =
 *       json.loads(m["apmodel.json"])} ({@code m.files} also lists the manifest, which numpy
 *       returns as bytes).
 * </ul>
 *
 * Entries are stored uncompressed, as {@code numpy.savez} does. No other entries are allowed.
 *
 * <h2>Manifest fields</h2>
 *
 * <ul>
 *   <li>{@code format}: the string {@code "affective-process-model"};
 *   <li>{@code formatVersion}: the integer {@code 1}; readers reject any other version;
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
 *       {@code contextSize}, {@code numSamples}, {@code batchSize} (integers),
 *       {@code samplingSeed} (64-bit integer) and {@code selector} (one of {@code "lowest-sigma"},
 *       {@code "highest-sigma"}, {@code "all"}, {@code "random:<seed>"}, as written by
 *       {@link ContextSelectors#describe} and read by the allow-list {@link ContextSelectors#parse});
 *   <li>{@code provenance}: the {@link Provenance}: {@code sdkVersion}, {@code engine},
 *       {@code createdUtc} (ISO-8601), {@code trainingConfig}, {@code trainingData},
 *       {@code validationData} (strings), {@code validationScores} (an object from score name to
 *       number; a non-finite score is written as the string {@code "NaN"}, {@code "Infinity"} or
 *       {@code "-Infinity"}, a missing one as {@code null}) and {@code bestEpoch} (integer);
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
 * file is replaced only by a complete new one.
 *
 * <p>The full description is also in {@code docs/MODEL-FORMAT.md}.
 */
public final class ModelFile {
    /** The manifest's entry name. */
    public static final String MANIFEST = ModelArchive.MANIFEST;
    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = ModelArchive.FORMAT;
    /** The format version this SDK writes and reads. */
    public static final int FORMAT_VERSION = 1;
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
     * @param weights its parameters (of {@code spec})
     * @param inference the inference options to use by default; the selector must be one of the
     *     built-in {@link ContextSelectors} ({@code lowestSigma}, {@code highestSigma},
     *     {@code all}, {@code random(seed)})
     * @param provenance how the model was made
     */
    public record Contents(ApModelSpec spec, ApWeights weights, InferenceOptions inference,
            Provenance provenance) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException if the weights belong to another spec
         */
        public Contents {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(inference, "inference");
            Objects.requireNonNull(provenance, "provenance");
            if (!weights.spec().equals(spec)) {
                throw new IllegalArgumentException("the weights belong to another model (" + weights.spec()
                        + ") than the spec (" + spec + ")");
            }
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
        root.set("provenance", Json.provenance(contents.provenance()));
        root.put("parameterCount", spec.parameterCount());
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (TensorSpec t : spec.parameters()) {
            arrays.put(t.name(), NpyArray.ofFloats(t.shape(), contents.weights().get(t.name())));
        }
        ModelArchive.write(file, root, arrays);
    }

    /**
     * Reads and fully validates a model file.
     *
     * @param file the {@code .apmodel} file
     * @return its contents
     * @throws ModelFormatException if the file is not a valid version-1 model file (the message
     *     names the file and the entry or field)
     * @throws IOException if reading fails
     */
    public static Contents read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (NpzReader r = NpzArchive.open(file)) {
            Json.Fields m = ModelArchive.manifest(r, "an Affective Process model file");
            m.requireFormatVersion(FORMAT_VERSION);
            String type = m.text("modelType");
            if (!MODEL_TYPE.equals(type)) {
                throw m.fail("modelType", "is '" + type + "', expected '" + MODEL_TYPE + "'");
            }
            m.only("format", "formatVersion", "modelType", "architecture", "featureSize", "labelSpace",
                    "inference", "provenance", "parameterCount", "tensors");
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
            InferenceOptions options = inference(inf);
            Provenance provenance = Json.provenance(m.object("provenance"));
            long count = m.longValue("parameterCount");
            if (count != spec.parameterCount()) {
                throw m.fail("parameterCount", "is " + count + " but the architecture has "
                        + spec.parameterCount() + " parameters");
            }
            Map<String, float[]> values = ModelArchive.tensors(r, m, spec.parameters(),
                    arch.displayName() + " (" + arch.variant() + ")", arch.displayName());
            ApWeights weights;
            try {
                weights = ApWeights.of(spec, values);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "holds unusable weights: " + e.getMessage(), e);
            }
            return new Contents(spec, weights, options, provenance);
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
        n.put("batchSize", o.batchSize());
        return n;
    }

    private static InferenceOptions inference(Json.Fields f) throws ModelFormatException {
        f.only("windowLength", "hop", "contextSize", "selector", "numSamples", "samplingSeed", "batchSize");
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
        int batch = f.integer("batchSize");
        try {
            return new InferenceOptions(window, hop, context, selector, samples,
                    samplingSeed, batch);
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is invalid: " + e.getMessage());
        }
    }
}
