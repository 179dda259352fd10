package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small text file read whole, with 1-based line numbers for error messages: UTF-8 (a leading
 * byte-order mark is dropped), any line ending, trailing blank lines ignored; a blank line before
 * the last non-blank one is an error.
 */
final class TextLines {
    private final Path file;
    private final List<String> lines;

    private TextLines(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads a file. */
    static TextLines read(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AnnotationFormatException(file, "is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> all = new ArrayList<>(text.lines().toList());
        while (!all.isEmpty() && all.get(all.size() - 1).isBlank()) {
            all.remove(all.size() - 1);
        }
        TextLines t = new TextLines(file, all);
        for (int n = 1; n <= all.size(); n++) {
            if (all.get(n - 1).isBlank()) {
                throw t.error(n, "is blank; blank lines are allowed only at the end of the file");
            }
        }
        return t;
    }

    /** The file. */
    Path file() {
        return file;
    }

    /** The number of lines (trailing blank lines not counted). */
    int count() {
        return lines.size();
    }

    /** Line {@code n} (1-based). */
    String line(int n) {
        return lines.get(n - 1);
    }

    /** An error about line {@code n}. */
    AnnotationFormatException error(int n, String problem) {
        return new AnnotationFormatException(file, n, problem);
    }

    /**
     * Splits line {@code n} into exactly {@code expected} trimmed fields.
     *
     * @param layout what a line should look like, for the message (e.g. {@code "frame,intensity"})
     */
    String[] fields(int n, String delimiter, int expected, String layout) throws AnnotationFormatException {
        String[] f = line(n).split(java.util.regex.Pattern.quote(delimiter), -1);
        if (f.length != expected) {
            throw error(n, "has " + f.length + " field" + (f.length == 1 ? "" : "s") + " ('" + clip(line(n))
                    + "'); expected " + expected + " separated by '" + delimiter + "' (" + layout + ")");
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        return f;
    }

    /** Parses a finite number, naming the field on failure. */
    double number(int n, String text, String field) throws AnnotationFormatException {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw error(n, field + " '" + clip(text) + "' is not a finite number");
    }

    /** Parses a non-negative integer, naming the field on failure. */
    int frameNumber(int n, String text) throws AnnotationFormatException {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw error(n, "frame '" + clip(text) + "' is not a non-negative integer");
    }

    /** Text shortened for messages. */
    static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Lower case, for case-insensitive names. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
