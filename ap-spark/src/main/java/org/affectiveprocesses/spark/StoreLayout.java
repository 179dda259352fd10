package org.affectiveprocesses.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.affectiveprocesses.io.FeatureFile;

/**
 * Where an extraction puts its outputs in a feature store directory: {@code <stem>.npz} (the
 * feature file, written last: its presence means the video is done), {@code csv/<stem>.csv} (the
 * per-frame CSV of {@code ap extract}), {@code _staging/} (feature files of running task attempts,
 * moved into place when complete) and {@code _errors/} (the errors table). Names starting with
 * {@code _} are hidden from Spark's file listings, and a {@code FeatureStore} reads only the
 * top-level {@code *.npz} files.
 */
final class StoreLayout {
    static final String CSV_DIR = "csv";
    static final String STAGING_DIR = "_staging";
    static final String ERRORS_DIR = "_errors";

    private final Path store;

    StoreLayout(Path store) {
        this.store = store;
    }

    Path store() {
        return store;
    }

    Path featureFile(String stem) {
        return store.resolve(stem + ".npz");
    }

    Path csvFile(String stem) {
        return store.resolve(CSV_DIR).resolve(stem + ".csv");
    }

    Path staging() {
        return store.resolve(STAGING_DIR);
    }

    Path errors() {
        return store.resolve(ERRORS_DIR);
    }

    /**
     * Whether a video was extracted before: its feature file exists and its header is that of
     * this video (a file moved into place is complete, as moves are atomic).
     */
    boolean isDone(Path video) {
        Path f = featureFile(VideoInputs.stem(video));
        if (!Files.isRegularFile(f)) {
            return false;
        }
        try {
            return FeatureFile.readHeader(f).id().equals(video.getFileName().toString());
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the store's directories. */
    void create() throws IOException {
        Files.createDirectories(store.resolve(CSV_DIR));
        Files.createDirectories(staging());
    }

    /**
     * Deletes what task attempts left in the staging directory (an attempt killed by its executor
     * has no chance to) and the directory itself; called when no task of the job runs any more.
     */
    void clearStaging() throws IOException {
        Path dir = staging();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
