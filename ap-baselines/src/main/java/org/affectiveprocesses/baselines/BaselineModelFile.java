package org.affectiveprocesses.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.core.io.NpyArray;
import org.affectiveprocesses.core.io.NpyType;
import org.affectiveprocesses.core.io.NpzArchive;
import org.affectiveprocesses.core.io.NpzReader;
import org.affectiveprocesses.core.io.NpzWriter;
import org.affectiveprocesses.core.model.TensorSpec;

/**
 * The baseline model file, format version 1: the Affective Process model file's container (an
 * {@code .npz} archive with the JSON manifest {@code apmodel.json} first and one {@code '<f4'}
 * array per tensor, uncompressed, written atomically) with its own manifest schema per model type
 * ({@code "convgru"}, {@code "bigru"}, {@code "self-attention"}).
 *
 * <h2>Manifest fields</h2>
 *
 * <ul>
 *   <li>{@code format} {@code "affective-process-model"}, {@code formatVersion} {@code 1},
 *       {@code modelType} (one of the three types);
 *   <li>{@code architecture}: the type's sizes ({@code layers}, {@code hiddenSize}, {@code
 *       kernelSize}, {@code axis} ({@code "TIME"} or {@code "FEATURE"}), {@code featureChannels}
 *       for ConvGRU; {@code layers}, {@code hiddenSize} for BiGRU; {@code layers}, {@code heads},
 *       {@code modelWidth}, {@code feedForwardSize}, {@code positionalEncoding} for self-attention)
 *       and {@code windowLength};
 *   <li>{@code featureSize}, {@code usePseudoLabels}, {@code labelSpace} (as in the AP file);
 *   <li>{@code inference}: {@code hop} and {@code batchSize};
 *   <li>{@code outputStd}: dy positive numbers, the σ reported with every prediction;
 *   <li>{@code provenance} (as in the AP file);
 *   <li>{@code parameterCount}: the trainable parameters (the normalisation is not counted);
 *   <li>{@code tensors}: {@code name}, {@code shape}, {@code dtype} ({@code "<f4"}) and {@code
 *       sha256} of every entry: the network's parameters by readable name ({@link
 *       org.affectiveprocesses.baselines.nn.ParameterNames}), then {@value #NORMALIZATION_MEAN} and
 *       {@value #NORMALIZATION_SCALE} (the {@link InputNormalization}).
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
    public static final String MANIFEST = "apmodel.json";
    /** The value of the manifest's {@code format} field (shared with the Affective Process model file). */
    public static final String FORMAT = "affective-process-model";
    /** The format version this SDK writes and reads for baselines. */
    public static final int FORMAT_VERSION = 1;
    /** The tensor holding the input means. */
    public static final String NORMALIZATION_MEAN = "input_norm.mean";
    /** The tensor holding the input scales. */
    public static final String NORMALIZATION_SCALE = "input_norm.scale";
    /** The model types this file stores. */
    public static final List<String> MODEL_TYPES =
            List.of(ConvGruConfig.MODEL_TYPE, BiGruConfig.MODEL_TYPE, SelfAttentionConfig.MODEL_TYPE);

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
    public record Contents(BaselineSpec spec, BaselineWeights weights, InputNormalization normalization,
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
            if (normalization.size() != spec.inputSize()) {
                throw new IllegalArgumentException("the normalisation has " + normalization.size()
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
        ObjectNode root = ManifestFields.newObject();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("modelType", spec.architecture().modelType());
        root.set("architecture", ManifestCodec.architecture(spec.architecture()));
        root.put("featureSize", spec.featureSize());
        root.put("usePseudoLabels", spec.usePseudoLabels());
        root.set("labelSpace", ManifestCodec.labelSpace(spec.labelSpace()));
        ObjectNode inference = root.putObject("inference");
        inference.put("hop", contents.hop());
        inference.put("batchSize", contents.inferenceBatchSize());
        ArrayNode std = root.putArray("outputStd");
        for (float s : contents.outputStd()) {
            std.add((double) s);
        }
        root.set("provenance", ManifestCodec.provenance(contents.provenance()));
        long parameters = 0;
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (TensorSpec t : contents.weights().tensors()) {
            arrays.put(t.name(), NpyArray.ofFloats(t.shape(), contents.weights().get(t.name())));
            parameters += t.size();
        }
        int[] inputShape = {spec.inputSize()};
        arrays.put(NORMALIZATION_MEAN, NpyArray.ofFloats(inputShape, contents.normalization().mean()));
        arrays.put(NORMALIZATION_SCALE, NpyArray.ofFloats(inputShape, contents.normalization().scale()));
        root.put("parameterCount", parameters);
        ArrayNode tensors = root.putArray("tensors");
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            ObjectNode tn = tensors.addObject();
            tn.put("name", e.getKey());
            ArrayNode shape = tn.putArray("shape");
            for (int d : e.getValue().shape()) {
                shape.add(d);
            }
            tn.put("dtype", NpyType.FLOAT32.descr());
            tn.put("sha256", e.getValue().sha256());
        }
        try (NpzWriter w = NpzArchive.create(file)) {
            w.putText(MANIFEST, ManifestFields.write(root));
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                w.put(e.getKey(), e.getValue());
            }
            w.commit();
        }
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
            return manifest(r).text("modelType");
        }
    }

    /**
     * Reads and fully validates a baseline model file.
     *
     * @param file the file
     * @return its contents
     * @throws ModelFormatException if the file is not a valid version-1 baseline model file (the
     *     message names the file and the entry or field)
     * @throws IOException if reading fails
     */
    public static Contents read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (NpzReader r = NpzArchive.open(file)) {
            ManifestFields m = manifest(r);
            JsonNode version = m.raw("formatVersion");
            if (!version.isIntegralNumber() || !version.canConvertToInt()) {
                throw m.fail("formatVersion", "must be an integer, found " + ManifestFields.describe(version));
            }
            if (version.intValue() != FORMAT_VERSION) {
                throw new ModelFormatException(file, "format version " + version.intValue()
                        + " is not supported; this SDK reads " + FORMAT_VERSION + " (entry '" + MANIFEST
                        + "' field 'formatVersion')");
            }
            String type = m.text("modelType");
            if (!MODEL_TYPES.contains(type)) {
                throw m.fail("modelType", "is '" + type + "'; a baseline model file is one of " + MODEL_TYPES
                        + (type.equals("affective-process") ? " (load an Affective Process with AffectiveProcess.load)" : ""));
            }
            m.only("format", "formatVersion", "modelType", "architecture", "featureSize", "usePseudoLabels",
                    "labelSpace", "inference", "outputStd", "provenance", "parameterCount", "tensors");
            BaselineArchitecture architecture = ManifestCodec.architecture(type, m.object("architecture"));
            int featureSize = m.integer("featureSize");
            boolean pseudo = m.bool("usePseudoLabels");
            LabelSpace labels = ManifestCodec.labelSpace(m.object("labelSpace"));
            BaselineSpec spec;
            try {
                spec = new BaselineSpec(architecture, featureSize, labels, pseudo);
            } catch (IllegalArgumentException e) {
                throw m.fail("featureSize", "does not fit the architecture: " + e.getMessage());
            }
            ManifestFields inference = m.object("inference");
            inference.only("hop", "batchSize");
            int hop = inference.integer("hop");
            int batch = inference.integer("batchSize");
            double[] stdValues = m.finites("outputStd");
            float[] std = new float[stdValues.length];
            for (int i = 0; i < std.length; i++) {
                std[i] = (float) stdValues[i];
            }
            Provenance provenance = ManifestCodec.provenance(m.object("provenance"));
            List<TensorSpec> parameters = spec.tensors();
            long count = parameters.stream().mapToLong(TensorSpec::size).sum();
            if (m.longValue("parameterCount") != count) {
                throw m.fail("parameterCount", "is " + m.longValue("parameterCount") + " but the architecture has "
                        + count + " parameters");
            }
            Map<String, TensorSpec> expected = new LinkedHashMap<>();
            parameters.forEach(t -> expected.put(t.name(), t));
            expected.put(NORMALIZATION_MEAN, new TensorSpec(NORMALIZATION_MEAN, new int[] {spec.inputSize()}));
            expected.put(NORMALIZATION_SCALE, new TensorSpec(NORMALIZATION_SCALE, new int[] {spec.inputSize()}));
            Map<String, String> hashes = tensorList(m, expected, spec);
            checkEntries(r, expected.keySet());
            Map<String, float[]> values = new LinkedHashMap<>();
            for (TensorSpec t : expected.values()) {
                values.put(t.name(), tensor(r, t, hashes.get(t.name())));
            }
            try {
                InputNormalization norm = new InputNormalization(values.remove(NORMALIZATION_MEAN),
                        values.remove(NORMALIZATION_SCALE));
                return new Contents(spec, BaselineWeights.of(parameters, values), norm, std, hop, batch, provenance);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "holds unusable values: " + e.getMessage(), e);
            }
        }
    }

    private static ManifestFields manifest(NpzReader r) throws IOException {
        if (!r.containsEntry(MANIFEST)) {
            throw new ModelFormatException(r.file(), "has no entry '" + MANIFEST + "'; it is not a model file");
        }
        ManifestFields m = ManifestFields.parse(r.text(MANIFEST), r.file(), MANIFEST);
        String format = m.text("format");
        if (!FORMAT.equals(format)) {
            throw m.fail("format", "is '" + format + "', expected '" + FORMAT + "'; this is not a model file");
        }
        return m;
    }

    private static Map<String, String> tensorList(ManifestFields m, Map<String, TensorSpec> expected, BaselineSpec spec)
            throws ModelFormatException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ManifestFields t : m.objects("tensors")) {
            t.only("name", "shape", "dtype", "sha256");
            String name = t.text("name");
            TensorSpec want = expected.get(name);
            if (want == null) {
                throw t.fail("name", "names the tensor '" + name + "', which is not part of " + spec.architecture().describe());
            }
            if (hashes.containsKey(name)) {
                throw t.fail("name", "lists the tensor '" + name + "' twice");
            }
            int[] shape = t.ints("shape");
            if (!Arrays.equals(shape, want.shape())) {
                throw t.fail("shape", "of tensor '" + name + "' is " + Arrays.toString(shape) + " but the architecture needs "
                        + Arrays.toString(want.shape()));
            }
            String dtype = t.text("dtype");
            if (!NpyType.FLOAT32.descr().equals(dtype)) {
                throw t.fail("dtype", "of tensor '" + name + "' is '" + dtype + "'; only '<f4' is allowed");
            }
            String sha = t.text("sha256");
            if (!sha.matches("[0-9a-fA-F]{64}")) {
                throw t.fail("sha256", "of tensor '" + name + "' is not 64 hex digits");
            }
            hashes.put(name, sha.toLowerCase(Locale.ROOT));
        }
        for (TensorSpec t : expected.values()) {
            if (!hashes.containsKey(t.name())) {
                throw m.fail("tensors", "lacks the tensor '" + t.name() + "' " + Arrays.toString(t.shape()) + " that "
                        + spec.architecture().describe() + " needs");
            }
        }
        return hashes;
    }

    private static void checkEntries(NpzReader r, Set<String> tensorNames) throws ModelFormatException {
        Set<String> allowed = new HashSet<>();
        allowed.add(MANIFEST);
        for (String name : tensorNames) {
            allowed.add(NpzArchive.entryOf(name));
        }
        for (String entry : r.entryNames()) {
            if (!allowed.contains(entry)) {
                throw new ModelFormatException(r.file(), "holds the unknown entry '" + entry
                        + "'; a baseline model file holds only '" + MANIFEST + "' and its tensors");
            }
        }
        for (String name : tensorNames) {
            if (!r.contains(name)) {
                throw new ModelFormatException(r.file(), "lacks the entry '" + NpzArchive.entryOf(name) + "' of tensor '"
                        + name + "'");
            }
        }
    }

    private static float[] tensor(NpzReader r, TensorSpec t, String sha256) throws IOException {
        String entry = NpzArchive.entryOf(t.name());
        NpyArray a = r.get(t.name());
        if (a.type() != NpyType.FLOAT32 || !Arrays.equals(a.shape(), t.shape())) {
            throw new ModelFormatException(r.file(), "entry '" + entry + "' of tensor '" + t.name() + "' holds '"
                    + a.type().descr() + "' " + Arrays.toString(a.shape()) + "; expected '<f4' " + Arrays.toString(t.shape()));
        }
        if (!a.sha256().equals(sha256)) {
            throw new ModelFormatException(r.file(), "entry '" + entry + "' of tensor '" + t.name()
                    + "' is damaged: its SHA-256 does not match the manifest");
        }
        float[] v = a.toFloats();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new ModelFormatException(r.file(), "entry '" + entry + "' of tensor '" + t.name()
                        + "' holds the non-finite value " + v[i] + " at flat index " + i);
            }
        }
        return v;
    }
}
