package org.affectiveprocesses.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The names, locks and sweeping of the SDK's temporary files and directories (see {@link
 * PendingFile} and {@link PendingDirectory}).
 *
 * <p>A temporary entry for the output {@code <dir>/<name>} is {@code <dir>/.<name>.ap-<16 hex
 * digits>.tmp}. While its writer runs it holds an exclusive lock on it (on the file {@value
 * #LOCK_FILE} inside it, for a directory); the operating system releases the lock when the
 * writer's process ends, however it ends. Before creating one, a writer deletes every entry of
 * that pattern in the same directory whose lock it can take: those were left by a process that
 * was killed. A directory without its lock file counts as stale once it is a minute old (its
 * writer creates the lock file right after the directory).
 */
final class Temporaries {
    /** The lock file inside a temporary directory. */
    static final String LOCK_FILE = ".ap-lock";

    private static final Pattern NAME = Pattern.compile("\\..+\\.ap-[0-9a-f]{16}\\.tmp");
    private static final Duration UNLOCKED_DIRECTORY_GRACE = Duration.ofMinutes(1);
    /** The temporary entries of this JVM's live writers (never probed: closing a probe would drop their lock). */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private Temporaries() {
    }

    /** Whether a file name is one of the SDK's temporary names. */
    static boolean isTemporaryName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /**
     * A temporary entry of this process: its path, and the channel and lock on it (on its lock
     * file, for a directory).
     */
    record Held(Path path, FileChannel channel, FileLock lock) {
        /** Drops the lock and forgets the entry (which stays on disk as it is). */
        void release() throws IOException {
            done(path);
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /**
     * Sweeps the target's directory, then creates and locks a fresh temporary file or directory
     * for it.
     *
     * @param target the absolute output path
     * @param directory whether to create a directory (with its lock file) rather than a file
     */
    static Held create(Path target, boolean directory) throws IOException {
        sweep(target.getParent());
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling("." + target.getFileName() + ".ap-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp");
            FileChannel ch = null;
            try {
                if (directory) {
                    Files.createDirectory(temp);
                } else {
                    ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
                continue;
            }
            live(temp);
            try {
                if (directory) {
                    ch = FileChannel.open(temp.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                }
                return new Held(temp, ch, ch.lock());
            } catch (IOException | RuntimeException e) {
                done(temp);
                if (ch != null) {
                    ch.close();
                }
                deleteTree(temp);
                throw e;
            }
        }
    }

    /**
     * Checks that an output can be written: its directory exists and it is not a directory.
     *
     * @return the target as an absolute path
     * @throws NoSuchFileException naming the missing directory
     * @throws IOException if the target is a directory
     */
    static Path checkTarget(Path target, boolean directoryOutput) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IOException(target + " has no parent directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "the directory " + dir
                    + (Files.exists(dir) ? " is not a directory" : " does not exist (create it first)"));
        }
        if (!directoryOutput && Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory; give a file name");
        }
        return absolute;
    }

    /** Registers a live temporary entry of this JVM. */
    private static void live(Path temp) {
        LIVE.add(temp.toAbsolutePath().normalize());
    }

    /** Unregisters a temporary entry (committed or discarded). */
    private static void done(Path temp) {
        LIVE.remove(temp.toAbsolutePath().normalize());
    }

    /**
     * Deletes the stale temporary entries of a directory: those of the SDK's pattern whose lock no
     * live process holds. Best effort: an entry that cannot be probed or deleted is left alone.
     * The cost is one listing of the directory, skipped inside this JVM's own temporary directories
     * (a store of many files).
     */
    static void sweep(Path dir) {
        if (LIVE.contains(dir.toAbsolutePath().normalize())) {
            return; // a temporary directory of this JVM (a store being written) holds only its own files
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> isTemporaryName(p.getFileName().toString()))) {
            for (Path p : entries) {
                if (!LIVE.contains(p.toAbsolutePath().normalize()) && isStale(p)) {
                    deleteTree(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // sweeping is a courtesy; a write must not fail because an old leftover could not go
        }
    }

    private static boolean isStale(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Path lock = p.resolve(LOCK_FILE);
            if (!Files.exists(lock, LinkOption.NOFOLLOW_LINKS)) {
                FileTime modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                return modified.toInstant().isBefore(Instant.now().minus(UNLOCKED_DIRECTORY_GRACE));
            }
            return lockIsFree(lock);
        }
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && lockIsFree(p);
    }

    private static boolean lockIsFree(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** Deletes a file or a directory tree without following links. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NotDirectoryException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Forces a directory's entries to disk where the platform allows it (best effort). */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform can open a directory; the rename itself is still atomic
        }
    }
}
