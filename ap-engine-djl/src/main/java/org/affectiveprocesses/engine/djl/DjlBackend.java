package org.affectiveprocesses.engine.djl;

import ai.djl.Device;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.model.ApWeights;

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
        return new DjlInferenceKernel(weights, device(engine));
    }

    @Override
    public TrainingKernel openTraining(ApWeights initial, TrainingConfig config, Engine engine) {
        return new DjlTrainingKernel(initial, config, device(engine));
    }

    /**
     * The DJL device for an engine choice: {@code cpu}, {@code gpu} (an error if DJL sees none),
     * or {@code auto} (DJL's default: a GPU when its CUDA natives and a GPU are present).
     */
    static Device device(Engine engine) {
        ai.djl.engine.Engine djl = ai.djl.engine.Engine.getEngine("PyTorch");
        switch (engine.device()) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (djl.getGpuCount() == 0) {
                    throw new IllegalStateException("device gpu was asked for, but DJL's PyTorch engine sees no GPU; "
                            + "put pytorch-native-cu* natives on the classpath or use device cpu");
                }
                return Device.gpu();
            default:
                return djl.defaultDevice();
        }
    }
}
