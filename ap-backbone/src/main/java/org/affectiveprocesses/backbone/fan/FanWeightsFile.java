package org.affectiveprocesses.backbone.fan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.core.io.NpyArray;
import org.affectiveprocesses.core.io.NpyType;
import org.affectiveprocesses.core.io.NpzArchive;
import org.affectiveprocesses.core.io.NpzReader;
import org.affectiveprocesses.core.io.NpzWriter;

/**
 * The weights file of the paper's backbone, format version 1: an {@code .npz} archive (numpy can
 * read it) holding
 * <ul>
 *   <li>{@code backbone.json}: UTF-8 JSON with exactly the fields {@code format} ({@value
 *       #FORMAT}), {@code formatVersion} (1), {@code architecture} ({@value #ARCHITECTURE}),
 *       {@code config} ({@code inputSize}, {@code width}, {@code landmarks}, {@code
 *       hourglassDepth}, {@code emotions}, {@code bins} and {@code labelSpace} with {@code name},
 *       {@code kind}, {@code dimensions}, {@code rawMin}, {@code rawMax}), {@code alignmentFrozen}
 *       (boolean) and {@code parameters} (the parameter names, in network order);</li>
 *   <li>one {@code '<f4'} array {@code <name>.npy} per listed parameter, in the parameter's
 *       shape (convolution weights {@code [out, in, kh, kw]}; batch-norm running statistics
 *       included). Names are DJL's parameter paths, e.g. {@code 01alignment_01stem_weight}.</li>
 * </ul>
 * The reader is an allow-list: any other entry or field, a missing array, another dtype or a
 * non-finite value is a {@link ModelFormatException} naming the file and the entry. Whether the
 * names and shapes fit the network of {@code config} is checked by {@link FanNetwork#load(Path)}.
 */
public final class FanWeightsFile {
    /** The manifest's {@code format} value. */
    public static final String FORMAT = "affective-process-backbone";
    /** The format version written and read. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest's {@code architecture} value. */
    public static final String ARCHITECTURE = "fan-lite";
    /** The manifest entry. */
    public static final String MANIFEST = "backbone.json";
    /** The customary file extension. */
    public static final String EXTENSION = ".apbackbone";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_FIELDS =
            Set.of("format", "formatVersion", "architecture", "config", "alignmentFrozen", "parameters");
    private static final Set<String> CONFIG_FIELDS =
            Set.of("inputSize", "width", "landmarks", "hourglassDepth", "emotions", "bins", "labelSpace");
    private static final Set<String> LABEL_FIELDS = Set.of("name", "kind", "dimensions", "rawMin", "rawMax");

    private FanWeightsFile() {
    }

