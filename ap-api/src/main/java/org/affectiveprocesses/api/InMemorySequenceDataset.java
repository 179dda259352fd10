package org.affectiveprocesses.api;

import java.util.List;
import java.util.Objects;

/** A {@link SequenceDataset} over a list held in memory. */
final class InMemorySequenceDataset implements SequenceDataset {
    private final String name;
    private final String source;
    private final List<AffectSequence> sequences;

    InMemorySequenceDataset(String name, String source, List<AffectSequence> sequences) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        if (!source.matches("[A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("dataset '" + name + "': a source has only letters, digits and '-', got '"
                    + source + "'");
        }
        this.sequences = List.copyOf(sequences);
        if (this.sequences.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + name + "' has no sequences");
        }
        AffectSequence first = this.sequences.get(0);
        for (AffectSequence s : this.sequences) {
            if (!s.labelSpace().equals(first.labelSpace())) {
                throw new IllegalArgumentException("dataset '" + name + "': sequence '" + s.id()
                        + "' has label space " + s.labelSpace().name() + ", the first has "
                        + first.labelSpace().name());
            }
            if (s.featureSize() != first.featureSize()) {
                throw new IllegalArgumentException("dataset '" + name + "': sequence '" + s.id()
                        + "' has feature size " + s.featureSize() + ", the first has " + first.featureSize());
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public LabelSpace labelSpace() {
        return sequences.get(0).labelSpace();
    }

    @Override
    public int featureSize() {
        return sequences.get(0).featureSize();
    }

    @Override
    public int size() {
        return sequences.size();
    }

    @Override
    public AffectSequence get(int i) {
        return sequences.get(i);
    }
}
