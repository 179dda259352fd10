package org.affectiveprocesses.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * Strict reading and plain writing of the JSON manifests of model and feature files. Manifests
 * are read as a tree only (no data binding, so nothing is ever instantiated from the file);
 * duplicate keys, trailing content and non-standard tokens such as a bare {@code NaN} are
 * rejected. Every error names the file, the entry and the field path.
 */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** A new empty object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The object as indented JSON text with a final newline. */
    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Parses a manifest that must be a JSON object.
     *
     * @throws ModelFormatException naming the file and entry if the text is not a JSON object
     */
    static Fields parse(String text, Path file, String entry) throws ModelFormatException {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, "entry '" + entry + "' is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ModelFormatException(file, "entry '" + entry + "' is not a JSON object");
        }
        return new Fields((ObjectNode) node, "", file, entry);
    }

    /** The JSON description of a label space. */
    static ObjectNode labelSpace(LabelSpace space) {
        ObjectNode n = object();
        n.put("name", space.name());
        n.put("kind", space.kind().name());
        ArrayNode dims = n.putArray("dimensions");
        space.dimensions().forEach(dims::add);
        n.put("rawMin", space.rawMin());
        n.put("rawMax", space.rawMax());
        return n;
    }

    /** Reads a label space written by {@link #labelSpace(LabelSpace)}. */
    static LabelSpace labelSpace(Fields f) throws ModelFormatException {
        f.only("name", "kind", "dimensions", "rawMin", "rawMax");
        String name = f.text("name");
        LabelKind kind = f.enumValue("kind", LabelKind.class);
        List<String> dims = f.texts("dimensions");
        double min = f.finite("rawMin");
        double max = f.finite("rawMax");
        try {
            return LabelSpace.of(name, kind, dims, min, max);
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is not a valid label space: " + e.getMessage());
        }
    }

    /** Typed, strict access to the fields of one JSON object. */
    static final class Fields {
        private final ObjectNode node;
        private final String path;
        private final Path file;
        private final String entry;

        Fields(ObjectNode node, String path, Path file, String entry) {
            this.node = node;
            this.path = path;
            this.file = file;
            this.entry = entry;
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

        boolean has(String name) {
            JsonNode v = node.get(name);
            return v != null && !v.isNull();
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

        /** A string, or null when the field is absent or JSON null. */
        String optionalText(String name) throws ModelFormatException {
            return has(name) ? text(name) : null;
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
            throw fail(name, "has the unknown value '" + v + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }

        Fields object(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isObject()) {
                throw fail(name, "must be a JSON object, found " + describe(v));
            }
            return new Fields((ObjectNode) v, qualify(name), file, entry);
        }

        List<Fields> objects(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isArray()) {
                throw fail(name, "must be a JSON array, found " + describe(v));
            }
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                if (!item.isObject()) {
                    throw fail(name + "[" + i + "]", "must be a JSON object, found " + describe(item));
                }
                out.add(new Fields((ObjectNode) item, qualify(name) + "[" + i + "]", file, entry));
            }
            return out;
        }

        List<String> texts(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isArray()) {
                throw fail(name, "must be a JSON array of strings, found " + describe(v));
            }
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
            JsonNode v = raw(name);
            if (!v.isArray()) {
                throw fail(name, "must be a JSON array of integers, found " + describe(v));
            }
            int[] out = new int[v.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode item = v.get(i);
                if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                    throw fail(name + "[" + i + "]", "must be a 32-bit integer, found " + describe(item));
                }
                out[i] = item.intValue();
            }
            return out;
        }

        /** The fields of this object in file order, for free-form maps. */
        Iterable<Map.Entry<String, JsonNode>> entries() {
            return node.properties();
        }

        /** The dotted path of a field of this object, e.g. {@code inference.hop}. */
        String qualify(String name) {
            return path.isEmpty() ? name : name.isEmpty() ? path : name.startsWith("[")
                    ? path + name : path + "." + name;
        }

        ModelFormatException fail(String name, String problem) {
            String field = qualify(name);
            return new ModelFormatException(file, "entry '" + entry + "'"
                    + (field.isEmpty() ? "" : " field '" + field + "'") + " " + problem);
        }

        static String describe(JsonNode v) {
            String s = v.isTextual() ? "'" + v.textValue() + "'" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + (v.isValueNode() ? " " + v : "");
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }
    }
}
