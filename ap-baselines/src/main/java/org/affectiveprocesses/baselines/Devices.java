package org.affectiveprocesses.baselines;

import ai.djl.Device;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.djl.DjlDevices;

/** The DJL device for an {@link Engine} choice ({@link DjlDevices}); the baselines always run on DJL's PyTorch engine. */
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
        return DjlDevices.of(engine);
    }
}
