package org.affectiveprocesses.engine.djl;

import org.affectiveprocesses.core.conformance.EngineConformanceTest;
import org.affectiveprocesses.core.engine.ApBackend;

/** The DJL engine passes the engine-neutral conformance suite. */
class DjlEngineConformanceTest extends EngineConformanceTest {
    @Override
    protected ApBackend backend() {
        return new DjlBackend();
    }
}
