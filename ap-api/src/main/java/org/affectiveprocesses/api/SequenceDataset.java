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
    /** What precedes the {@link #source()} in an {@link #identity()}. */
    String SOURCE_MARK = ", source ";

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
     * A fingerprint of what the data were made from, the same for every split of one corpus: for
     * the built-in synthetic corpus, its generator version and configuration. Two datasets with
     * the same name but different sources hold different data (for example, a corpus generated
     * again by another version of its generator).
     *
     * @return letters, digits and {@code -}, or empty when unknown (the default)
     */
    default String source() {
        return "";
    }

    /**
     * A short identity of the data recorded in the provenance of models trained on it: the name,
     * then in parentheses the sizes, the label space and, when known, {@code "source "} and the
     * {@link #source()}, e.g. {@code "synthetic-va(seed 1)/train (32 sequences, 33615 frames, dx
     * 512, valence-arousal, source 1a2b3c4d)"}.
     *
     * @return the identity
     */
    default String identity() {
        long frames = 0;
        for (int i = 0; i < size(); i++) {
            frames += length(i);
        }
        String source = source();
        return name() + " (" + size() + " sequences, " + frames + " frames, dx " + featureSize()
                + ", " + labelSpace().name() + (source.isEmpty() ? "" : SOURCE_MARK + source) + ")";
    }

    /**
     * The data name recorded in an {@link #identity()} text: the part before its sizes.
     *
     * @param identity an identity, e.g. from a model's provenance
     * @return the name, or the whole text if it has no sizes
     */
    static String nameOf(String identity) {
        int sizes = identity.lastIndexOf(" (");
        return sizes < 0 ? identity : identity.substring(0, sizes);
    }

    /**
     * The {@link #source()} recorded in an {@link #identity()} text.
     *
     * @param identity an identity, e.g. from a model's provenance
     * @return the source, or empty if the identity records none (data of unknown source, or a
     *     model trained before sources were recorded)
     */
    static String sourceOf(String identity) {
        int sizes = identity.lastIndexOf(" (");
        int mark = identity.lastIndexOf(SOURCE_MARK);
        if (sizes < 0 || mark < sizes || !identity.endsWith(")")) {
            return "";
        }
        return identity.substring(mark + SOURCE_MARK.length(), identity.length() - 1);
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
     * An in-memory dataset of unknown {@link #source()}.
     *
     * @throws IllegalArgumentException if the list is empty or mixes label spaces or feature sizes
     */
    static SequenceDataset of(String name, List<AffectSequence> sequences) {
        return new InMemorySequenceDataset(name, "", sequences);
    }

    /**
     * An in-memory dataset whose {@link #source()} is known.
     *
     * @param name the name
     * @param source what the data were made from: letters, digits and {@code -}, or empty
     * @param sequences the sequences
     * @return the dataset
     * @throws IllegalArgumentException if the source has other characters, or the list is empty or
     *     mixes label spaces or feature sizes
     */
    static SequenceDataset of(String name, String source, List<AffectSequence> sequences) {
        return new InMemorySequenceDataset(name, source, sequences);
    }
}
