package org.affectiveprocesses.api;

/**
 * Trains an Affective Process on a frozen backbone's features and pseudo-labels with the
 * protocol of a {@link TrainingConfig}. Obtain one from {@link
 * AffectiveProcess#trainer(TrainingConfig)}.
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
