package org.affectiveprocesses.api;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A set of sequences of one label space and feature size: a corpus split such as {@code
 * "train"}. Implementations may load sequences lazily (a feature store on disk), so {@link
 * #get(int)} may read a file; callers should not hold all sequences at once when a dataset is
 * large.
 */
public interface SequenceDataset extends Iterable<AffectSequence> {

    /** A name for the dataset, e.g. {@code "synthetic-va(seed 1)/train"}; used in provenance and reports. */
    String name();

    /** What the labels mean. */
    LabelSpace labelSpace();

    /** The feature size dx of every sequence. */
    int featureSize();

    /** The number of sequences. */
    int size();

    /**
     * Sequence {@code i}, {@code 0 <= i < size()}.
     *
     * @throws java.io.UncheckedIOException if a lazily read sequence cannot be read
     */
    AffectSequence get(int i);

    /**
     * The length (frame count) of sequence {@code i} without reading its frames when the
     * implementation can; used by samplers to weight sequences by length.
     */
    default int length(int i) {
        return get(i).length();
    }

    /**
     * A short identity of the data (name, sizes and a content fingerprint when cheap) recorded in
     * the provenance of models trained on it.
     */
    default String identity() {
        long frames = 0;
        for (int i = 0; i < size(); i++) {
            frames += length(i);
        }
        return name() + " (" + size() + " sequences, " + frames + " frames, dx " + featureSize()
                + ", " + labelSpace().name() + ")";
    }

    /** The sequences one after the other. */
    default Stream<AffectSequence> stream() {
        return IntStream.range(0, size()).mapToObj(this::get);
    }

    @Override
    default Iterator<AffectSequence> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public AffectSequence next() {
                if (next >= size()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    /**
     * An in-memory dataset.
     *
     * @throws IllegalArgumentException if the list is empty or mixes label spaces or feature sizes
     */
    static SequenceDataset of(String name, List<AffectSequence> sequences) {
        return new InMemorySequenceDataset(name, sequences);
    }
}
