package org.affectiveprocesses.engine.tensorflow;

import org.affectiveprocesses.core.engine.BackendEngineProvider;

/**
 * Registers the TensorFlow engine (name {@code "tensorflow"}, priority 50: the default when it is
 * the only engine on the classpath; DJL, priority 100, wins when both are present).
 */
public final class TfEngineProvider extends BackendEngineProvider {
    /** The engine's priority among engines. */
    public static final int PRIORITY = 50;

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public TfEngineProvider() {
        super(new TfBackend(), PRIORITY);
    }
}
