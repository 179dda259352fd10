package org.affectiveprocesses.api;

import java.nio.file.Path;
import java.util.List;

/** Receives training progress; the default trainer prints one line per epoch. */
public interface TrainingListener {

    /**
     * Called after every optimiser step.
     *
     * @param epoch the epoch, 1-based
     * @param step the step within the epoch, 1-based
     * @param stepsPerEpoch steps per epoch
     * @param loss this step's loss
     */
    default void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
    }

    /**
     * Called once before the first step when a training continues from a checkpoint (see
     * {@link AffectiveProcessTrainer#resumeFrom}).
     *
     * @param completedSteps the optimiser steps the checkpoint had taken
     * @param totalSteps all steps of the schedule
     * @param completedEpochs the reports of the epochs validated before the checkpoint, in order
     */
    default void onResume(long completedSteps, long totalSteps, List<EpochReport> completedEpochs) {
    }

    /**
     * Called after a checkpoint was written (see {@link AffectiveProcessTrainer#checkpoints}): the
     * file now holds the training at this step, complete, and a resume starts there.
     *
     * @param completedSteps the optimiser steps the checkpoint holds
     * @param totalSteps all steps of the schedule
     * @param file the checkpoint file
     */
    default void onCheckpoint(long completedSteps, long totalSteps, Path file) {
    }

    /** Called after every epoch's validation. */
    default void onEpoch(EpochReport report) {
    }

    /**
     * Called once after training when σ was calibrated on the validation split (see {@link
     * TrainingConfig#calibration()}), with the fitted scales and the validation NLL before and after.
     *
     * @param calibration the calibration the trained model carries
     */
    default void onCalibration(UncertaintyCalibration calibration) {
    }

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return new TrainingListener() {
        };
    }
}
