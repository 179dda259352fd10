package org.affectiveprocesses.corpora;

import java.nio.file.Path;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * An annotation file (or a list file) that cannot be used: a malformed line, a value out of range,
 * a wrong Action Unit name, frames that disagree between files, or a length that does not match
 * the video's feature file. The message names the file and, where one line is at fault, the line
 * ({@code "labels/SN001_au2.txt: line 17: ..."}).
 */
public class AnnotationFormatException extends ModelFormatException {
    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * A problem with one line.
     *
     * @param file the file being read
     * @param line the 1-based line number, or 0 when the problem concerns the whole file
     * @param problem what is wrong and, where it helps, how to fix it
     */
    public AnnotationFormatException(Path file, int line, String problem) {
        super(file, line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
    }

    /**
     * A problem with a whole file.
     *
     * @param file the file being read
     * @param problem what is wrong
     */
    public AnnotationFormatException(Path file, String problem) {
        this(file, 0, problem);
    }

    /** The 1-based line at fault, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
