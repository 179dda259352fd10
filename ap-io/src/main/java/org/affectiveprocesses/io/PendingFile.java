package org.affectiveprocesses.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A file written completely or not at all: the bytes go to a temporary file next to the target
 * ({@code .<name>.ap-<16 hex digits>.tmp}, locked while it is written), and {@link #commit()}
 * forces it to disk and renames it over the target in one step. {@link #close()} without a commit
 * deletes it. A temporary file left by a killed process is deleted by the next write into the
 * same directory (its lock is free then).
 *
 * <pre>{@code
 * try (PendingFile out = PendingFile.create(Path.of("scores.csv"))) {
 *     out.outputStream().write(bytes);
 *     out.commit();
 * }
 * }</pre>
 *
 * <p>The file is created with the platform's default permissions for new files (on POSIX
 * systems, 0666 minus the umask), the same for every file the SDK writes. Not thread-safe.
 */
public final class PendingFile implements AutoCloseable {
    private final Path target;
    private final Temporaries.Held temp;
    private boolean finished;

    private PendingFile(Path target, Temporaries.Held temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Starts a file. Its directory must exist: the SDK never creates missing parent directories.
     *
     * @param target the file to create or replace on {@link #commit()}
     * @return the pending file; close it (try-with-resources)
     * @throws java.nio.file.NoSuchFileException if the target's directory does not exist
     * @throws IOException if the target is a directory or the temporary file cannot be created
     */
    public static PendingFile create(Path target) throws IOException {
        Path absolute = Temporaries.checkTarget(Objects.requireNonNull(target, "target"), false);
        return new PendingFile(absolute, Temporaries.create(absolute, false));
    }

    /** The file this replaces on {@link #commit()} (absolute). */
    public Path target() {
        return target;
    }

    /**
     * A stream into the temporary file. Closing it only flushes: the file stays open until
     * {@link #commit()} or {@link #close()}. Unbuffered; wrap it for small writes.
     */
    public OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                requireOpen();
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    temp.channel().write(buf);
                }
            }
        };
    }

    /**
     * Forces the file to disk and renames it over the target (atomically where the file system
     * can). After a failure the temporary file is deleted and the target is unchanged.
     *
     * @throws IllegalStateException if already committed or closed
     * @throws IOException if forcing or renaming fails
     */
    public void commit() throws IOException {
        requireOpen();
        boolean done = false;
        try {
            temp.channel().force(true);
            try {
                Files.move(temp.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp.path(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            Temporaries.forceDirectory(target.getParent());
            done = true;
        } finally {
            finish(!done);
        }
    }

    /**
     * Ends the file: without a successful {@link #commit()} the temporary file is deleted and the
     * target is left as it was. Idempotent.
     *
     * @throws IOException if the temporary file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finish(true);
        }
    }

    private void finish(boolean discard) throws IOException {
        finished = true;
        try {
            if (discard) {
                Files.deleteIfExists(temp.path()); // while still locked, so no sweeper races for it
            }
        } finally {
            temp.release();
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the pending file for " + target + " is already committed or closed");
        }
    }
}
