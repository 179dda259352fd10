package org.affectiveprocesses.djl;

import ai.djl.Device;
import org.affectiveprocesses.api.Engine;

/** The DJL device of an {@link Engine} choice, on DJL's PyTorch engine. */
public final class DjlDevices {
    /** The DJL engine every part of the SDK that runs on DJL uses. */
    public static final String PYTORCH = "PyTorch";

    private DjlDevices() {
    }

    /**
     * {@code cpu}, {@code gpu} (an error if DJL sees none) or {@code auto} (DJL's default: a GPU
     * when its CUDA natives and a GPU are present).
     *
     * @param engine the engine choice (only its device is read)
     * @throws IllegalStateException if a GPU is asked for and DJL sees none
     */
    public static Device of(Engine engine) {
        ai.djl.engine.Engine djl = ai.djl.engine.Engine.getEngine(PYTORCH);
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
