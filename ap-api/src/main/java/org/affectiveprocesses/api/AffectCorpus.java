package org.affectiveprocesses.api;

import java.util.List;

/**
 * A corpus of sequences divided into named splits ({@code "train"}, {@code "validation"},
 * {@code "test"}, or folds), e.g. the built-in synthetic corpus or a feature store on disk.
 */
public interface AffectCorpus {

    /** The corpus name. */
    String name();

    /** The names of the available splits, in a stable order. */
    List<String> splitNames();

    /**
     * One split.
     *
     * @throws IllegalArgumentException naming the available splits if {@code name} is not one
     */
    SequenceDataset split(String name);

    /** The label space of every split. */
    default LabelSpace labelSpace() {
        return split(splitNames().get(0)).labelSpace();
    }

    /** The feature size of every split. */
    default int featureSize() {
        return split(splitNames().get(0)).featureSize();
    }
}
