package org.affectiveprocesses.backbone.adapters;

import java.io.IOException;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Exports {@link TinyModel} as a TensorFlow SavedModel with TensorFlow Java's exporter. */
final class TinySavedModel {
    private TinySavedModel() {
    }

    static void export(Path dir, String signatureKey) throws IOException {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, 3, TinyModel.SIDE, TinyModel.SIDE)));
            Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, TinyModel.IN}));
            Operand<TFloat32> f = tf.math.add(tf.linalg.matMul(flat, tf.constant(TinyModel.w1t())),
                    tf.constant(TinyModel.b1()));
            Operand<TFloat32> va = tf.math.tanh(tf.math.add(tf.linalg.matMul(f, tf.constant(TinyModel.w2t())),
                    tf.constant(TinyModel.b2())));
            Signature sig = Signature.builder().key(signatureKey).input("input", x).output("features", f)
                    .output("va", va).build();
            SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(sig, s)).export();
        }
    }
}
