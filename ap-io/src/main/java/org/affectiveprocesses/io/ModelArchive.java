package org.affectiveprocesses.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * The container of the model files: an uncompressed {@code .npz} archive whose first entry is the
 * JSON manifest {@value #MANIFEST} (with {@code format} {@value #FORMAT}),
 * followed by one {@code '<f4'} array per tensor; the manifest's last field, {@code tensors},
 * lists every array in entry order with its {@code name}, {@code shape}, {@code dtype} and
 * {@code sha256}. The SDK's Affective Process model file (ap-core's {@code ModelFile}) is stored in it; other modules store models
 * with manifest schemas of their own.
 *
 * <p>These helpers write the archive atomically, with the entry {@value NpzArchive#CHECKSUMS} last
 * (the SHA-256 of the manifest and of every tensor entry, verified on every read), open and check
 * its manifest and read its tensors against an allow-list, each failing with a {@link
 * ModelFormatException} that names the file and the entry or field. The rest of the manifest is
 * the caller's, read with {@link Json}. A format version from which on checksums are required is
 * given with {@link FormatVersions} to {@link #manifest(NpzReader, String, FormatVersions)}.
 *
 * <p>Nothing large is allocated before it is checked: the manifest is read only up to {@value
 * #MAX_MANIFEST_BYTES} bytes, the expected tensors must fit the file's size, and each array's
 * header must announce the expected type and shape before its data is read.
 */
public final class ModelArchive {
    /** The manifest's entry name: the first entry of every model file. */
    public static final String MANIFEST = "apmodel.json";
    /** The value of every model file's manifest field {@code format}. */
    public static final String FORMAT = "affective-process-model";
    /** The largest manifest read (1 MiB; the paper's model has about 6 KB). */
    public static final int MAX_MANIFEST_BYTES = 1 << 20;

    private ModelArchive() {
    }

    /**
     * Writes a model file atomically (never a partial file): adds the {@code tensors} list of the
     * arrays to the manifest, then writes the manifest as the first entry, the arrays after it in
     * order and the checksums entry {@value NpzArchive#CHECKSUMS} last.
     *
     * @param file the file to create or replace
     * @param manifest the manifest without {@code tensors} (the list is added to it as its last field)
     * @param arrays the float32 tensors by name, in entry order
     * @throws IllegalArgumentException if an array is not float32
     * @throws IOException if writing fails (no file and no temporary file remain)
     */
    public static void write(Path file, ObjectNode manifest, Map<String, NpyArray> arrays) throws IOException {
        ArrayNode tensors = manifest.putArray("tensors");
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            NpyArray a = e.getValue();
            if (a.type() != NpyType.FLOAT32) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' is '" + a.type().descr()
                        + "'; a model file holds only '<f4' tensors");
            }
            ObjectNode tn = tensors.addObject();
            tn.put("name", e.getKey());
            ArrayNode shape = tn.putArray("shape");
            for (int d : a.shape()) {
                shape.add(d);
            }
            tn.put("dtype", NpyType.FLOAT32.descr());
            tn.put("sha256", a.sha256());
        }
        try (NpzWriter w = NpzArchive.createWithChecksums(file)) {
            w.putText(MANIFEST, Json.write(manifest));
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                w.put(e.getKey(), e.getValue());
            }
            w.commit();
        }
    }

    /**
     * Parses the manifest of an open model file and checks its {@code format}; the caller reads
     * and checks the rest.
     *
     * @param r the open archive
     * @param kind what the file should be, for messages, e.g. {@code "a model file"}
     * @return the manifest's fields
     * @throws ModelFormatException if the manifest is missing, not a JSON object or of another format
     * @throws IOException if reading fails
     */
    public static Json.Fields manifest(NpzReader r, String kind) throws IOException {
        if (!r.containsEntry(MANIFEST)) {
            throw new ModelFormatException(r.file(), "has no entry '" + MANIFEST + "'; it is not " + kind);
        }
        Json.Fields m = Json.parse(r.text(MANIFEST, MAX_MANIFEST_BYTES), r.file(), MANIFEST);
        String format = m.text("format");
        if (!FORMAT.equals(format)) {
            throw m.fail("format", "is '" + format + "', expected '" + FORMAT + "'; this is not " + kind);
        }
        return m;
    }

    /**
     * Parses the manifest of an open model file and checks its {@code format}, its {@code
     * formatVersion} and, from the version that requires them on, that the file carries
     * checksums; the caller reads and checks the rest.
     *
     * @param r the open archive
     * @param kind what the file should be, for messages, e.g. {@code "a model file"}
     * @param versions the versions the caller reads
     * @return the manifest's fields (the version is its integer field {@code formatVersion})
     * @throws ModelFormatException if the manifest is missing, not a JSON object, of another
     *     format or version, or the checksums it requires are missing
     * @throws IOException if reading fails
     */
    public static Json.Fields manifest(NpzReader r, String kind, FormatVersions versions) throws IOException {
        Json.Fields m = manifest(r, kind);
        versions.check(m, r);
        return m;
    }

    /**
     * Reads and checks the tensors of a model file: the manifest's {@code tensors} list must name
     * exactly the expected tensors, each once, with their shapes, dtype {@code '<f4'} and a
     * SHA-256; the archive must hold the manifest and these tensors only; every array must have
     * the expected shape and dtype, the manifest's SHA-256 and only finite values.
     *
     * @param r the open archive
     * @param manifest its manifest
     * @param expected the tensors the model has, in the order to return them
     * @param model the model in full, named where a tensor is not part of it, e.g.
     *     {@code "AP-LDA (LATENT_DETERMINISTIC_ATTENTION)"}
     * @param name the model's name, used where a tensor or an entry is missing or unknown, e.g.
     *     {@code "AP-LDA"}
     * @return the values of the expected tensors by name, in the order of {@code expected}
     * @throws ModelFormatException if the tensors do not match (the message names the entry or field)
     * @throws IOException if reading fails
     */
    public static Map<String, float[]> tensors(NpzReader r, Json.Fields manifest, List<TensorSpec> expected,
            String model, String name) throws IOException {
        Map<String, String> hashes = tensorList(manifest, expected, model, name);
        checkEntries(r, expected, name);
        checkFits(r, expected, name);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (TensorSpec t : expected) {
            values.put(t.name(), tensor(r, t, hashes.get(t.name())));
        }
        return values;
    }

    /** Checks the manifest's tensor list against the expected tensors; returns the hashes by tensor name. */
    private static Map<String, String> tensorList(Json.Fields m, List<TensorSpec> tensors, String model, String name)
            throws ModelFormatException {
        Map<String, TensorSpec> expected = new LinkedHashMap<>();
        for (TensorSpec t : tensors) {
            expected.put(t.name(), t);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Json.Fields t : m.objects("tensors")) {
            t.only("name", "shape", "dtype", "sha256");
            String tensor = t.text("name");
            TensorSpec want = expected.get(tensor);
            if (want == null) {
                throw t.fail("name", "names the tensor '" + tensor + "', which is not part of " + model);
            }
            if (hashes.containsKey(tensor)) {
                throw t.fail("name", "lists the tensor '" + tensor + "' twice");
            }
            int[] shape = t.ints("shape");
            if (!Arrays.equals(shape, want.shape())) {
                throw t.fail("shape", "of tensor '" + tensor + "' is " + Arrays.toString(shape)
                        + " but the architecture needs " + Arrays.toString(want.shape()));
            }
            String dtype = t.text("dtype");
            if (!NpyType.FLOAT32.descr().equals(dtype)) {
                throw t.fail("dtype", "of tensor '" + tensor + "' is '" + dtype + "'; only '<f4' is allowed");
            }
            String sha = t.text("sha256");
            if (!sha.matches("[0-9a-fA-F]{64}")) {
                throw t.fail("sha256", "of tensor '" + tensor + "' is not 64 hex digits");
            }
            hashes.put(tensor, sha.toLowerCase(Locale.ROOT));
        }
        for (TensorSpec t : expected.values()) {
            if (!hashes.containsKey(t.name())) {
                throw m.fail("tensors", "lacks the tensor '" + t.name() + "' " + Arrays.toString(t.shape())
                        + " that " + name + " needs");
            }
        }
        return hashes;
    }

    /** Rejects a file too small to hold the expected tensors, before any is read. */
    private static void checkFits(NpzReader r, List<TensorSpec> tensors, String name) throws IOException {
        long needed = 0;
        for (TensorSpec t : tensors) {
            needed += (long) t.size() * NpyType.FLOAT32.itemSize();
        }
        long size = Files.size(r.file());
        if (needed > size) {
            throw new ModelFormatException(r.file(), "has " + size + " bytes, but the " + tensors.size() + " tensors of "
                    + name + " need " + needed + " bytes of data");
        }
    }

    /** Rejects archive entries other than the manifest, the checksums and the expected tensors. */
    private static void checkEntries(NpzReader r, List<TensorSpec> tensors, String name) throws ModelFormatException {
        Set<String> allowed = new HashSet<>();
        allowed.add(MANIFEST);
        allowed.add(NpzArchive.CHECKSUMS);
        for (TensorSpec t : tensors) {
            allowed.add(NpzArchive.entryOf(t.name()));
        }
        for (String entry : r.entryNames()) {
            if (!allowed.contains(entry)) {
                throw new ModelFormatException(r.file(), "holds the unknown entry '" + entry + "'; a " + name
                        + " model file holds only '" + MANIFEST + "', its tensors and '" + NpzArchive.CHECKSUMS + "'");
            }
        }
        for (TensorSpec t : tensors) {
            if (!r.contains(t.name())) {
                throw new ModelFormatException(r.file(), "lacks the entry '" + NpzArchive.entryOf(t.name())
                        + "' of tensor '" + t.name() + "'");
            }
        }
    }

    private static float[] tensor(NpzReader r, TensorSpec t, String sha256) throws IOException {
        String entry = NpzArchive.entryOf(t.name());
        NpyArray a = r.get(t.name(), new NpyHeader(NpyType.FLOAT32, t.shape()));
        if (!a.sha256().equals(sha256)) {
            throw new ModelFormatException(r.file(), "entry '" + entry + "' of tensor '" + t.name()
                    + "' is damaged: its SHA-256 does not match the manifest");
        }
        float[] v = a.floatData(NpyType.FLOAT32);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new ModelFormatException(r.file(), "entry '" + entry + "' of tensor '" + t.name()
                        + "' holds the non-finite value " + v[i] + " at flat index " + i);
            }
        }
        return v;
    }
}
