package org.affectiveprocesses.engine.tensorflow;

import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Measures the single-precision matrix-multiply rate of TensorFlow on this machine's CPU: the
 * yardstick the benchmark compares the TensorFlow engine's Affective Process throughput to.
 */
public final class TfSgemm {
    private TfSgemm() {
    }

    /**
     * GFLOP/s of an n × n by n × n float32 MatMul (2n³ FLOPs each) in a graph session, best of
     * {@code rounds} timed rounds of {@code reps} products after a warm-up. The operands are
     * variables (constants would be folded away when the graph is optimised) and the product is
     * run as a target, so no tensor is copied to Java.
     */
    public static double gflops(int n, int reps, int rounds) {
        if (n < 1 || reps < 1 || rounds < 1) {
            throw new IllegalArgumentException("n, reps and rounds must be >= 1, got " + n + ", " + reps + ", " + rounds);
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> init = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, n)));
            Variable<TFloat32> a = tf.variable(Shape.of(n, n), TFloat32.class);
            Variable<TFloat32> b = tf.variable(Shape.of(n, n), TFloat32.class);
            var setA = tf.assign(a, init);
            var setB = tf.assign(b, init);
            MatMul<TFloat32> product = tf.linalg.matMul(a, b);
            try (Session s = new Session(g, ConfigProto.newBuilder().putDeviceCount("GPU", 0).build())) {
                float[] values = new float[n * n];
                SplittableRandom rng = new SplittableRandom(1);
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) rng.nextGaussian();
                }
                try (TfTensors feeds = new TfTensors().feed(init, values, n, n)) {
                    feeds.runner(s).addTarget(setA).addTarget(setB).run().close();
                }
                for (int i = 0; i < 3; i++) {
                    s.runner().addTarget(product).run().close();
                }
                double best = 0;
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        s.runner().addTarget(product).run().close();
                    }
                    double sec = (System.nanoTime() - t0) / 1e9;
                    best = Math.max(best, 2.0 * n * n * n * reps / sec / 1e9);
                }
                return best;
            }
        }
    }
}
