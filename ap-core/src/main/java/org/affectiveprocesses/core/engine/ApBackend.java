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

    /** A training kernel starting from these weights, with the optimiser settings of the config. */
    TrainingKernel openTraining(ApWeights initial, TrainingConfig config, Engine engine);
}
