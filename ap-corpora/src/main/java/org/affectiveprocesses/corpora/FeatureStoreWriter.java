package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.io.PendingDirectory;

/**
 * Writes a new {@link FeatureStore}: one feature file per sequence ({@code <id>.npz}, with
 * characters other than letters, digits, {@code . _ -} replaced by {@code _}), then {@code
 * store.json} with the splits, all into a temporary directory ({@link PendingDirectory}) that
 * {@link #finish} renames into place: the store appears complete or not at all. Obtain one from
 * {@link FeatureStore#create(Path, String)}; not thread-safe.
 */
public final class FeatureStoreWriter {
    private final PendingDirectory directory;
    private final String name;
    private final Map<String, String> subjects = new LinkedHashMap<>();
    private final Map<String, String> fileNames = new HashMap<>();
    private LabelSpace labelSpace;
    private int featureSize;
    private boolean finished;

    FeatureStoreWriter(Path directory, String name) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a feature store needs a non-empty name");
        }
        this.name = name;
        this.directory = PendingDirectory.create(directory);
    }

    /** Adds a sequence with no extras; see {@link #add(AffectSequence, FeatureFile.Extras)}. */
    public Path add(AffectSequence sequence) throws IOException {
        return add(sequence, FeatureFile.Extras.NONE);
    }

    /**
     * Writes a sequence's feature file (into the temporary directory until {@link #finish}).
     *
     * @return the file written
     * @throws IllegalArgumentException if the id was added before, its file name collides with
     *     another id's, or the label space or feature size differs from the first sequence's
     * @throws IOException if writing fails
     */
    public Path add(AffectSequence sequence, FeatureFile.Extras extras) throws IOException {
        requireOpen();
        if (labelSpace == null) {
            labelSpace = sequence.labelSpace();
            featureSize = sequence.featureSize();
        } else if (!labelSpace.equals(sequence.labelSpace()) || featureSize != sequence.featureSize()) {
            throw new IllegalArgumentException("sequence '" + sequence.id() + "' has " + sequence.labelSpace().name()
                    + " with " + sequence.featureSize() + " features; this store holds " + labelSpace.name() + " with "
                    + featureSize);
        }
        if (subjects.containsKey(sequence.id())) {
            throw new IllegalArgumentException("sequence '" + sequence.id() + "' was already added");
        }
        String fileName = fileName(sequence.id());
        String other = fileNames.putIfAbsent(fileName.toLowerCase(Locale.ROOT), sequence.id());
        if (other != null) {
            throw new IllegalArgumentException("sequences '" + other + "' and '" + sequence.id()
                    + "' would share the file name " + fileName);
        }
        Path file = directory.path().resolve(fileName);
        FeatureFile.write(file, sequence, extras);
        subjects.put(sequence.id(), sequence.subject());
        return file;
    }

    /** Whether a sequence of this id was added. */
    public boolean contains(String id) {
        return subjects.containsKey(id);
    }

    /** The subject of every sequence added, by id. */
    public Map<String, String> subjects() {
        return Map.copyOf(subjects);
    }

    /**
     * Writes {@code store.json} with explicit splits, moves the store into place and opens it.
     *
     * @param splits split name → ids of added sequences
     * @param protocol how the splits were made (free text), or null
     * @throws IllegalArgumentException if a split names a sequence that was not added, is empty,
     *     or shares a sequence with a split it must be disjoint from
     * @throws IOException if writing, moving or reopening fails (nothing is left behind)
     */
    public FeatureStore finish(Map<String, List<String>> splits, String protocol) throws IOException {
        requireOpen();
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("feature store '" + name + "' has no sequences");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        DisjointSplits disjoint = new DisjointSplits();
        for (Map.Entry<String, List<String>> e : splits.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("split '" + e.getKey() + "' is empty");
            }
            for (String id : e.getValue()) {
                if (!subjects.containsKey(id)) {
                    throw new IllegalArgumentException("split '" + e.getKey() + "' names '" + id
                            + "', which was not added to the store");
                }
                String other = disjoint.add(e.getKey(), id);
                if (other != null) {
                    throw new IllegalArgumentException("feature store '" + name + "' "
                            + DisjointSplits.describe(id, other, e.getKey()));
                }
            }
            copy.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        new StoreManifest(name, protocol, copy).write(directory.path().resolve(StoreManifest.FILE));
        finished = true;
        directory.commit();
        return FeatureStore.open(directory.target());
    }

    /**
     * Writes {@code store.json} with the splits of a partition (videos assigned by subject) and
     * opens the store.
     */
    public FeatureStore finish(Partition partition) throws IOException {
        return finish(partition.assign(subjects), partition.description());
    }

    /**
     * Gives up: deletes the temporary directory with every file written so far, so a failed
     * import leaves nothing behind.
     *
     * @throws IOException if a file cannot be deleted
     */
    public void abort() throws IOException {
        finished = true;
        directory.close();
    }

    /** Steps that write a store with this writer. */
    @FunctionalInterface
    interface Steps<T> {
        T run(FeatureStoreWriter writer) throws IOException;
    }

    /** Runs the steps; if one fails, deletes everything written ({@link #abort}) and rethrows. */
    <T> T writeOrAbort(Steps<T> steps) throws IOException {
        try {
            return steps.run(this);
        } catch (IOException | RuntimeException e) {
            try {
                abort();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("feature store '" + name + "' is already finished");
        }
    }

    private static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_") + ".npz";
    }
}
