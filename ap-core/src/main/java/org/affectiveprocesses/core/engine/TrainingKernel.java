package org.affectiveprocesses.core.engine;

import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.training.TrainingBatch;

/**
 * An engine's training step: the loss of {@link org.affectiveprocesses.core.model.ApReference}
 * on a packed batch, its gradient, and one Adam update with L2 weight decay added to the
 * gradient. Its whole state is {@link #weights()} and {@link #adamState()}: a kernel opened from
 * them ({@link ApBackend#openTraining(ApWeights, AdamState, org.affectiveprocesses.api.TrainingConfig,
 * org.affectiveprocesses.api.Engine)}) continues bitwise. Holds native memory: close it.
 */
public interface TrainingKernel extends AutoCloseable {

    /**
     * One optimiser step.
     *
     * @param batch the clips, context weights and reparameterisation noise
     * @param learningRate this step's learning rate
     * @return the batch loss before the update
     */
    double step(TrainingBatch batch, double learningRate);

    /** The current weights, copied to Java. */
    ApWeights weights();

    /** Adam's current step count and moments, copied to Java (what a checkpoint needs to continue). */
    AdamState adamState();

    @Override
    void close();
}
