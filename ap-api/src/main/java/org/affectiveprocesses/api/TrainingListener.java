package org.affectiveprocesses.api;

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

    /** Called after every epoch's validation. */
    default void onEpoch(EpochReport report) {
    }

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return new TrainingListener() {
        };
    }
}
