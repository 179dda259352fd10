package org.affectiveprocesses.corpora;

import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.io.FeatureFile;

/** One split of a {@link FeatureStore}: its videos' files, read through the store's cache. */
final class StoreSplit implements SequenceDataset {
    private final String name;
    private final LabelSpace labelSpace;
    private final int featureSize;
    private final List<FeatureStore.Video> videos;
    private final SequenceCache cache;

    StoreSplit(String name, LabelSpace labelSpace, int featureSize, List<FeatureStore.Video> videos,
            SequenceCache cache) {
        this.name = name;
        this.labelSpace = labelSpace;
        this.featureSize = featureSize;
        this.videos = List.copyOf(videos);
        this.cache = cache;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    @Override
    public int featureSize() {
        return featureSize;
    }

    @Override
    public int size() {
        return videos.size();
    }

    @Override
    public AffectSequence get(int i) {
        return cache.get(videos.get(i).file());
    }

    @Override
    public int length(int i) {
        return videos.get(i).header().frames();
    }

    /** The header of video {@code i}. */
    FeatureFile.Header header(int i) {
        return videos.get(i).header();
    }

    @Override
    public String toString() {
        return "split " + name + " (" + videos.size() + " videos)";
    }
}
