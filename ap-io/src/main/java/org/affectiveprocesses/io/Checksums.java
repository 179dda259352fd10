package org.affectiveprocesses.io;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * The checksums entry of an archive ({@value NpzArchive#CHECKSUMS}): one line per other entry, in
 * archive order, {@code <SHA-256 in 64 lower-case hex digits><two spaces><entry name>\n}, the
 * format of GNU {@code sha256sum} (so {@code unzip file && sha256sum -c checksums.sha256} checks
 * an extracted archive).
 */
public final class Checksums {
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  ([^\\n]+)");

    private Checksums() {
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks SHA-256", e);
        }
    }

    /** The largest checksums entry for {@code entries} other entries (names of at most 255 characters in UTF-8). */
    static long maxBytes(int entries) {
        return (long) entries * (64 + 2 + 255 * 4 + 1);
    }

    /** The text of the entry: every entry's hash, in order. */
    static String format(Map<String, String> entries) {
        StringBuilder sb = new StringBuilder();
        entries.forEach((name, hex) -> sb.append(hex).append("  ").append(name).append('\n'));
        return sb.toString();
    }

    /**
     * Parses the entry.
     *
     * @return entry name to hash, in order
     * @throws ModelFormatException naming the file and the line if a line is malformed or an
     *     entry is listed twice
     */
    static Map<String, String> parse(String text, Path file) throws ModelFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw error(file, "does not end with a newline");
        }
        int line = 0;
        for (String l : text.isEmpty() ? new String[0] : text.substring(0, text.length() - 1).split("\n", -1)) {
            line++;
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                throw error(file, "line " + line + " is not '<64 hex digits>  <entry name>'");
            }
            if (out.put(m.group(2), m.group(1)) != null) {
                throw error(file, "lists the entry '" + m.group(2) + "' twice");
            }
        }
        return out;
    }

    private static ModelFormatException error(Path file, String problem) {
        return new ModelFormatException(file, "entry '" + NpzArchive.CHECKSUMS + "' " + problem);
    }
}
