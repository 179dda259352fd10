package org.affectiveprocesses.corpora;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * The {@code store.json} of a feature store: its name, how its splits were made and the video
 * ids of every split.
 *
 * @param name the store's name
 * @param protocol how the splits were made (free text), or null
 * @param splits split name → video ids, in order
 */
record StoreManifest(String name, String protocol, Map<String, List<String>> splits) {
    /** The manifest's file name. */
    static final String FILE = "store.json";
    /** The value of the {@code format} field. */
    static final String FORMAT = "affective-process-feature-store";
    /** The format version written and read. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("format", "formatVersion", "name", "protocol", "splits");

    /** Reads and checks a manifest. */
    static StoreManifest read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(file, "must hold a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new ModelFormatException(file, "has the unknown field '" + f + "'; allowed: " + FIELDS);
            }
        }
        if (!FORMAT.equals(text(file, root, "format"))) {
            throw new ModelFormatException(file, "field 'format' must be '" + FORMAT + "'");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new ModelFormatException(file, "field 'formatVersion' is " + version + "; this SDK reads version "
                    + VERSION);
        }
        String name = text(file, root, "name");
        String protocol = root.has("protocol") && !root.get("protocol").isNull() ? text(file, root, "protocol") : null;
        JsonNode splits = root.get("splits");
        if (splits == null || !splits.isObject() || splits.isEmpty()) {
            throw new ModelFormatException(file, "field 'splits' must be an object of split name -> array of video ids");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : splits.properties()) {
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new ModelFormatException(file, "split '" + e.getKey() + "' must be a non-empty array of video ids");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : e.getValue()) {
                if (!id.isTextual() || id.textValue().isBlank()) {
                    throw new ModelFormatException(file, "split '" + e.getKey() + "' holds " + id
                            + "; video ids are non-empty strings");
                }
                if (ids.contains(id.textValue())) {
                    throw new ModelFormatException(file, "split '" + e.getKey() + "' lists video '" + id.textValue()
                            + "' twice");
                }
                ids.add(id.textValue());
            }
            out.put(e.getKey(), List.copyOf(ids));
        }
        return new StoreManifest(name, protocol, out);
    }

    /** Writes the manifest atomically. */
    void write(Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("name", name);
        if (protocol != null) {
            root.put("protocol", protocol);
        }
        ObjectNode s = root.putObject("splits");
        splits.forEach((k, v) -> {
            ArrayNode a = s.putArray(k);
            v.forEach(a::add);
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String text(Path file, JsonNode root, String field) throws ModelFormatException {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual()) {
            throw new ModelFormatException(file, "field '" + field + "' must be a string");
        }
        return v.textValue();
    }
}
