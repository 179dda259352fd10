package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * The feature files ({@code *.npz}, at any depth) of a directory by name, for joining with
 * annotations: a video's file is the one named {@code <video>.npz}, or else the only one whose
 * name contains the video's name (case-insensitive; e.g. DISFA's {@code LeftVideoSN001_comp.npz}
 * for {@code SN001}).
 */
public final class FeatureIndex {
    private final Path directory;
    private final Map<String, Path> byStem;

    private FeatureIndex(Path directory, Map<String, Path> byStem) {
        this.directory = directory;
        this.byStem = byStem;
    }

    /**
     * Lists a directory's feature files.
     *
     * @throws NoSuchFileException if the directory does not exist
     * @throws ModelFormatException if two files share a name in different subdirectories, or
     *     there is no feature file
     * @throws IOException if listing fails
     */
    public static FeatureIndex scan(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "no such directory of feature files");
        }
        Map<String, Path> byStem = new TreeMap<>();
        try (Stream<Path> s = Files.walk(directory)) {
            for (Path p : s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".npz"))
                    .sorted().toList()) {
                Path before = byStem.putIfAbsent(AnnotationFiles.stem(p), p);
                if (before != null) {
                    throw new ModelFormatException(p, "has the same name as " + before
                            + "; feature files are matched to videos by name, so names must be distinct");
                }
            }
        }
        if (byStem.isEmpty()) {
            throw new ModelFormatException(directory, "holds no feature files (*.npz); extract them with `ap extract` "
                    + "or write them as docs/FEATURE-FORMAT.md shows");
        }
        return new FeatureIndex(directory, byStem);
    }

    /**
     * The feature file of a video.
     *
     * @return the file, or empty when none matches
     * @throws IllegalArgumentException if several files contain the video's name and none is
     *     named exactly after it
     */
    public Optional<Path> find(String video) {
        Path exact = byStem.get(video);
        if (exact != null) {
            return Optional.of(exact);
        }
        String v = TextLines.lower(video);
        List<Path> candidates = new ArrayList<>();
        byStem.forEach((stem, p) -> {
            if (TextLines.lower(stem).contains(v)) {
                candidates.add(p);
            }
        });
        if (candidates.size() > 1) {
            throw new IllegalArgumentException("video '" + video + "' matches several feature files " + candidates
                    + "; name one of them " + video + ".npz");
        }
        return candidates.stream().findFirst();
    }

    /** Every feature file, sorted by name. */
    public List<Path> files() {
        return List.copyOf(byStem.values());
    }

    /** The directory scanned. */
    public Path directory() {
        return directory;
    }
}
