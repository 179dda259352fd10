package org.affectiveprocesses.core.engine;

import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.model.ApWeights;

/** A compute engine's implementation of the Affective Process's tensor math. */
public interface ApBackend {

    /** The engine's name, e.g. {@code "djl"}. */
    String name();

    /** A forward-pass kernel holding these weights on the engine's device. */
    InferenceKernel openInference(ApWeights weights, Engine engine);

    /**
     * A training kernel starting from these weights with Adam's initial state, with the optimiser
     * settings of the config.
     */
    default TrainingKernel openTraining(ApWeights initial, TrainingConfig config, Engine engine) {
        return openTraining(initial, AdamState.initial(initial.spec()), config, engine);
    }

    /**
     * A training kernel that continues a training: its weights and Adam's state are these (e.g.
     * those of another kernel, or of a checkpoint), so its steps are bitwise those the training
     * would have taken next on this engine and device.
     *
     * @param weights the current weights
     * @param adam Adam's step count and moments, of the same model
     * @param config the optimiser settings and objective
     * @param engine the engine choice (device)
     * @return the kernel; close it
     * @throws IllegalArgumentException if the state belongs to another model than the weights
     */
    TrainingKernel openTraining(ApWeights weights, AdamState adam, TrainingConfig config, Engine engine);
}
