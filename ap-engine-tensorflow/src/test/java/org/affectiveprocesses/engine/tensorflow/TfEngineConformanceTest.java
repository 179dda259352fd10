package org.affectiveprocesses.engine.tensorflow;

import org.affectiveprocesses.core.conformance.EngineConformanceTest;
import org.affectiveprocesses.core.engine.ApBackend;

/** The TensorFlow engine trains, predicts, saves and fails like every engine must. */
class TfEngineConformanceTest extends EngineConformanceTest {
    @Override
    protected ApBackend backend() {
        return new TfBackend();
    }
}
