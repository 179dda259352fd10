package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.io.PendingDirectory;

/**
 * A corpus on disk: a directory of per-video feature files ({@code *.npz}, the format of {@link
 * FeatureFile} and {@code docs/FEATURE-FORMAT.md}) and a {@code store.json} naming the splits.
 *
 * <pre>{@code
 * AffectCorpus corpus = FeatureStore.open(Path.of("sewa-features"));
 * SequenceDataset train = corpus.split("train");
 * }</pre>
 *
 * <p><b>Lazy and bounded.</b> Opening reads only each file's metadata and array headers (id,
 * subject, label space, frame count, feature size). {@link SequenceDataset#get(int)} reads a
 * video's file; the most recently used videos stay in a cache bounded in bytes ({@link
 * #DEFAULT_CACHE_BYTES} unless given), so a corpus of millions of frames trains and evaluates
 * in bounded memory. {@link SequenceDataset#length(int)} reads nothing.
 *
 * <p><b>{@code store.json}</b>: {@code {"format": "affective-process-feature-store",
 * "formatVersion": 1, "name": "...", "protocol": "..." (optional), "splits": {"train": [video
 * ids], ...}}}; video ids are the {@code id} of the feature files' metadata. Without a {@code
 * store.json} the directory is one split named {@code all}. Every file must share one label space
 * and feature size. Splits of one group must not share a video: {@code train}, {@code
 * validation} and {@code test} share none with any other split, and the splits of one fold
 * ({@code foldK/train}, {@code foldK/test}, ...) share none with each other. See {@code
 * docs/CORPORA.md}.
 *
 * <p><b>Written whole or not at all.</b> {@link #create} writes into a temporary directory next
 * to the target and renames it into place when the store is finished; a writer killed midway
 * leaves only that temporary directory ({@code .<name>.ap-<16 hex digits>.tmp}), which this class
 * refuses to open and the next store written into the same parent directory deletes.
 *
 * <p>Instances are thread-safe.
 */
