package org.affectiveprocesses.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A directory written completely or not at all: its files go into a temporary directory next to
 * the target ({@code .<name>.ap-<16 hex digits>.tmp}, holding the locked file {@code .ap-lock}
 * while it is written), and {@link #commit()} renames it into place in one step. {@link #close()}
 * without a commit deletes it with everything in it. A temporary directory left by a killed
 * process is deleted by the next SDK write into the same parent directory.
 *
 * <p>The target must not exist or be an empty directory (which the commit replaces). Not
 * thread-safe.
 */
public final class PendingDirectory implements AutoCloseable {
    private final Path target;
    private final Temporaries.Held temp;
    private boolean finished;

    private PendingDirectory(Path target, Temporaries.Held temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Starts a directory. Its parent must exist: the SDK never creates missing parent directories.
     *
     * @param target the directory to create on {@link #commit()}: missing or empty
     * @return the pending directory; close it (try-with-resources)
     * @throws java.nio.file.NoSuchFileException if the parent directory does not exist
     * @throws FileAlreadyExistsException if the target is a file or a non-empty directory
     * @throws IOException if the temporary directory cannot be created
     */
    public static PendingDirectory create(Path target) throws IOException {
        Path absolute = Temporaries.checkTarget(Objects.requireNonNull(target, "target"), true);
        requireEmptyOrMissing(target, absolute);
        return new PendingDirectory(absolute, Temporaries.create(absolute, true));
    }

    /**
     * Whether a directory is one of the SDK's temporary directories (an unfinished output).
     *
     * @param dir any directory
     * @return true if its name is {@code .<name>.ap-<16 hex digits>.tmp}
     */
    public static boolean isTemporary(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name != null && Temporaries.isTemporaryName(name.toString());
    }

    /** The temporary directory to write into. */
    public Path path() {
        return temp.path();
    }

    /** The directory this becomes on {@link #commit()} (absolute). */
    public Path target() {
        return target;
    }

    /**
     * Renames the temporary directory into place (atomically where the file system can) and
     * removes its lock file.
     *
     * @throws IllegalStateException if already committed or closed
     * @throws FileAlreadyExistsException if the target was filled meanwhile
     * @throws IOException if renaming fails (the temporary directory is then deleted)
     */
    public void commit() throws IOException {
        requireOpen();
        boolean done = false;
        try {
            requireEmptyOrMissing(target, target);
            try {
                Files.move(temp.path(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(target);
                Files.move(temp.path(), target);
            }
            Temporaries.forceDirectory(target.getParent());
            done = true;
        } finally {
            finished = true;
            temp.release();
            if (done) {
                Files.deleteIfExists(target.resolve(Temporaries.LOCK_FILE));
            } else {
                Temporaries.deleteTree(temp.path());
            }
        }
    }

    /**
     * Ends the directory: without a successful {@link #commit()} the temporary directory and
     * everything in it are deleted. Idempotent.
     *
     * @throws IOException if something cannot be deleted
     */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            Temporaries.deleteTree(temp.path());
        } finally {
            temp.release();
        }
    }

    private static void requireEmptyOrMissing(Path given, Path absolute) throws IOException {
        if (!Files.exists(absolute)) {
            return;
        }
        if (!Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(given.toString(), null, "exists and is not a directory");
        }
        try (Stream<Path> s = Files.list(absolute)) {
            if (s.findAny().isPresent()) {
                throw new FileAlreadyExistsException(given.toString(), null, "is not empty; choose a new directory");
            }
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the pending directory for " + target + " is already committed or closed");
        }
    }
}
