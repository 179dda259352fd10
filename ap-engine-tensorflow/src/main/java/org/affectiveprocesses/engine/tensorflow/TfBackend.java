package org.affectiveprocesses.engine.tensorflow;

import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.AdamState;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.model.ApWeights;

/**
 * The Affective Process's tensor math on TensorFlow Java, in graph mode: every loaded model and
 * every training run builds one graph and keeps one session for its life.
 */
public final class TfBackend implements ApBackend {
    /** The engine name. */
    public static final String NAME = "tensorflow";

    /** Creates the backend (stateless; graphs are built per kernel). */
    public TfBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the engine asks for device {@code gpu} and TensorFlow sees
     *     no GPU
     */
    @Override
    public InferenceKernel openInference(ApWeights weights, Engine engine) {
        return new TfInferenceKernel(weights, engine);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the engine asks for device {@code gpu} and TensorFlow sees
     *     no GPU
     */
    @Override
    public TrainingKernel openTraining(ApWeights weights, AdamState adam, TrainingConfig config, Engine engine) {
        return new TfTrainingKernel(weights, adam, config, engine);
    }
}
