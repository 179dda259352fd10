package org.affectiveprocesses.backbone.fan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.io.FormatVersions;
import org.affectiveprocesses.io.Json;
import org.affectiveprocesses.io.ModelArchive;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpyType;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.NpzWriter;

/**
 * The weights file of the paper's backbone, format version 2 (version 1, without checksums, is
 * still read): an {@code .npz} archive (numpy can read it) holding
 * <ul>
 *   <li>{@code backbone.json}: UTF-8 JSON with exactly the fields {@code format} ({@value
 *       #FORMAT}), {@code formatVersion} (1), {@code architecture} ({@value #ARCHITECTURE}),
 *       {@code config} ({@code inputSize}, {@code width}, {@code landmarks}, {@code
 *       hourglassDepth}, {@code emotions}, {@code bins} and {@code labelSpace} with {@code name},
 *       {@code kind}, {@code dimensions}, {@code rawMin}, {@code rawMax}), {@code alignmentFrozen}
 *       (boolean) and {@code parameters} (the parameter names, in network order);</li>
 *   <li>one {@code '<f4'} array {@code <name>.npy} per listed parameter, in the parameter's
 *       shape (convolution weights {@code [out, in, kh, kw]}; batch-norm running statistics
 *       included). Names are DJL's parameter paths, e.g. {@code 01alignment_01stem_weight};</li>
 *   <li>{@code checksums.sha256} (version 2, last): the SHA-256 of every other entry, checked on
 *       every read ({@link NpzArchive#CHECKSUMS}).</li>
 * </ul>
 * The reader is an allow-list: any other entry or field, a missing array, another dtype or a
 * non-finite value is a {@link ModelFormatException} naming the file and the entry. Whether the
 * names and shapes fit the network of {@code config} is checked by {@link FanNetwork#load(Path)}.
 */
public final class FanWeightsFile {
    /** The manifest's {@code format} value. */
    public static final String FORMAT = "affective-process-backbone";
    /** The format version written. */
    public static final int FORMAT_VERSION = 2;
    /** The versions read: 1 (no checksums) and 2 (checksums required). */
    public static final FormatVersions VERSIONS = new FormatVersions(1, FORMAT_VERSION, 2);
    /** The manifest's {@code architecture} value. */
    public static final String ARCHITECTURE = "fan-lite";
    /** The manifest entry. */
    public static final String MANIFEST = "backbone.json";
    /** The customary file extension. */
    public static final String EXTENSION = ".apbackbone";

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
        ObjectNode root = Json.object();
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
        cfg.set("labelSpace", Json.labelSpace(c.labels()));
        root.put("alignmentFrozen", contents.alignmentFrozen());
        ArrayNode names = root.putArray("parameters");
        contents.parameters().keySet().forEach(names::add);
        try (NpzWriter w = NpzArchive.createWithChecksums(file)) {
            w.putText(MANIFEST, Json.write(root));
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
     * @throws ModelFormatException if it is not a valid version-1 or version-2 weights file
     * @throws IOException if reading fails
     */
    public static Contents read(Path file) throws IOException {
        try (NpzReader r = NpzArchive.open(file)) {
            if (!r.containsEntry(MANIFEST)) {
                throw new ModelFormatException(file, "has no entry '" + MANIFEST + "'; it is not a backbone weights file");
            }
            Json.Fields m = Json.parse(r.text(MANIFEST, ModelArchive.MAX_MANIFEST_BYTES), file, MANIFEST);
            m.only("format", "formatVersion", "architecture", "config", "alignmentFrozen", "parameters");
            String format = m.text("format");
            if (!FORMAT.equals(format)) {
                throw m.fail("format", "is '" + format + "', expected '" + FORMAT + "'");
            }
            VERSIONS.check(m, r);
            String architecture = m.text("architecture");
            if (!ARCHITECTURE.equals(architecture)) {
                throw m.fail("architecture", "is '" + architecture + "', expected '" + ARCHITECTURE + "'");
            }
            FanConfig config = config(m.object("config"));
            boolean frozen = m.bool("alignmentFrozen");
            List<String> names = m.texts("parameters");
            if (new HashSet<>(names).size() != names.size()) {
                throw m.fail("parameters", "names a parameter twice");
            }
            for (String entry : r.entryNames()) {
                if (!entry.equals(MANIFEST) && !entry.equals(NpzArchive.CHECKSUMS) && !(entry.endsWith(NpzArchive.NPY_SUFFIX)
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
            return new Contents(config, frozen, params);
        }
    }

    private static FanConfig config(Json.Fields cfg) throws ModelFormatException {
        cfg.only("inputSize", "width", "landmarks", "hourglassDepth", "emotions", "bins", "labelSpace");
        FanConfig config;
        try {
            config = new FanConfig(cfg.integer("inputSize"), cfg.integer("width"), cfg.integer("landmarks"),
                    cfg.integer("hourglassDepth"), Json.labelSpace(cfg.object("labelSpace")),
                    cfg.integer("emotions"), cfg.integer("bins"));
        } catch (IllegalArgumentException e) {
            throw cfg.fail("", "is not a valid configuration: " + e.getMessage());
        }
        return config;
    }
}
