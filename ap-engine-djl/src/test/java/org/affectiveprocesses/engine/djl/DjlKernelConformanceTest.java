package org.affectiveprocesses.engine.djl;

import org.affectiveprocesses.core.conformance.KernelConformanceTest;
import org.affectiveprocesses.core.engine.ApBackend;

/** The DJL kernels pass the engine-neutral kernel conformance suite. */
class DjlKernelConformanceTest extends KernelConformanceTest {
    @Override
    protected ApBackend backend() {
        return new DjlBackend();
    }
}
