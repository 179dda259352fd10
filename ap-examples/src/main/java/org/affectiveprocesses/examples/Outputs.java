package org.affectiveprocesses.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.affectiveprocesses.io.PendingFile;

/**
 * The one output policy of every {@code ap} command, checked before any work: <b>an output's
 * directory must already exist</b> (missing parent directories are never created), it must be
 * writable, and a file output must not be a directory. A directory output ({@code --report},
 * {@code --figures-dir}, a store) is itself created when missing, but not its parents; a store
 * directory must be missing or empty. Refusing rather than creating parents means a mistyped path
 * fails at once, before minutes of work, and a failed command leaves no directories behind.
 *
 * <p>Files are written whole or not at all ({@link PendingFile}): a command that fails or is
 * killed leaves the previous file, or none, never a partial one; all are created with the same
 * permissions (the platform's default for new files).
 */
final class Outputs {
    private Outputs() {
    }

    /**
     * Checks a file output before any work.
     *
     * @param file the file to write
     * @param option the option that named it, for messages, e.g. {@code "--out"}
     * @throws IOException naming the file and the option if it cannot be written there
     */
    static void checkFile(Path file, String option) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        checkParent(file, absolute, option);
        if (Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(file.toString(), null, "is a directory; " + option
                    + " needs a file name");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new AccessDeniedException(file.toString(), null, "cannot be replaced (" + option + ")");
        }
    }

    /**
     * Checks a directory output before any work.
     *
     * @param dir the directory to write into (created later if missing)
     * @param option the option that named it, for messages
     * @param empty whether it must be missing or empty (a new store)
     * @throws IOException naming the directory and the option if it cannot be written
     */
    static void checkDirectory(Path dir, String option, boolean empty) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        checkParent(dir, absolute, option);
        if (!Files.exists(absolute)) {
            return;
        }
        if (!Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "is a file; " + option + " needs a directory");
        }
        if (!Files.isWritable(absolute)) {
            throw new AccessDeniedException(dir.toString(), null, "is not writable (" + option + ")");
        }
        if (empty) {
            try (Stream<Path> s = Files.list(absolute)) {
                if (s.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(dir.toString(), null, "is not empty; " + option
                            + " needs a new or empty directory");
                }
            }
        }
    }

    /** Creates a directory output (not its parents) unless it exists; returns it. */
    static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir);
        }
        return dir;
    }

    /** Writes a file whole or not at all. */
    static void write(Path file, Body body) throws IOException {
        try (PendingFile out = PendingFile.create(file)) {
            try (OutputStream os = out.outputStream()) {
                body.writeTo(os);
            }
            out.commit();
        }
    }

    /** Writes a text file (UTF-8) whole or not at all. */
    static void writeString(Path file, String text) throws IOException {
        write(file, os -> os.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** What goes into a file. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void checkParent(Path given, Path absolute, String option) throws IOException {
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new NoSuchFileException(given.toString(), null, "has no parent directory (" + option + ")");
        }
        if (!Files.isDirectory(parent)) {
            throw new NoSuchFileException(given.toString(), null, "the directory " + parent
                    + (Files.exists(parent) ? " is not a directory" : " does not exist") + "; create it first ("
                    + option + ")");
        }
        if (!Files.isWritable(parent)) {
            throw new AccessDeniedException(given.toString(), null, "the directory " + parent + " is not writable ("
                    + option + ")");
        }
    }
}
