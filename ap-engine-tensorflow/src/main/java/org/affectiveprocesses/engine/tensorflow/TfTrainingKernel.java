package org.affectiveprocesses.engine.tensorflow;

import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.AdamState;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.training.TrainingBatch;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Training with one {@link TrainingGraph} and one session. The variables (θ and Adam's moments)
 * are set from the given weights and Adam state by feeding them to assign ops (no TensorFlow
 * initialisers); Adam's step count t is kept here. A step is two session
 * calls: the loss and its gradient, then, if the loss is finite, the {@code ApplyAdam} update
 * with that gradient fed back:
 *
 * <pre>
 * g = ∇L + wd·θ
 * m = β1·m + (1 − β1)·g        v = β2·v + (1 − β2)·g²
 * θ = θ − lr·√(1 − β2^t)/(1 − β1^t) · m / (√v + ε)
 * </pre>
 *
 * <p>(Kingma &amp; Ba's efficient form, which is what {@code ApplyAdam} computes; the learning
 * rate and β^t are fed each step.)
 */
final class TfTrainingKernel implements TrainingKernel {
    /**
     * Grappler takes one to two seconds on the first step of the gradient graph and gains no
     * measurable step rate on CPU (the step is dominated by the products), so it is off.
     */
    private static final boolean OPTIMISE = false;

    private final ApModelSpec spec;
    private final TrainingConfig config;
    private final int[] offsets;
    private final Graph graph;
    private final TrainingGraph g;
    private final Session session;
    private long t;
    private boolean closed;

    TfTrainingKernel(ApWeights weights, AdamState state, TrainingConfig config, Engine engine) {
        state.checkFits(weights);
        this.spec = weights.spec();
        this.config = config;
        this.offsets = spec.parameterOffsets();
        this.graph = new Graph();
        try {
            this.g = new TrainingGraph(graph, spec, config, offsets);
            this.session = TfDevices.open(graph, engine, OPTIMISE);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
        long size = offsets[offsets.length - 1];
        try (TfTensors feeds = new TfTensors().feed(g.initialValues, weights.flatten(), size)
                .feed(g.initialFirstMoment, state.firstMoments().flatten(), size)
                .feed(g.initialSecondMoment, state.secondMoments().flatten(), size)) {
            Session.Runner r = feeds.runner(session);
            g.initialise.forEach(r::addTarget);
            r.run().close();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.t = state.steps();
    }

    @Override
    public double step(TrainingBatch batch, double learningRate) {
        checkOpen();
        try (TfTensors feeds = g.loss.feed(batch, new TfTensors());
                Result out = feeds.runner(session).fetch(g.loss.loss()).fetch(g.gradient).run()) {
            float value = ((TFloat32) out.get(0)).getFloat();
            if (Float.isFinite(value)) {
                t++;
                try (TfTensors adam = new TfTensors()
                        .feed(g.gradient, out.get(1))
                        .feed(g.learningRate, new float[] {(float) learningRate})
                        .feed(g.beta1Power, new float[] {(float) Math.pow(config.beta1(), t)})
                        .feed(g.beta2Power, new float[] {(float) Math.pow(config.beta2(), t)})) {
                    adam.runner(session).addTarget(g.update).run().close();
                }
            }
            return value;
        }
    }

    @Override
    public ApWeights weights() {
        checkOpen();
        float[] flat;
        try (Result r = session.runner().fetch(g.theta).run()) {
            flat = TfTensors.read(r.get(0));
        }
        return ApWeights.fromFlat(spec, flat);
    }

    @Override
    public AdamState adamState() {
        checkOpen();
        try (Result r = session.runner().fetch(g.firstMoment).fetch(g.secondMoment).run()) {
            return new AdamState(t, ApWeights.fromFlat(spec, TfTensors.read(r.get(0))),
                    ApWeights.fromFlat(spec, TfTensors.read(r.get(1))));
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.close();
            graph.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this TensorFlow training kernel is closed");
        }
    }
}
