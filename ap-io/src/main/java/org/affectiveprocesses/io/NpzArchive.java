package org.affectiveprocesses.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * numpy's {@code .npz} archive: a ZIP file whose entries {@code <name>.npy} each hold one array
 * in {@code .npy} format, as {@code numpy.savez} writes and {@code numpy.load} reads it. This SDK
 * may add other entries (such as a JSON manifest), which numpy ignores when loading arrays by
 * name.
 *
 * <p>{@link NpzWriter} writes an archive atomically (a temporary file in the target's directory,
 * moved into place by {@link NpzWriter#commit()}); {@link NpzReader} reads entries lazily and
 * verifies each entry's CRC-32 and length, and its SHA-256 when the archive carries the entry
 * {@value #CHECKSUMS} (written by {@link #createWithChecksums}).
 *
 * <pre>{@code
 * try (NpzWriter w = NpzArchive.create(Path.of("arrays.npz"))) {
 *     w.put("weights", NpyArray.ofFloats(new int[] {2, 3}, values));
 *     w.commit();                    // without commit nothing is left behind
 * }
 * try (NpzReader r = NpzArchive.open(Path.of("arrays.npz"))) {
 *     float[] v = r.get("weights").toFloats();
 * }
 * }</pre>
 *
 * <p>Entry names: non-empty, at most 255 characters, no control characters, no backslash, not
 * starting with {@code /} and without empty, {@code .} or {@code ..} path segments.
 */
public final class NpzArchive {
    /** The suffix of the entry that holds the array {@code name}: {@code name + ".npy"}. */
    public static final String NPY_SUFFIX = ".npy";
    /**
     * The last entry of an archive written with checksums: the SHA-256 of every other entry, one
     * line {@code <64 hex digits><two spaces><entry name>} each, in archive order (the format of
     * GNU {@code sha256sum}).
     */
    public static final String CHECKSUMS = "checksums.sha256";

    private NpzArchive() {
    }

    /**
     * Starts writing an archive with uncompressed entries (as {@code numpy.savez}).
     *
     * @param target the file to create or replace on {@link NpzWriter#commit()}
     * @return the writer; close it (try-with-resources)
     * @throws java.nio.file.NoSuchFileException if the target's directory does not exist (it is
     *     never created)
     * @throws IOException if the target is a directory or the temporary file cannot be created
     */
    public static NpzWriter create(Path target) throws IOException {
        return NpzWriter.create(target, false, false);
    }

    /**
     * Starts writing an archive with uncompressed entries and, on commit, the entry {@value
     * #CHECKSUMS} holding the SHA-256 of every other entry.
     *
     * @param target the file to create or replace on {@link NpzWriter#commit()}
     * @return the writer; close it (try-with-resources)
     * @throws IOException if the temporary file cannot be created
     */
    public static NpzWriter createWithChecksums(Path target) throws IOException {
        return NpzWriter.create(target, false, true);
    }

    /**
     * Starts writing an archive.
     *
     * @param target the file to create or replace on {@link NpzWriter#commit()}
     * @param compress whether to deflate entries (as {@code numpy.savez_compressed})
     * @return the writer; close it (try-with-resources)
     * @throws IOException if the temporary file cannot be created
     */
    public static NpzWriter create(Path target, boolean compress) throws IOException {
        return NpzWriter.create(target, compress, false);
    }

    /**
     * Opens an archive for reading.
     *
     * @param file the archive
     * @return the reader; close it (try-with-resources)
     * @throws org.affectiveprocesses.api.ModelFormatException if the file is not a readable ZIP
     *     archive (truncated, damaged) or repeats an entry
     * @throws IOException if the file cannot be opened
     */
    public static NpzReader open(Path file) throws IOException {
        return NpzReader.open(file);
    }

    /**
     * The entry name of an array.
     *
     * @param arrayName the array's name, e.g. {@code "encoder.0.weight"}
     * @return {@code arrayName + ".npy"}
     */
    public static String entryOf(String arrayName) {
        return arrayName + NPY_SUFFIX;
    }

    /**
     * Checks an entry name against the rules above.
     *
     * @throws IllegalArgumentException naming the rule that is broken
     */
    static String checkEntryName(String entry) {
        if (entry == null || entry.isEmpty()) {
            throw new IllegalArgumentException("an archive entry needs a non-empty name");
        }
        if (entry.length() > 255) {
            throw new IllegalArgumentException("archive entry name is longer than 255 characters: "
                    + entry.substring(0, 40) + "...");
        }
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\') {
                throw new IllegalArgumentException("archive entry name '" + entry.replaceAll("\\p{Cntrl}", "?")
                        + "' holds a control character or a backslash");
            }
        }
        if (entry.startsWith("/")) {
            throw new IllegalArgumentException("archive entry name '" + entry + "' must not start with '/'");
        }
        for (String segment : entry.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("archive entry name '" + entry
                        + "' has an empty, '.' or '..' path segment");
            }
        }
        return entry;
    }
}
