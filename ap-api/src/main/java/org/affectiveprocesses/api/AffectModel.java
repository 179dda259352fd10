package org.affectiveprocesses.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained temporal model that turns a sequence of per-frame features and pseudo-labels into
 * per-frame affect: the Affective Process and the baselines share this contract, so windowing,
 * evaluation and model files work the same for all of them.
 *
 * <p>A model holds native memory of its engine: close it (try-with-resources).
 */
public interface AffectModel extends AutoCloseable {

    /** What the model is and how it was made. */
    ModelInfo info();

    /**
     * The compute engine that runs this model (which may differ from the one that trained it,
     * {@code info().provenance().engine()}).
     *
     * @return the engine's name, e.g. {@code "djl"} or {@code "tensorflow"}
     */
    String engineName();

    /** What the model predicts. */
    default LabelSpace labelSpace() {
        return info().labelSpace();
    }

    /** The feature size it reads. */
    default int featureSize() {
        return info().featureSize();
    }

    /**
     * Its parameter count and multiply-adds for one window of the given length, counted from its
     * layers.
     */
    Complexity complexity(int windowLength);

    /**
     * Predicts every frame of a sequence with the model's default test protocol.
     *
     * @throws IllegalArgumentException if the sequence's label space or feature size do not match
     */
    Prediction predict(AffectSequence sequence);

    /** Predicts several sequences; engines batch their windows together. */
    default List<Prediction> predictAll(List<AffectSequence> sequences) {
        List<Prediction> out = new ArrayList<>(sequences.size());
        for (AffectSequence s : sequences) {
            out.add(predict(s));
        }
        return out;
    }

    /**
     * Writes the model file (versioned, with provenance). The file is written to a temporary
     * sibling first and moved into place, so a failure leaves no partial file.
     *
     * @throws IOException if the file cannot be written
     */
    void save(Path file) throws IOException;

    /** Releases the engine's native memory. */
    @Override
    void close();
}
