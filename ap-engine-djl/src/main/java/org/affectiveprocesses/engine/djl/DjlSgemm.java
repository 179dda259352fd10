package org.affectiveprocesses.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Measures the single-precision matrix-multiply rate of DJL's PyTorch engine on this machine: the
 * yardstick the benchmark compares the Affective Process's throughput to.
 */
public final class DjlSgemm {
    private DjlSgemm() {
    }

    /**
     * GFLOP/s of an n × n by n × n float32 product (2n³ FLOPs each), best of {@code rounds}
     * timed rounds of {@code reps} products after a warm-up.
     */
    public static double gflops(int n, int reps, int rounds) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            for (int i = 0; i < 3; i++) {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);
                }
            }
            double best = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    try (NDArray c = a.matMul(b)) {
                        c.getFloat(0, 0);
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                best = Math.max(best, 2.0 * n * n * n * reps / s / 1e9);
            }
            return best;
        }
    }
}
