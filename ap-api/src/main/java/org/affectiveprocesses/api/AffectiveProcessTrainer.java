package org.affectiveprocesses.api;

import java.io.IOException;
import java.nio.file.Path;

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
 *
 * <p>Surviving a kill: with {@link #checkpoints(Path, int)} a fit writes its whole state to a
 * checkpoint file every N steps (atomically: a kill leaves the previous checkpoint intact); a new
 * trainer with the same configuration and engine continues from it with {@link #resumeFrom(Path)}
 * and the same data, and returns the model the uninterrupted fit would have returned, bit for bit
 * (on the same engine and device). The file format is described in {@code docs/CHECKPOINT-FORMAT.md}.
 *
 * <pre>{@code
 * AffectiveProcessTrainer trainer = AffectiveProcess.trainer(config).checkpoints(ck, 200);
 * if (Files.exists(ck)) {
 *     trainer.resumeFrom(ck);
 * }
 * AffectiveProcess ap = trainer.fit(train, validation);
 * }</pre>
 */
public interface AffectiveProcessTrainer {

    /** Where progress goes; by default one log line per epoch. Returns this trainer. */
    AffectiveProcessTrainer listener(TrainingListener listener);

    /**
     * Writes a checkpoint of the training every {@code everySteps} optimiser steps (counted over
     * the whole schedule; when such a step ends an epoch, after that epoch's validation),
     * replacing the file atomically each time. The file is kept after the fit.
     *
     * @param file the checkpoint file; its directory must exist
     * @param everySteps the interval, at least 1
     * @return this trainer
     * @throws IllegalArgumentException if the interval is below 1, the file is a directory or its
     *     directory does not exist
     */
    AffectiveProcessTrainer checkpoints(Path file, int everySteps);

    /**
     * Makes the next {@link #fit} continue from a checkpoint instead of starting: the weights,
     * Adam's state, the input standardisation, the position in the schedule and of the clip
     * sampler, the epoch reports so far and the best epoch's weights all come from the file. The
     * fit refuses, before any step, a checkpoint written with another configuration, engine, or
     * other training or validation data (compared by content).
     *
     * @param checkpoint a file written by {@link #checkpoints(Path, int)}
     * @return this trainer
     * @throws ModelFormatException if the file is not a valid checkpoint (naming the file and
     *     the entry or field)
     * @throws IOException if reading fails
     */
    AffectiveProcessTrainer resumeFrom(Path checkpoint) throws IOException;

    /**
     * Trains, validating after every epoch, and returns the model of the best epoch.
     *
     * @param train the training sequences (with ground truth)
     * @param validation held-out sequences (with ground truth) for model selection
     * @throws IllegalArgumentException if the datasets disagree on feature size or label space,
     *     or hold no labelled clip long enough for the configured clip length, or (when resuming)
     *     the checkpoint was written with another configuration, engine or data
     * @throws java.io.UncheckedIOException if a checkpoint cannot be written
     */
    AffectiveProcess fit(SequenceDataset train, SequenceDataset validation);
}
