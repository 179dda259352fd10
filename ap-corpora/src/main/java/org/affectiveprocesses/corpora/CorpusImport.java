package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.io.FeatureFile;

/**
 * Turns a corpus in its native layout into a {@link FeatureStore}: every annotated video's
 * feature file is joined with its annotation ({@link AnnotationJoin}) and written to the store,
 * one video at a time (memory stays bounded), and the store's splits come from a {@link
 * Partition}.
 *
 * <pre>{@code
 * List<Annotation> labels = AnnotationLayout.DISFA.read(Path.of("DISFA/ActionUnit_Labels"));
 * Partition folds = Protocols.disfa(Protocols.subjectsOf(labels), 1);
 * CorpusImport.Summary s = CorpusImport.of(labels, FeatureIndex.scan(Path.of("disfa-features")))
 *         .run(Path.of("disfa-store"), "disfa", folds);
 * }</pre>
 */
public final class CorpusImport {
    private final List<Annotation> annotations;
    private final FeatureIndex features;
    private int lengthTolerance;
    private Progress progress = (done, total, video) -> { };

    /** Receives progress, once per video written. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done videos written so far
         * @param total videos to write
         * @param video the video just written
         */
        void onVideo(int done, int total, String video);
    }

    /**
     * What an import wrote.
     *
     * @param store the opened store
     * @param videos videos written
     * @param frames their frames
     * @param labelledFrames their frames with at least one label
     * @param unusedFeatureFiles feature files no annotation matched (left out)
     * @param videosInNoSplit videos whose subject no split lists (written, but in no split)
     */
    public record Summary(FeatureStore store, int videos, long frames, long labelledFrames,
            List<Path> unusedFeatureFiles, List<String> videosInNoSplit) {
        /** Copies the lists. */
        public Summary {
            unusedFeatureFiles = List.copyOf(unusedFeatureFiles);
            videosInNoSplit = List.copyOf(videosInNoSplit);
        }
    }

    private CorpusImport(List<Annotation> annotations, FeatureIndex features) {
        if (annotations.isEmpty()) {
            throw new IllegalArgumentException("nothing to import: no annotations");
        }
        this.annotations = List.copyOf(annotations);
        this.features = Objects.requireNonNull(features, "features");
    }

    /** An import of these annotations with these feature files. */
    public static CorpusImport of(List<Annotation> annotations, FeatureIndex features) {
        return new CorpusImport(annotations, features);
    }

    /** How many frames an annotation and its feature file may differ by (default 0). */
    public CorpusImport lengthTolerance(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("length tolerance must be >= 0 frames, got " + frames);
        }
        this.lengthTolerance = frames;
        return this;
    }

    /** Where progress goes (default: nowhere). */
    public CorpusImport progress(Progress newProgress) {
        this.progress = Objects.requireNonNull(newProgress, "progress");
        return this;
    }

    /**
     * Writes the store.
     *
     * @param directory a new or empty directory
     * @param name the store's name
     * @param partition the splits, by subject
     * @return what was written
     * @throws AnnotationFormatException if a video has no feature file or its length does not
     *     match (naming the annotation file and line)
     * @throws org.affectiveprocesses.api.ModelFormatException if a feature file is invalid or of
     *     another label space
     * @throws IOException if reading or writing fails
     */
    public Summary run(Path directory, String name, Partition partition) throws IOException {
        return FeatureStore.create(directory, name).writeOrAbort(w -> write(w, partition));
    }

    private Summary write(FeatureStoreWriter w, Partition partition) throws IOException {
        Set<Path> used = new HashSet<>();
        long frames = 0;
        long labelled = 0;
        int done = 0;
        for (Annotation a : annotations) {
            Path file;
            try {
                file = features.find(a.video()).orElseThrow(() -> new AnnotationFormatException(a.source(),
                        "annotates video '" + a.video() + "', but " + features.directory() + " has no feature file "
                                + a.video() + ".npz (nor one whose name contains it)"));
            } catch (IllegalArgumentException e) {
                throw new AnnotationFormatException(a.source(), e.getMessage());
            }
            if (!used.add(file)) {
                throw new AnnotationFormatException(a.source(), "annotates video '" + a.video() + "', whose feature file "
                        + file + " another annotation already matched; name the feature files after the videos");
            }
            FeatureFile.Contents c = FeatureFile.readContents(file);
            AffectSequence joined = AnnotationJoin.join(c.sequence(), file, a, lengthTolerance);
            w.add(joined, c.extras());
            frames += joined.length();
            labelled += joined.labelledFrameCount();
            progress.onVideo(++done, annotations.size(), a.video());
        }
        List<Path> unused = new ArrayList<>(features.files());
        unused.removeAll(used);
        Map<String, List<String>> splits = partition.assign(w.subjects());
        Set<String> inSplits = new HashSet<>();
        splits.values().forEach(inSplits::addAll);
        List<String> inNone = new ArrayList<>();
        for (Annotation a : annotations) {
            if (!inSplits.contains(a.video())) {
                inNone.add(a.video());
            }
        }
        FeatureStore store = w.finish(new LinkedHashMap<>(splits), partition.description());
        return new Summary(store, done, frames, labelled, unused, inNone);
    }
}
