package org.affectiveprocesses.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Back-propagation that works on any thread and queues concurrent trainings.
 *
 * <p>DJL's PyTorch engine allows one {@link GradientCollector} in a JVM at a time (a second one
 * fails with "A PtGradientCollector is already collecting"). Every trainer of the SDK records its
 * gradients here: one forward and backward pass at a time for the whole JVM, the others waiting
 * in arrival order (a fair lock), so several trainings on several threads run step by step,
 * interleaved, each computing exactly what it computes alone. Code outside the SDK that opens
 * DJL gradient collectors itself in the same JVM is not queued with them.
 *
 * <p>PyTorch's gradient mode is per thread: DJL turns it off on the thread that loads the engine
 * and leaves it on elsewhere. Parameter updates must therefore not be in-place operations on the
 * arrays that require gradients; {@link Adam} updates detached views of them.
 */
public final class Gradients {
    private static final ReentrantLock RECORDING = new ReentrantLock(true);

    private Gradients() {
    }

    /**
     * Computes a scalar loss with gradient recording on, back-propagates it into the gradients
     * of the arrays it depends on (adding to what they hold), and returns its value.
     *
     * @param loss computes the loss (called on this thread, inside the recording)
     * @return the loss's value (possibly not finite: the caller decides)
     */
    public static float backward(Supplier<NDArray> loss) {
        RECORDING.lock();
        try {
            try (GradientCollector collector = Engine.getEngine(DjlDevices.PYTORCH).newGradientCollector()) {
                NDArray value = loss.get();
                collector.backward(value);
                return value.getFloat();
            }
        } finally {
            RECORDING.unlock();
        }
    }
}
