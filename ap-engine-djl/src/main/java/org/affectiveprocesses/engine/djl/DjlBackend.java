package org.affectiveprocesses.engine.djl;

import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.djl.DjlDevices;

/** The Affective Process's tensor math on DJL's PyTorch engine. */
public final class DjlBackend implements ApBackend {
    /** The engine name. */
    public static final String NAME = "djl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InferenceKernel openInference(ApWeights weights, Engine engine) {
        return new DjlInferenceKernel(weights, DjlDevices.of(engine));
    }

    @Override
    public TrainingKernel openTraining(ApWeights initial, TrainingConfig config, Engine engine) {
        return new DjlTrainingKernel(initial, config, DjlDevices.of(engine));
    }
}