public final class FeatureStore implements AffectCorpus {
    /** The default cache: 512 MiB, or a quarter of the maximum heap if that is less. */
    public static final long DEFAULT_CACHE_BYTES = Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4);
    /** The split name of a directory without {@code store.json}. */
    public static final String ALL = "all";

    private final Path directory;
    private final String name;
    private final String protocol;
    private final LabelSpace labelSpace;
    private final int featureSize;
    private final Map<String, Video> videos;
    private final Map<String, StoreSplit> splits;
    private final SequenceCache cache;

    /** One video of the store: its file and header. */
    record Video(Path file, FeatureFile.Header header) {
    }

    private FeatureStore(Path directory, StoreManifest manifest, Map<String, Video> videos, long cacheBytes) {
        this.directory = directory;
        this.name = manifest.name();
        this.protocol = manifest.protocol();
        this.videos = videos;
        this.cache = new SequenceCache(cacheBytes);
        FeatureFile.Header first = videos.values().iterator().next().header();
        this.labelSpace = first.labelSpace();
        this.featureSize = first.featureSize();
        Map<String, StoreSplit> s = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : manifest.splits().entrySet()) {
            List<Video> members = new ArrayList<>();
            for (String id : e.getValue()) {
                members.add(videos.get(id)); // StoreManifest.read checked that every id is a video
            }
            s.put(e.getKey(), new StoreSplit(name + "/" + e.getKey(), labelSpace, featureSize, members, cache));
        }
        this.splits = Collections.unmodifiableMap(s);
    }

    /**
     * Opens a store with the default cache.
     *
     * @param directory the store's directory
     * @return the store
     * @throws NoSuchFileException if the directory does not exist
     * @throws ModelFormatException if {@code store.json} or a feature file's header is invalid,
     *     two files share an id, files disagree on label space or feature size, or a split names
     *     a missing video
     * @throws IOException if reading fails
     */
    public static FeatureStore open(Path directory) throws IOException {
        return open(directory, DEFAULT_CACHE_BYTES);
    }

    /**
     * Opens a store.
     *
     * @param directory the store's directory
     * @param cacheBytes how many bytes of sequences to keep in memory (0 = none)
     * @return the store
     * @throws IOException as for {@link #open(Path)}
     */
    public static FeatureStore open(Path directory, long cacheBytes) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null,
                    "no such feature store directory (create one with FeatureStore.create or `ap import`)");
        }
        if (PendingDirectory.isTemporary(directory)) {
            throw new ModelFormatException(directory, "is an unfinished feature store: the temporary directory of a "
                    + "writer that is still running or was interrupted (the next store written next to it deletes it)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".npz") && Files.isRegularFile(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new ModelFormatException(directory, "holds no feature files (*.npz); see docs/FEATURE-FORMAT.md");
        }
        Map<String, Video> videos = new TreeMap<>();
        FeatureFile.Header first = null;
        Path firstFile = null;
        for (Path f : files) {
            FeatureFile.Header h = FeatureFile.readHeader(f);
            if (first == null) {
                first = h;
                firstFile = f;
            } else if (!h.labelSpace().equals(first.labelSpace()) || h.featureSize() != first.featureSize()) {
                throw new ModelFormatException(f, "holds " + h.labelSpace().name() + " with " + h.featureSize()
                        + " features, but " + firstFile.getFileName() + " holds " + first.labelSpace().name() + " with "
                        + first.featureSize() + "; a store holds one label space and feature size");
            }
            Video before = videos.putIfAbsent(h.id(), new Video(f, h));
            if (before != null) {
                throw new ModelFormatException(f, "has the id '" + h.id() + "' of " + before.file().getFileName()
                        + "; video ids in a store must be distinct");
            }
        }
        Path manifestFile = directory.resolve(StoreManifest.FILE);
        StoreManifest manifest = Files.exists(manifestFile) ? StoreManifest.read(manifestFile, videos.keySet())
                : new StoreManifest(String.valueOf(directory.toAbsolutePath().normalize().getFileName()), null,
                        Map.of(ALL, List.copyOf(videos.keySet())));
        return new FeatureStore(directory, manifest, Collections.unmodifiableMap(videos), cacheBytes);
    }

    /**
     * Starts writing a new store.
     *
     * @param directory an empty or missing directory whose parent exists (it is created, or
     *     replaced, when the store is finished)
     * @param name the store's name
     * @throws IOException if the directory is not empty, its parent does not exist, or the
     *     temporary directory cannot be created
     */
    public static FeatureStoreWriter create(Path directory, String name) throws IOException {
        return new FeatureStoreWriter(directory, name);
    }

    /**
     * Writes every sequence of a corpus into a new store with the corpus's splits.
     *
     * @param directory an empty or missing directory
     * @param corpus the corpus (a sequence in several splits is written once)
     * @return the opened store
     * @throws IOException if writing fails (nothing is left behind)
     */
    public static FeatureStore write(Path directory, AffectCorpus corpus) throws IOException {
        return create(directory, corpus.name()).writeOrAbort(w -> {
            Map<String, List<String>> splits = new LinkedHashMap<>();
            for (String split : corpus.splitNames()) {
                List<String> ids = new ArrayList<>();
                for (AffectSequence s : corpus.split(split)) {
                    if (!w.contains(s.id())) {
                        w.add(s);
                    }
                    ids.add(s.id());
                }
                splits.put(split, ids);
            }
            return w.finish(splits, "the splits of corpus " + corpus.name());
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> splitNames() {
        return List.copyOf(splits.keySet());
    }

    @Override
    public SequenceDataset split(String splitName) {
        StoreSplit s = splits.get(splitName);
        if (s == null) {
            throw new IllegalArgumentException("feature store '" + name + "' has no split '" + splitName
                    + "'; its splits are " + splitNames());
        }
        return s;
    }

    @Override
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    @Override
    public int featureSize() {
        return featureSize;
    }

    /** The store's directory. */
    public Path directory() {
        return directory;
    }

    /** How the splits were made, when {@code store.json} says. */
    public Optional<String> protocol() {
        return Optional.ofNullable(protocol);
    }

    /** The ids of every video in the store, sorted. */
    public List<String> videoIds() {
        return List.copyOf(videos.keySet());
    }

    /**
     * The ids of a split's videos, in the split's order.
     *
     * @throws IllegalArgumentException naming the splits if there is no such split
     */
    public List<String> videoIds(String splitName) {
        StoreSplit s = (StoreSplit) split(splitName);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            ids.add(s.header(i).id());
        }
        return ids;
    }

    /**
     * A video's header (id, subject, label space, frames, feature size, backbone).
     *
     * @throws IllegalArgumentException if the store has no such video
     */
    public FeatureFile.Header header(String videoId) {
        return video(videoId).header();
    }

    /**
     * A video's feature file.
     *
     * @throws IllegalArgumentException if the store has no such video
     */
    public Path file(String videoId) {
        return video(videoId).file();
    }

    /** The total number of frames of the store's videos. */
    public long frames() {
        return videos.values().stream().mapToLong(v -> v.header().frames()).sum();
    }

    /** How many sequences the cache holds now. */
    public int residentSequences() {
        return cache.residentSequences();
    }

    /** How many times a feature file has been read since the store was opened. */
    public long loads() {
        return cache.loads();
    }

    /** The cache's budget in bytes. */
    public long cacheBytes() {
        return cache.budgetBytes();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("feature store '").append(name).append("' (").append(videos.size())
                .append(" videos, ").append(frames()).append(" frames, dx ").append(featureSize).append(", ")
                .append(labelSpace.name()).append("; splits");
        splits.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.size()));
        return sb.append(')').toString();
    }

    private Video video(String id) {
        Video v = videos.get(id);
        if (v == null) {
            throw new IllegalArgumentException("feature store '" + name + "' has no video '" + id + "'");
        }
        return v;
    }
}
