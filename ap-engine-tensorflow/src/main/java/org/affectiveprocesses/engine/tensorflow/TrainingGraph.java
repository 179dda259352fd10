package org.affectiveprocesses.engine.tensorflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.io.TensorSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyAdam;
import org.tensorflow.types.TFloat32;

/**
 * The training step as graph nodes: one flat parameter variable θ whose slices are the model's
 * tensors, the {@link TfLoss} of a packed batch, its gradient from {@link Graph#addGradients},
 * Adam's moment variables, the {@code ApplyAdam} update (its learning rate and β^t are
 * placeholders, and it reads the gradient node, so a gradient computed in an earlier call can be
 * fed back), and the assign ops that set θ and the moments from fed values.
 */
final class TrainingGraph {
    /** All parameters, concatenated in the spec's order. */
    final Variable<TFloat32> theta;
    /** Adam's first moment m of θ. */
    final Variable<TFloat32> firstMoment;
    /** Adam's second moment v of θ. */
    final Variable<TFloat32> secondMoment;
    /** The batch loss and its placeholders. */
    final TfLoss loss;
    /** ∂loss/∂θ. */
    final Operand<TFloat32> gradient;
    /** This step's learning rate (scalar). */
    final Placeholder<TFloat32> learningRate;
    /** β1^t (scalar). */
    final Placeholder<TFloat32> beta1Power;
    /** β2^t (scalar). */
    final Placeholder<TFloat32> beta2Power;
    /** θ ← Adam(θ, ∇ + wd·θ). */
    final ApplyAdam<TFloat32> update;
    /** The initial θ, fed to {@link #initialise}. */
    final Placeholder<TFloat32> initialValues;
    /** The initial m, fed to {@link #initialise}. */
    final Placeholder<TFloat32> initialFirstMoment;
    /** The initial v, fed to {@link #initialise}. */
    final Placeholder<TFloat32> initialSecondMoment;
    /** Sets θ, m and v to the fed values. */
    final List<Op> initialise;

    /**
     * @param graph the graph to build in
     * @param spec the model's shape
     * @param config the objective and optimiser settings
     * @param offsets the start of each of the spec's tensors in θ, and θ's size last
     */
    TrainingGraph(Graph graph, ApModelSpec spec, TrainingConfig config, int[] offsets) {
        Ops tf = Ops.create(graph);
        List<TensorSpec> tensors = spec.parameters();
        int size = offsets[tensors.size()];
        theta = tf.variable(Shape.of(size), TFloat32.class);
        firstMoment = tf.variable(Shape.of(size), TFloat32.class);
        secondMoment = tf.variable(Shape.of(size), TFloat32.class);
        Map<String, Operand<TFloat32>> views = new HashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            TensorSpec ts = tensors.get(i);
            Operand<TFloat32> flat = tf.slice(theta, tf.constant(new int[] {offsets[i]}), tf.constant(new int[] {ts.size()}));
            views.put(ts.name(), tf.reshape(flat, tf.constant(ts.shape())));
        }
        loss = new TfLoss(new TfLayers(tf, spec, views::get), spec, config);
        @SuppressWarnings("unchecked")
        Operand<TFloat32> g = (Operand<TFloat32>) graph.addGradients(loss.loss().asOutput(),
                new Output<?>[] {theta.asOutput()})[0];
        gradient = g;
        learningRate = scalar(tf);
        beta1Power = scalar(tf);
        beta2Power = scalar(tf);
        Operand<TFloat32> decayed = config.weightDecay() > 0
                ? tf.math.add(gradient, tf.math.mul(theta, tf.constant((float) config.weightDecay())))
                : gradient;
        update = tf.train.applyAdam(theta, firstMoment, secondMoment, beta1Power, beta2Power, learningRate,
                tf.constant((float) config.beta1()), tf.constant((float) config.beta2()),
                tf.constant((float) config.adamEpsilon()), decayed);
        initialValues = vector(tf, size);
        initialFirstMoment = vector(tf, size);
        initialSecondMoment = vector(tf, size);
        initialise = List.of(tf.assign(theta, initialValues), tf.assign(firstMoment, initialFirstMoment),
                tf.assign(secondMoment, initialSecondMoment));
    }

    private static Placeholder<TFloat32> vector(Ops tf, int size) {
        return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(size)));
    }

    private static Placeholder<TFloat32> scalar(Ops tf) {
        return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }
}
