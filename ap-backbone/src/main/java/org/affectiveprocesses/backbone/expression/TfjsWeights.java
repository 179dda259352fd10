package org.affectiveprocesses.backbone.expression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * The weights of a TensorFlow.js model: a JSON weights manifest plus binary shards.
 *
 * <p>The manifest is a JSON array of groups; each group names its shard files ({@code paths}, read
 * in order and concatenated) and lists its weights ({@code name}, {@code shape}, {@code dtype}),
 * stored one after the other in the concatenated shards, little-endian. A weight may carry a
 * {@code quantization} object: {@code {"dtype": "uint8" | "uint16", "scale": s, "min": m}} stores
 * each value as an unsigned integer q with value {@code q·s + m}; {@code {"dtype": "float16"}}
 * stores IEEE half floats. Unquantised weights are {@code float32} or {@code int32}. Every value is
 * returned as a {@code float}.
 */
public final class TfjsWeights {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final Map<String, Tensor> tensors;

    private TfjsWeights(String source, Map<String, Tensor> tensors) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /** Opens a named file next to the manifest (a shard). */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens a file.
         *
         * @param name the file name as the manifest gives it
         * @return its bytes, from the start
         * @throws IOException if it cannot be opened
         */
        InputStream open(String name) throws IOException;
    }

    /**
     * One weight tensor, values in row-major order of its TensorFlow shape.
     *
     * @param name the weight's name
     * @param shape its shape
     * @param values its values (not copied: treat as read-only)
     */
    public record Tensor(String name, int[] shape, float[] values) {
        /** Validates the size. */
        public Tensor {
            Objects.requireNonNull(name, "name");
            if (values.length != size(shape)) {
                throw new IllegalArgumentException("weight '" + name + "' has shape "
                        + Arrays.toString(shape) + " but " + values.length + " values");
            }
        }

        /** The shape as text, e.g. {@code [3, 3, 32, 1]}. */
        public String shapeText() {
            return Arrays.toString(shape);
        }
    }

    /**
     * Reads a manifest file and the shards beside it.
     *
     * @param manifest the {@code *-weights_manifest.json} file
     * @return the weights
     * @throws ModelFormatException if the manifest or a shard is malformed or too short
     * @throws IOException if a file cannot be read
     */
    public static TfjsWeights read(Path manifest) throws IOException {
        Path dir = manifest.toAbsolutePath().getParent();
        try (InputStream in = Files.newInputStream(manifest)) {
            return read(manifest.toString(), in, name -> Files.newInputStream(dir.resolve(name)));
        }
    }

    /**
     * Reads a manifest and its shards from a classpath folder (where a module's build packages
     * the weights it fetched).
     *
     * @param folder the classpath folder, e.g. {@code /org/affectiveprocesses/backbone/models/face-api/}
     * @param manifest the manifest's file name in that folder
     * @param missing what to tell the user when the manifest is not there (e.g. which build fetches it)
     * @return the weights
     * @throws IOException naming the missing file and {@code missing} if the manifest or a shard
     *     is not on the classpath
     * @throws ModelFormatException if the manifest or a shard is malformed or too short
     */
    public static TfjsWeights fromClasspath(String folder, String manifest, String missing) throws IOException {
        InputStream in = TfjsWeights.class.getResourceAsStream(folder + manifest);
        if (in == null) {
            throw new IOException(folder + manifest + " is not on the classpath; " + missing);
        }
        try (in) {
            return read("classpath:" + folder + manifest, in, name -> {
                InputStream shard = TfjsWeights.class.getResourceAsStream(folder + name);
                if (shard == null) {
                    throw new IOException("weight shard " + folder + name + " is not on the classpath; " + missing);
                }
                return shard;
            });
        }
    }

    /**
     * Reads a manifest from a stream and its shards through an opener (e.g. from the classpath).
     *
     * @param source a name for the manifest used in error messages
     * @param manifest the manifest's bytes
     * @param shards opens the shard files the manifest names
     * @return the weights
     * @throws ModelFormatException if the manifest or a shard is malformed or too short
     * @throws IOException if a shard cannot be read
     */
    public static TfjsWeights read(String source, InputStream manifest, Opener shards) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (JsonProcessingException e) {
            throw fail(source, "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw fail(source, "must be a non-empty JSON array of weight groups");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int g = 0; g < root.size(); g++) {
            JsonNode group = root.get(g);
            String where = "group " + g;
            JsonNode paths = group.get("paths");
            JsonNode weights = group.get("weights");
            if (paths == null || !paths.isArray() || paths.isEmpty() || weights == null || !weights.isArray()) {
                throw fail(source, where + " needs a non-empty 'paths' array and a 'weights' array");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (JsonNode p : paths) {
                if (!p.isTextual() || p.asText().isBlank() || p.asText().contains("..")) {
                    throw fail(source, where + " has a bad shard path " + p);
                }
                try (InputStream in = shards.open(p.asText())) {
                    in.transferTo(bytes);
                }
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : weights) {
                Tensor t = readTensor(source, where, w, buf);
                if (out.put(t.name(), t) != null) {
                    throw fail(source, "repeats the weight '" + t.name() + "'");
                }
            }
            if (buf.hasRemaining()) {
                throw fail(source, where + ": the shards hold " + buf.remaining()
                        + " bytes more than its weights need");
            }
        }
        return new TfjsWeights(source, out);
    }

    /** The weight names, in manifest order. */
    public java.util.Set<String> names() {
        return tensors.keySet();
    }

    /**
     * A weight, checked against an expected shape.
     *
     * @param name the weight's name
     * @param shape the expected shape; a negative entry accepts any size in that place
     * @return the weight
     * @throws ModelFormatException if it is missing or of another shape
     */
    public Tensor require(String name, int... shape) throws ModelFormatException {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw fail(source, "lacks the weight '" + name + "'");
        }
        boolean ok = t.shape().length == shape.length;
        for (int i = 0; ok && i < shape.length; i++) {
            ok = shape[i] < 0 || shape[i] == t.shape()[i];
        }
        if (!ok) {
            throw fail(source, "weight '" + name + "' has shape " + t.shapeText() + ", expected "
                    + Arrays.toString(shape).replace("-1", "*"));
        }
        return t;
    }

    /** The manifest's name, as used in messages. */
    public String source() {
        return source;
    }

    private static Tensor readTensor(String source, String where, JsonNode w, ByteBuffer buf)
            throws ModelFormatException {
        JsonNode nameNode = w.get("name");
        JsonNode shapeNode = w.get("shape");
        JsonNode dtypeNode = w.get("dtype");
        if (nameNode == null || !nameNode.isTextual() || shapeNode == null || !shapeNode.isArray()
                || dtypeNode == null || !dtypeNode.isTextual()) {
            throw fail(source, where + " has a weight without a text 'name', an array 'shape' and a text 'dtype': " + w);
        }
        String name = nameNode.asText();
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.intValue() < 0) {
                throw fail(source, "weight '" + name + "' has a bad shape " + shapeNode);
            }
            shape[i] = d.intValue();
        }
        long n = size(shape);
        String dtype = dtypeNode.asText();
        JsonNode q = w.get("quantization");
        String stored = q == null ? dtype : text(q, "dtype", source, name);
        int width = switch (stored) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw fail(source, "weight '" + name + "' is stored as unsupported dtype '" + stored + "'");
        };
        if (!dtype.equals("float32") && !dtype.equals("int32")) {
            throw fail(source, "weight '" + name + "' has unsupported dtype '" + dtype + "'");
        }
        if (n * width > buf.remaining()) {
            throw fail(source, "weight '" + name + "' needs " + n * width + " bytes but the shards of "
                    + where + " have only " + buf.remaining() + " left (truncated?)");
        }
        float[] values = new float[(int) n];
        if (q == null) {
            for (int i = 0; i < n; i++) {
                values[i] = dtype.equals("int32") ? buf.getInt() : buf.getFloat();
            }
        } else if (stored.equals("float16")) {
            for (int i = 0; i < n; i++) {
                values[i] = halfToFloat(buf.getShort());
            }
        } else {
            double scale = number(q, "scale", source, name);
            double min = number(q, "min", source, name);
            for (int i = 0; i < n; i++) {
                int v = width == 1 ? buf.get() & 0xFF : buf.getShort() & 0xFFFF;
                values[i] = (float) (v * scale + min);
            }
        }
        return new Tensor(name, shape, values);
    }

    /** An IEEE 754 half-precision value as a float. */
    static float halfToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static String text(JsonNode q, String field, String source, String name) throws ModelFormatException {
        JsonNode v = q.get(field);
        if (v == null || !v.isTextual()) {
            throw fail(source, "weight '" + name + "' quantization lacks a text '" + field + "'");
        }
        return v.asText();
    }

    private static double number(JsonNode q, String field, String source, String name) throws ModelFormatException {
        JsonNode v = q.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw fail(source, "weight '" + name + "' quantization lacks a finite number '" + field + "'");
        }
        return v.doubleValue();
    }

    private static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
        }
        return (int) n;
    }

    private static ModelFormatException fail(String source, String problem) {
        return new ModelFormatException(Path.of(source), problem);
    }
}
