package org.affectiveprocesses.engine.djl;

import org.affectiveprocesses.core.engine.BackendEngineProvider;

/** Registers the DJL engine (name {@code "djl"}, priority 100: the default when present). */
public final class DjlEngineProvider extends BackendEngineProvider {
    /** The engine's priority among engines. */
    public static final int PRIORITY = 100;

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public DjlEngineProvider() {
        super(new DjlBackend(), PRIORITY);
    }
}
