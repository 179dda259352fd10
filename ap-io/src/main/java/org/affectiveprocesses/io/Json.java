package org.affectiveprocesses.io;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.affectiveprocesses.api.Configuration;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Provenance;

/**
 * Strict reading and plain writing of the JSON manifests of model and feature files. Manifests
 * are read as a tree only (no data binding, so nothing is ever instantiated from the file);
 * duplicate keys, trailing content and non-standard tokens such as a bare {@code NaN} are
 * rejected. Every error names the file, the entry and the field path.
 *
 * <p>Also holds the JSON forms of the value types that several files share: the {@link LabelSpace}
 * and the {@link Provenance}. Other modules use it for files of their own in the same container
 * (see {@link ModelArchive}).
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /**
     * A new empty object, to be filled and then written with {@link #write}.
     *
     * @return an empty JSON object
     */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * The object as indented JSON text with a final newline.
     *
     * @param node the object
     * @return its text
     */
    public static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Parses a manifest that must be a JSON object.
     *
     * @param text the manifest's text
     * @param file the file it comes from, for messages
     * @param entry the entry it comes from, for messages
     * @return the fields of the object
     * @throws ModelFormatException naming the file and entry if the text is not a JSON object
     */
    public static Fields parse(String text, Path file, String entry) throws ModelFormatException {
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

    /**
     * The JSON form of a label space: {@code name}, {@code kind}, {@code dimensions},
     * {@code rawMin} and {@code rawMax}.
     *
     * @param space the label space
     * @return its JSON object
     */
    public static ObjectNode labelSpace(LabelSpace space) {
        ObjectNode n = object();
        n.put("name", space.name());
        n.put("kind", space.kind().name());
        ArrayNode dims = n.putArray("dimensions");
        space.dimensions().forEach(dims::add);
        n.put("rawMin", space.rawMin());
        n.put("rawMax", space.rawMax());
        return n;
    }

    /**
     * Reads a label space written by {@link #labelSpace(LabelSpace)}; no other fields are allowed.
     *
     * @param f the label space's object
     * @return the label space
     * @throws ModelFormatException if a field is missing, unknown or invalid
     */
    public static LabelSpace labelSpace(Fields f) throws ModelFormatException {
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

    /**
     * The JSON form of a provenance: {@code sdkVersion}, {@code engine}, {@code createdUtc},
     * {@code trainingData}, {@code validationData} (strings), {@code trainingConfig} (a {@link
     * #configuration(Configuration) configuration} object; files of older formats hold a string),
     * {@code validationScores} (score name to number; a non-finite score as the string
     * {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, a missing one as {@code null}) and
     * {@code bestEpoch}.
     *
     * @param p the provenance
     * @return its JSON object
     */
    public static ObjectNode provenance(Provenance p) {
        ObjectNode n = object();
        n.put("sdkVersion", p.sdkVersion());
        n.put("engine", p.engine());
        n.put("createdUtc", p.createdUtc());
        n.set("trainingConfig", configuration(p.trainingConfig()));
        n.put("trainingData", p.trainingData());
        n.put("validationData", p.validationData());
        ObjectNode scores = n.putObject("validationScores");
        p.validationScores().forEach((k, v) -> {
            if (v == null) {
                scores.putNull(k);
            } else if (Double.isNaN(v)) {
                scores.put(k, "NaN");
            } else if (Double.isInfinite(v)) {
                scores.put(k, v > 0 ? "Infinity" : "-Infinity");
            } else {
                scores.put(k, v.doubleValue());
            }
        });
        n.put("bestEpoch", p.bestEpoch());
        return n;
    }

    /**
     * Reads a provenance written by {@link #provenance(Provenance)}; no other fields are allowed.
     *
     * @param f the provenance's object
     * @return the provenance
     * @throws ModelFormatException if a field is missing, unknown or invalid
     */
    public static Provenance provenance(Fields f) throws ModelFormatException {
        f.only("sdkVersion", "engine", "createdUtc", "trainingConfig", "trainingData", "validationData",
                "validationScores", "bestEpoch");
        Fields s = f.object("validationScores");
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.entries()) {
            JsonNode v = e.getValue();
            Double d;
            if (v.isNull()) {
                d = null;
            } else if (v.isNumber() && Double.isFinite(v.doubleValue())) {
                d = v.doubleValue();
            } else if (v.isTextual() && v.textValue().equals("NaN")) {
                d = Double.NaN;
            } else if (v.isTextual() && v.textValue().equals("Infinity")) {
                d = Double.POSITIVE_INFINITY;
            } else if (v.isTextual() && v.textValue().equals("-Infinity")) {
                d = Double.NEGATIVE_INFINITY;
            } else {
                throw s.fail(e.getKey(), "must be a finite number, null, \"NaN\", \"Infinity\" or "
                        + "\"-Infinity\", found " + Fields.describe(v));
            }
            scores.put(e.getKey(), d);
        }
        Configuration config = f.raw("trainingConfig").isTextual() ? Configuration.textOnly(f.text("trainingConfig"))
                : configuration(f.object("trainingConfig"));
        return new Provenance(f.text("sdkVersion"), f.text("engine"), f.text("createdUtc"), config,
                f.text("trainingData"), f.text("validationData"), scores, f.integer("bestEpoch"));
    }

    /**
     * The JSON form of a configuration: {@code type} (string), {@code version} (integer) and
     * {@code values}, an object whose fields are strings, integers, numbers (written with a
     * fraction or exponent so that they read back as numbers), booleans or nested configurations.
     *
     * @param c the configuration
     * @return its JSON object
     */
    public static ObjectNode configuration(Configuration c) {
        ObjectNode n = object();
        n.put("type", c.type());
        n.put("version", c.version());
        ObjectNode values = n.putObject("values");
        c.values().forEach((k, v) -> {
            if (v instanceof String text) {
                values.put(k, text);
            } else if (v instanceof Long l) {
                values.put(k, l.longValue());
            } else if (v instanceof Double d) {
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("configuration value '" + k + "' of " + c.type() + " is " + d
                            + "; only finite numbers are stored");
                }
                values.put(k, d.doubleValue());
            } else if (v instanceof Boolean b) {
                values.put(k, b.booleanValue());
            } else {
                values.set(k, configuration((Configuration) v));
            }
        });
        return n;
    }

    /**
     * Reads a configuration written by {@link #configuration(Configuration)}: integers become
     * Long values, other numbers Double values; nesting is limited to {@value #MAX_CONFIGURATION_DEPTH}
     * levels. Only the SDK's value types are created.
     *
     * @param f the configuration's object
     * @return the configuration
     * @throws ModelFormatException if a field is missing, unknown or of another kind
     */
    public static Configuration configuration(Fields f) throws ModelFormatException {
        return configuration(f, 0);
    }

    /** The deepest nesting of configurations read. */
    public static final int MAX_CONFIGURATION_DEPTH = 8;

    private static Configuration configuration(Fields f, int depth) throws ModelFormatException {
        if (depth >= MAX_CONFIGURATION_DEPTH) {
            throw f.fail("", "nests configurations deeper than " + MAX_CONFIGURATION_DEPTH + " levels");
        }
        f.only("type", "version", "values");
        String type = f.text("type");
        int version = f.integer("version");
        Fields values = f.object("values");
        Configuration.Builder b;
        try {
            b = Configuration.builder(type, version);
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is not a valid configuration: " + e.getMessage());
        }
        for (Map.Entry<String, JsonNode> e : values.entries()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                b.put(k, v.textValue());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                b.put(k, v.longValue());
            } else if (v.isFloatingPointNumber() && Double.isFinite(v.doubleValue())) {
                b.put(k, v.doubleValue());
            } else if (v.isBoolean()) {
                b.put(k, v.booleanValue());
            } else if (v.isObject()) {
                b.put(k, configuration(values.object(k), depth + 1));
            } else {
                throw values.fail(k, "must be a string, an integer, a finite number, a boolean or a configuration,"
                        + " found " + Fields.describe(v));
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is not a valid configuration: " + e.getMessage());
        }
    }

    /**
     * Typed, strict access to the fields of one JSON object. Every error is a
     * {@link ModelFormatException} naming the file, the entry and the dotted field path (e.g.
     * {@code tensors[0].shape}).
     */
    public static final class Fields {
        private final ObjectNode node;
        private final String path;
        private final Path file;
        private final String entry;

        private Fields(ObjectNode node, String path, Path file, String entry) {
            this.node = node;
            this.path = path;
            this.file = file;
            this.entry = entry;
        }

        /**
         * Rejects any field not listed.
         *
         * @param allowed the names of the allowed fields
         * @throws ModelFormatException naming the first field that is not allowed
         */
        public void only(String... allowed) throws ModelFormatException {
            List<String> ok = Arrays.asList(allowed);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!ok.contains(e.getKey())) {
                    throw fail(e.getKey(), "is not a known field here; allowed: " + ok);
                }
            }
        }

        /**
         * Whether a field is present and not JSON null.
         *
         * @param name the field's name
         * @return true if it has a value
         */
        public boolean has(String name) {
            JsonNode v = node.get(name);
            return v != null && !v.isNull();
        }

        /**
         * A field of any type.
         *
         * @param name the field's name
         * @return its value (possibly JSON null)
         * @throws ModelFormatException if it is missing
         */
        public JsonNode raw(String name) throws ModelFormatException {
            JsonNode v = node.get(name);
            if (v == null) {
                throw fail(name, "is missing");
            }
            return v;
        }

        /**
         * A string field.
         *
         * @param name the field's name
         * @return its value
         * @throws ModelFormatException if it is missing or not a string
         */
        public String text(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isTextual()) {
                throw fail(name, "must be a string, found " + describe(v));
            }
            return v.textValue();
        }

        /**
         * An optional string field.
         *
         * @param name the field's name
         * @return its value, or null when the field is absent or JSON null
         * @throws ModelFormatException if it has a value that is not a string
         */
        public String optionalText(String name) throws ModelFormatException {
            return has(name) ? text(name) : null;
        }

        /**
         * A 32-bit integer field.
         *
         * @param name the field's name
         * @return its value
         * @throws ModelFormatException if it is missing or not an integer that fits 32 bits
         */
        public int integer(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw fail(name, "must be a 32-bit integer, found " + describe(v));
            }
            return v.intValue();
        }

        /**
         * A 64-bit integer field.
         *
         * @param name the field's name
         * @return its value
         * @throws ModelFormatException if it is missing or not an integer that fits 64 bits
         */
        public long longValue(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw fail(name, "must be a 64-bit integer, found " + describe(v));
            }
            return v.longValue();
        }

        /**
         * A finite number field.
         *
         * @param name the field's name
         * @return its value
         * @throws ModelFormatException if it is missing or not a finite number
         */
        public double finite(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw fail(name, "must be a finite number, found " + describe(v));
            }
            return v.doubleValue();
        }

        /**
         * A boolean field.
         *
         * @param name the field's name
         * @return its value
         * @throws ModelFormatException if it is missing or not {@code true} or {@code false}
         */
        public boolean bool(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isBoolean()) {
                throw fail(name, "must be true or false, found " + describe(v));
            }
            return v.booleanValue();
        }

        /**
         * An enumeration field, given as the constant's name.
         *
         * @param <E> the enumeration
         * @param name the field's name
         * @param type the enumeration's class
         * @return the constant
         * @throws ModelFormatException if it is missing, not a string or no constant's name
         */
        public <E extends Enum<E>> E enumValue(String name, Class<E> type) throws ModelFormatException {
            String v = text(name);
            for (E c : type.getEnumConstants()) {
                if (c.name().equals(v)) {
                    return c;
                }
            }
            throw fail(name, "has the unknown value '" + v + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }

        /**
         * A nested object field.
         *
         * @param name the field's name
         * @return its fields (errors name the nested path)
         * @throws ModelFormatException if it is missing or not an object
         */
        public Fields object(String name) throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isObject()) {
                throw fail(name, "must be a JSON object, found " + describe(v));
            }
            return new Fields((ObjectNode) v, qualify(name), file, entry);
        }

        /**
         * An array-of-objects field.
         *
         * @param name the field's name
         * @return the fields of each object, in order
         * @throws ModelFormatException if it is missing, not an array or holds a non-object
         */
        public List<Fields> objects(String name) throws ModelFormatException {
            JsonNode v = array(name, "a JSON array", JsonNode::isObject, "a JSON object");
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(new Fields((ObjectNode) v.get(i), qualify(name) + "[" + i + "]", file, entry));
            }
            return out;
        }

        /**
         * An array-of-strings field.
         *
         * @param name the field's name
         * @return the strings, in order
         * @throws ModelFormatException if it is missing, not an array or holds a non-string
         */
        public List<String> texts(String name) throws ModelFormatException {
            JsonNode v = array(name, "a JSON array of strings", JsonNode::isTextual, "a string");
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                out.add(item.textValue());
            }
            return out;
        }

        /**
         * An array-of-integers field.
         *
         * @param name the field's name
         * @return the integers, in order
         * @throws ModelFormatException if it is missing, not an array or holds a value that is not
         *     a 32-bit integer
         */
        public int[] ints(String name) throws ModelFormatException {
            JsonNode v = array(name, "a JSON array of integers",
                    item -> item.isIntegralNumber() && item.canConvertToInt(), "a 32-bit integer");
            int[] out = new int[v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = v.get(i).intValue();
            }
            return out;
        }

        /**
         * An array-of-finite-numbers field.
         *
         * @param name the field's name
         * @return the numbers, in order
         * @throws ModelFormatException if it is missing, not an array or holds a value that is not
         *     a finite number
         */
        public double[] finites(String name) throws ModelFormatException {
            JsonNode v = array(name, "a JSON array of numbers",
                    item -> item.isNumber() && Double.isFinite(item.doubleValue()), "a finite number");
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = v.get(i).doubleValue();
            }
            return out;
        }

        /**
         * Checks the integer field {@code formatVersion} of a manifest.
         *
         * @param supported the one version this SDK reads
         * @throws ModelFormatException if the field is missing, not an integer or another version
         */
        public void requireFormatVersion(int supported) throws ModelFormatException {
            formatVersion(supported, supported);
        }

        /**
         * Reads the integer field {@code formatVersion} of a manifest and checks that this SDK
         * reads it.
         *
         * @param oldest the oldest version this SDK reads
         * @param newest the newest version this SDK reads
         * @return the version
         * @throws ModelFormatException if the field is missing, not an integer or outside the range
         */
        public int formatVersion(int oldest, int newest) throws ModelFormatException {
            JsonNode version = raw("formatVersion");
            if (!version.isIntegralNumber() || !version.canConvertToInt()) {
                throw fail("formatVersion", "must be an integer, found " + describe(version));
            }
            int v = version.intValue();
            if (v < oldest || v > newest) {
                throw new ModelFormatException(file, "format version " + v + " is not supported; this SDK reads "
                        + (oldest == newest ? String.valueOf(oldest) : oldest + " to " + newest) + " (entry '" + entry
                        + "' field '" + qualify("formatVersion") + "')");
            }
            return v;
        }

        /**
         * The fields of this object in file order, for free-form maps.
         *
         * @return the name and value of every field
         */
        public Iterable<Map.Entry<String, JsonNode>> entries() {
            return node.properties();
        }

        /**
         * An error about a field of this object (or the object itself), to be thrown.
         *
         * @param name the field's name; empty for the object itself
         * @param problem what is wrong, e.g. {@code "is invalid: ..."}
         * @return the exception naming the file, the entry and the field's path
         */
        public ModelFormatException fail(String name, String problem) {
            String field = qualify(name);
            return new ModelFormatException(file, "entry '" + entry + "'"
                    + (field.isEmpty() ? "" : " field '" + field + "'") + " " + problem);
        }

        /**
         * An array field whose items all pass a check.
         *
         * @param array what the field must be, e.g. {@code "a JSON array of strings"}
         * @param item what each item must be, e.g. {@code "a string"}
         */
        private JsonNode array(String name, String array, Predicate<JsonNode> valid, String item)
                throws ModelFormatException {
            JsonNode v = raw(name);
            if (!v.isArray()) {
                throw fail(name, "must be " + array + ", found " + describe(v));
            }
            for (int i = 0; i < v.size(); i++) {
                if (!valid.test(v.get(i))) {
                    throw fail(name + "[" + i + "]", "must be " + item + ", found " + describe(v.get(i)));
                }
            }
            return v;
        }

        /** The dotted path of a field of this object, e.g. {@code inference.hop}. */
        private String qualify(String name) {
            return path.isEmpty() ? name : name.isEmpty() ? path : name.startsWith("[")
                    ? path + name : path + "." + name;
        }

        /** A short description of a value for messages, e.g. {@code 'abc'} or {@code number 1.5}. */
        private static String describe(JsonNode v) {
            String s = v.isTextual() ? "'" + v.textValue() + "'" : v.getNodeType().name().toLowerCase(Locale.ROOT)
                    + (v.isValueNode() ? " " + v : "");
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }
    }
}
