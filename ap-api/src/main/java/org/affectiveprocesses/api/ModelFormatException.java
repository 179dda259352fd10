package org.affectiveprocesses.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model or feature file that cannot be read: damaged, truncated, of an unknown format
 * version, or holding tensors of the wrong shape. The message names the file and the entry.
 */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the file being read
     * @param problem what is wrong, naming the entry or field
     */
    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /**
     * @param file the file being read
     * @param problem what is wrong
     * @param cause the underlying error
     */
    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
