package org.affectiveprocesses.engine.tensorflow;

import org.affectiveprocesses.core.conformance.KernelConformanceTest;
import org.affectiveprocesses.core.engine.ApBackend;

/** The TensorFlow kernels compute what {@link org.affectiveprocesses.core.model.ApReference} specifies. */
class TfKernelConformanceTest extends KernelConformanceTest {
    @Override
    protected ApBackend backend() {
        return new TfBackend();
    }
}
