package org.affectiveprocesses.engine.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Copies between Java float arrays and TensorFlow tensors, and collects the tensors fed to one
 * session call so that they are closed together.
 */
final class TfTensors implements AutoCloseable {
    private final List<Tensor> owned = new ArrayList<>();
    private final List<Operand<?>> targets = new ArrayList<>();
    private final List<Tensor> values = new ArrayList<>();

    /** A new tensor of the given shape holding a copy of {@code data} (row-major). */
    static TFloat32 of(float[] data, long... shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /** The tensor's values, row-major. */
    static float[] read(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] out = new float[Math.toIntExact(t.size())];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    /** Feeds a new tensor built from {@code data} to {@code target}; it is closed with this. */
    TfTensors feed(Operand<?> target, float[] data, long... shape) {
        TFloat32 t = of(data, shape);
        owned.add(t);
        return feed(target, t);
    }

    /** Feeds an existing tensor (owned by the caller) to {@code target}. */
    TfTensors feed(Operand<?> target, Tensor value) {
        targets.add(target);
        values.add(value);
        return this;
    }

    /** A runner of the session with every feed applied. */
    Session.Runner runner(Session session) {
        Session.Runner r = session.runner();
        for (int i = 0; i < targets.size(); i++) {
            r.feed(targets.get(i), values.get(i));
        }
        return r;
    }

    /** Closes the tensors this created. */
    @Override
    public void close() {
        for (Tensor t : owned) {
            t.close();
        }
        owned.clear();
    }
}
