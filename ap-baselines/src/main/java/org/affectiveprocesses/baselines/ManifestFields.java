package org.affectiveprocesses.baselines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * Strict, typed access to one object of a baseline model file's JSON manifest, read as a tree
 * (nothing is instantiated from the file). Duplicate keys, trailing content and non-standard
 * tokens are rejected; every error names the file, the entry and the dotted field path.
 */
final class ManifestFields {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final ObjectNode node;
    private final String path;
    private final Path file;
    private final String entry;

    private ManifestFields(ObjectNode node, String path, Path file, String entry) {
        this.node = node;
        this.path = path;
        this.file = file;
        this.entry = entry;
    }

    /** A new empty object for writing. */
    static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /** Indented JSON text with a final newline. */
    static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Parses a manifest that must be one JSON object. */
    static ManifestFields parse(String text, Path file, String entry) throws ModelFormatException {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, "entry '" + entry + "' is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new ModelFormatException(file, "entry '" + entry + "' is not a JSON object");
        }
        return new ManifestFields((ObjectNode) n, "", file, entry);
    }

    /** Rejects any field not listed. */
    void only(String... allowed) throws ModelFormatException {
        List<String> ok = Arrays.asList(allowed);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!ok.contains(e.getKey())) {
                throw fail(e.getKey(), "is not a known field here; allowed: " + ok);
            }
        }
    }

    JsonNode raw(String name) throws ModelFormatException {
        JsonNode v = node.get(name);
        if (v == null) {
            throw fail(name, "is missing");
        }
        return v;
    }

    String text(String name) throws ModelFormatException {
        JsonNode v = raw(name);
        if (!v.isTextual()) {
            throw fail(name, "must be a string, found " + describe(v));
        }
        return v.textValue();
    }

    int integer(String name) throws ModelFormatException {
        JsonNode v = raw(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw fail(name, "must be a 32-bit integer, found " + describe(v));
        }
        return v.intValue();
    }

    long longValue(String name) throws ModelFormatException {
        JsonNode v = raw(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw fail(name, "must be a 64-bit integer, found " + describe(v));
        }
        return v.longValue();
    }

    double finite(String name) throws ModelFormatException {
        JsonNode v = raw(name);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw fail(name, "must be a finite number, found " + describe(v));
        }
        return v.doubleValue();
    }

    boolean bool(String name) throws ModelFormatException {
        JsonNode v = raw(name);
        if (!v.isBoolean()) {
            throw fail(name, "must be true or false, found " + describe(v));
        }
        return v.booleanValue();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) throws ModelFormatException {
        String v = text(name);
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(v)) {
                return c;
            }
        }
        throw fail(name, "has the unknown value '" + v + "'; expected one of " + Arrays.toString(type.getEnumConstants()));
    }

    ManifestFields object(String name) throws ModelFormatException {
        JsonNode v = raw(name);
        if (!v.isObject()) {
            throw fail(name, "must be a JSON object, found " + describe(v));
        }
        return new ManifestFields((ObjectNode) v, qualify(name), file, entry);
    }

    List<ManifestFields> objects(String name) throws ModelFormatException {
        JsonNode v = array(name);
        List<ManifestFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw fail(name + "[" + i + "]", "must be a JSON object, found " + describe(v.get(i)));
            }
            out.add(new ManifestFields((ObjectNode) v.get(i), qualify(name) + "[" + i + "]", file, entry));
        }
        return out;
    }

    List<String> texts(String name) throws ModelFormatException {
        JsonNode v = array(name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw fail(name + "[" + i + "]", "must be a string, found " + describe(v.get(i)));
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    int[] ints(String name) throws ModelFormatException {
        JsonNode v = array(name);
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToInt()) {
                throw fail(name + "[" + i + "]", "must be a 32-bit integer, found " + describe(v.get(i)));
            }
            out[i] = v.get(i).intValue();
        }
        return out;
    }

    double[] finites(String name) throws ModelFormatException {
        JsonNode v = array(name);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber() || !Double.isFinite(v.get(i).doubleValue())) {
                throw fail(name + "[" + i + "]", "must be a finite number, found " + describe(v.get(i)));
            }
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }

    /** The fields of this object in file order (for free-form maps). */
    Iterable<Map.Entry<String, JsonNode>> entries() {
        return node.properties();
    }

    ModelFormatException fail(String name, String problem) {
        String field = qualify(name);
        return new ModelFormatException(file, "entry '" + entry + "'" + (field.isEmpty() ? "" : " field '" + field + "'")
                + " " + problem);
    }

    private JsonNode array(String name) throws ModelFormatException {
        JsonNode v = raw(name);
        if (!v.isArray()) {
            throw fail(name, "must be a JSON array, found " + describe(v));
        }
        return v;
    }

    private String qualify(String name) {
        if (path.isEmpty()) {
            return name;
        }
        if (name.isEmpty()) {
            return path;
        }
        return name.startsWith("[") ? path + name : path + "." + name;
    }

    static String describe(JsonNode v) {
        String s = v.isTextual() ? "'" + v.textValue() + "'"
                : v.getNodeType().name().toLowerCase(Locale.ROOT) + (v.isValueNode() ? " " + v : "");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
