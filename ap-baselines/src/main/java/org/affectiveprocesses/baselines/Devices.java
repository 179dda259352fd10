package org.affectiveprocesses.baselines;

import ai.djl.Device;
import org.affectiveprocesses.api.Engine;

/** The DJL device for an {@link Engine} choice; the baselines always run on DJL's PyTorch engine. */
final class Devices {
    private Devices() {
    }

    /**
     * {@code cpu}, {@code gpu} (an error if DJL sees none) or {@code auto} (DJL's default).
     *
     * @throws IllegalArgumentException if the engine names another engine than DJL
     * @throws IllegalStateException if a GPU is asked for and DJL sees none
     */
    static Device of(Engine engine) {
        if (!engine.name().equals("auto") && !engine.name().equals("djl")) {
            throw new IllegalArgumentException("the baselines run on DJL/PyTorch, not on engine '" + engine.name() + "'");
        }
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
