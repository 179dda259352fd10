package org.affectiveprocesses.api;

/**
 * Trains an Affective Process on a frozen backbone's features and pseudo-labels with the
 * protocol of a {@link TrainingConfig}. Obtain one from {@link
 * AffectiveProcess#trainer(TrainingConfig)}.
 *
 * <p>Threads: {@link #fit} may be called on any thread, whichever thread loaded the engine or
 * other models, and several trainers may fit at once on different threads. Each result is
 * bitwise the one the same fit gives alone. An engine either runs concurrent fits side by side
 * (TensorFlow) or queues their training steps (DJL: one forward and backward pass at a time in
 * the JVM, the others waiting in arrival order, so concurrent fits interleave step by step); its
 * documentation says which. One trainer object is not meant to run two fits at once.
 */
public interface AffectiveProcessTrainer {

    /** Where progress goes; by default one log line per epoch. Returns this trainer. */
    AffectiveProcessTrainer listener(TrainingListener listener);

    /**
     * Trains, validating after every epoch, and returns the model of the best epoch.
     *
     * @param train the training sequences (with ground truth)
     * @param validation held-out sequences (with ground truth) for model selection
     * @throws IllegalArgumentException if the datasets disagree on feature size or label space,
     *     or hold no labelled clip long enough for the configured clip length
     */
    AffectiveProcess fit(SequenceDataset train, SequenceDataset validation);
}