    /**
     * A weights file's contents.
     *
     * @param config the network's shape
     * @param alignmentFrozen whether the alignment module was frozen
     * @param parameters the parameter arrays by name, in network order
     */
    public record Contents(FanConfig config, boolean alignmentFrozen, Map<String, NpyArray> parameters) {
        /** Validates and copies. */
        public Contents {
            Objects.requireNonNull(config, "config");
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * Writes a weights file atomically.
     *
     * @param file the file to create or replace
     * @param contents what to write
     * @throws IOException if writing fails
     */
    public static void write(Path file, Contents contents) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("architecture", ARCHITECTURE);
        FanConfig c = contents.config();
        ObjectNode cfg = root.putObject("config");
        cfg.put("inputSize", c.inputSize());
        cfg.put("width", c.width());
        cfg.put("landmarks", c.landmarks());
        cfg.put("hourglassDepth", c.hourglassDepth());
        cfg.put("emotions", c.emotions());
        cfg.put("bins", c.bins());
        ObjectNode ls = cfg.putObject("labelSpace");
        ls.put("name", c.labels().name());
        ls.put("kind", c.labels().kind().name());
        ArrayNode dims = ls.putArray("dimensions");
        c.labels().dimensions().forEach(dims::add);
        ls.put("rawMin", c.labels().rawMin());
        ls.put("rawMax", c.labels().rawMax());
        root.put("alignmentFrozen", contents.alignmentFrozen());
        ArrayNode names = root.putArray("parameters");
        contents.parameters().keySet().forEach(names::add);
        try (NpzWriter w = NpzArchive.create(file)) {
            w.putText(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            for (Map.Entry<String, NpyArray> e : contents.parameters().entrySet()) {
                w.put(e.getKey(), e.getValue());
            }
            w.commit();
        }
    }

    /**
     * Reads a weights file.
     *
     * @param file the weights file
     * @throws ModelFormatException if it is not a valid version-1 weights file
     * @throws IOException if reading fails
     */
    public static Contents read(Path file) throws IOException {
        try (NpzReader r = NpzArchive.open(file)) {
            if (!r.containsEntry(MANIFEST)) {
                throw new ModelFormatException(file, "has no entry '" + MANIFEST + "'; it is not a backbone weights file");
            }
            JsonNode root;
            try {
                root = JSON.readTree(r.text(MANIFEST));
            } catch (JsonProcessingException e) {
                throw new ModelFormatException(file, "entry '" + MANIFEST + "' is not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
            checkFields(file, root, TOP_FIELDS, MANIFEST);
            if (!FORMAT.equals(text(file, root, "format"))) {
                throw new ModelFormatException(file, MANIFEST + " field 'format' is not '" + FORMAT + "'");
            }
            int version = integer(file, root, "formatVersion");
            if (version != FORMAT_VERSION) {
                throw new ModelFormatException(file, "has format version " + version + "; this SDK reads version "
                        + FORMAT_VERSION);
            }
            if (!ARCHITECTURE.equals(text(file, root, "architecture"))) {
                throw new ModelFormatException(file, MANIFEST + " field 'architecture' is not '" + ARCHITECTURE + "'");
            }
            FanConfig config = config(file, root.get("config"));
            JsonNode frozen = root.get("alignmentFrozen");
            if (!frozen.isBoolean()) {
                throw new ModelFormatException(file, MANIFEST + " field 'alignmentFrozen' must be true or false");
            }
            List<String> names = new ArrayList<>();
            JsonNode list = root.get("parameters");
            if (!list.isArray()) {
                throw new ModelFormatException(file, MANIFEST + " field 'parameters' must be an array of names");
            }
            for (JsonNode n : list) {
                if (!n.isTextual() || names.contains(n.asText())) {
                    throw new ModelFormatException(file, MANIFEST + " field 'parameters' holds a repeated or non-text name "
                            + n);
                }
                names.add(n.asText());
            }
            for (String entry : r.entryNames()) {
                if (!entry.equals(MANIFEST) && !(entry.endsWith(NpzArchive.NPY_SUFFIX)
                        && names.contains(entry.substring(0, entry.length() - NpzArchive.NPY_SUFFIX.length())))) {
                    throw new ModelFormatException(file, "holds the unknown entry '" + entry + "'");
                }
            }
            Map<String, NpyArray> params = new LinkedHashMap<>();
            for (String name : names) {
                NpyArray a = r.get(name);
                if (a.type() != NpyType.FLOAT32) {
                    throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(name) + "' holds " + a.type()
                            + "; parameters are '<f4'");
                }
                float[] v = a.toFloats();
                for (int i = 0; i < v.length; i++) {
                    if (!Float.isFinite(v[i])) {
                        throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(name) + "' value " + i
                                + " is " + v[i]);
                    }
                }
                params.put(name, a);
            }
            return new Contents(config, frozen.asBoolean(), params);
        }
    }

    private static FanConfig config(Path file, JsonNode cfg) throws ModelFormatException {
        checkFields(file, cfg, CONFIG_FIELDS, "config");
        JsonNode ls = cfg.get("labelSpace");
        checkFields(file, ls, LABEL_FIELDS, "config.labelSpace");
        try {
            List<String> dims = new ArrayList<>();
            JsonNode d = ls.get("dimensions");
            if (!d.isArray()) {
                throw new ModelFormatException(file, MANIFEST + " field 'config.labelSpace.dimensions' must be an array");
            }
            d.forEach(n -> dims.add(n.asText()));
            LabelSpace space = LabelSpace.of(text(file, ls, "name"), LabelKind.valueOf(text(file, ls, "kind")), dims,
                    number(file, ls, "rawMin"), number(file, ls, "rawMax"));
            return new FanConfig(integer(file, cfg, "inputSize"), integer(file, cfg, "width"),
                    integer(file, cfg, "landmarks"), integer(file, cfg, "hourglassDepth"), space,
                    integer(file, cfg, "emotions"), integer(file, cfg, "bins"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, MANIFEST + " field 'config' is invalid: " + e.getMessage(), e);
        }
    }

    private static void checkFields(Path file, JsonNode node, Set<String> allowed, String where)
            throws ModelFormatException {
        if (node == null || !node.isObject()) {
            throw new ModelFormatException(file, MANIFEST + " '" + where + "' must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new ModelFormatException(file, MANIFEST + " '" + where + "' has the unknown field '" + f + "'");
            }
        }
        for (String f : allowed) {
            if (!node.has(f)) {
                throw new ModelFormatException(file, MANIFEST + " '" + where + "' lacks the field '" + f + "'");
            }
        }
    }

    private static String text(Path file, JsonNode node, String field) throws ModelFormatException {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw new ModelFormatException(file, MANIFEST + " field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static int integer(Path file, JsonNode node, String field) throws ModelFormatException {
        JsonNode v = node.get(field);
        if (!v.isInt()) {
            throw new ModelFormatException(file, MANIFEST + " field '" + field + "' must be an integer");
        }
        return v.asInt();
    }

    private static double number(Path file, JsonNode node, String field) throws ModelFormatException {
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw new ModelFormatException(file, MANIFEST + " field '" + field + "' must be a number");
        }
        return v.asDouble();
    }
}
