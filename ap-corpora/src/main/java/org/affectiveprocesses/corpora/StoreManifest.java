package org.affectiveprocesses.corpora;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.io.PendingFile;

/**
 * The {@code store.json} of a feature store: its name, how its splits were made and the video
 * ids of every split.
 *
 * <p>Read by a streaming parser, strictly (no unknown or repeated fields, no trailing content),
 * from a file of at most {@value #MAX_BYTES} bytes: every id must name a feature file of the
 * store and appear once per split, and splits that must be disjoint may not share a video
 * ({@link DisjointSplits}), so memory stays proportional to the file and no score is computed on
 * training videos.
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
    /** The largest manifest read. */
    static final long MAX_BYTES = 64L << 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> FIELDS = Set.of("format", "formatVersion", "name", "protocol", "splits");

    /**
     * Reads and checks a manifest.
     *
     * @param file the manifest
     * @param videoIds the ids of the store's feature files
     * @throws ModelFormatException naming the file and the field, split or video that is wrong
     */
    static StoreManifest read(Path file, Set<String> videoIds) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ModelFormatException(file, "has " + size + " bytes; a store manifest has at most " + MAX_BYTES);
        }
        try (JsonParser p = JSON.createParser(file.toFile())) {
            return new Reader(file, p, videoIds).read();
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, "is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the manifest atomically. */
    void write(Path file) throws IOException {
        try (PendingFile out = PendingFile.create(file)) {
            try (OutputStream os = out.outputStream(); JsonGenerator g = JSON.createGenerator(os)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("formatVersion", VERSION);
                g.writeStringField("name", name);
                if (protocol != null) {
                    g.writeStringField("protocol", protocol);
                }
                g.writeObjectFieldStart("splits");
                for (Map.Entry<String, List<String>> e : splits.entrySet()) {
                    g.writeArrayFieldStart(e.getKey());
                    for (String id : e.getValue()) {
                        g.writeString(id);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
            out.commit();
        }
    }

    /** One pass over the tokens of a manifest. */
    private static final class Reader {
        private final Path file;
        private final JsonParser p;
        private final Set<String> videoIds;
        private final DisjointSplits disjoint = new DisjointSplits();

        Reader(Path file, JsonParser p, Set<String> videoIds) {
            this.file = file;
            this.p = p;
            this.videoIds = videoIds;
        }

        StoreManifest read() throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "must hold a JSON object");
            String format = null;
            Integer version = null;
            String name = null;
            String protocol = null;
            Map<String, List<String>> splits = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                if (!FIELDS.contains(field)) {
                    throw fail("has the unknown field '" + field + "'; allowed: " + FIELDS);
                }
                JsonToken v = p.nextToken();
                switch (field) {
                    case "format" -> format = text(v, field);
                    case "formatVersion" -> {
                        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                                || p.getIntValue() != VERSION) {
                            throw fail("field 'formatVersion' is " + p.getText() + "; this SDK reads version " + VERSION);
                        }
                        version = VERSION;
                    }
                    case "name" -> name = text(v, field);
                    case "protocol" -> protocol = v == JsonToken.VALUE_NULL ? null : text(v, field);
                    default -> splits = splits(v);
                }
            }
            if (p.nextToken() != null) {
                throw fail("has content after its JSON object");
            }
            if (!FORMAT.equals(format)) {
                throw fail("field 'format' must be '" + FORMAT + "'");
            }
            if (version == null) {
                throw fail("field 'formatVersion' is missing; this SDK reads version " + VERSION);
            }
            if (name == null) {
                throw fail("field 'name' must be a string");
            }
            if (splits == null) {
                throw fail("field 'splits' must be an object of split name -> array of video ids");
            }
            return new StoreManifest(name, protocol, splits);
        }

        private Map<String, List<String>> splits(JsonToken start) throws IOException {
            expect(start, JsonToken.START_OBJECT, "field 'splits' must be an object of split name -> array of video ids");
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String split = p.currentName();
                if (split.isBlank()) {
                    throw fail("field 'splits' holds a split with an empty name");
                }
                expect(p.nextToken(), JsonToken.START_ARRAY, "split '" + split + "' must be a non-empty array of video ids");
                Set<String> seen = new HashSet<>();
                List<String> ids = new ArrayList<>();
                for (JsonToken id = p.nextToken(); id != JsonToken.END_ARRAY; id = p.nextToken()) {
                    if (id != JsonToken.VALUE_STRING || p.getText().isBlank()) {
                        throw fail("split '" + split + "' holds " + p.getText() + "; video ids are non-empty strings");
                    }
                    String video = p.getText();
                    if (!videoIds.contains(video)) {
                        throw fail("split '" + split + "' names video '" + video + "', but no feature file in "
                                + file.getParent() + " has that id");
                    }
                    if (!seen.add(video)) {
                        throw fail("split '" + split + "' lists video '" + video + "' twice");
                    }
                    String other = disjoint.add(split, video);
                    if (other != null) {
                        throw fail(DisjointSplits.describe(video, other, split));
                    }
                    ids.add(video);
                }
                if (ids.isEmpty()) {
                    throw fail("split '" + split + "' must be a non-empty array of video ids");
                }
                out.put(split, List.copyOf(ids));
            }
            if (out.isEmpty()) {
                throw fail("field 'splits' must name at least one split");
            }
            return out;
        }

        private String text(JsonToken v, String field) throws ModelFormatException {
            if (v != JsonToken.VALUE_STRING) {
                throw fail("field '" + field + "' must be a string");
            }
            try {
                return p.getText();
            } catch (IOException e) {
                throw fail("field '" + field + "' cannot be read: " + e.getMessage());
            }
        }

        private void expect(JsonToken actual, JsonToken wanted, String problem) throws ModelFormatException {
            if (actual != wanted) {
                throw fail(problem);
            }
        }

        private ModelFormatException fail(String problem) {
            return new ModelFormatException(file, problem);
        }
    }
}
