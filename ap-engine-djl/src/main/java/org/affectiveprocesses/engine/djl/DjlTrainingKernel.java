package org.affectiveprocesses.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.io.TensorSpec;
import org.affectiveprocesses.core.training.TrainingBatch;

/**
 * Training on DJL/PyTorch: all parameters live in one flat vector (each layer's tensor is a view
 * of it), so the optimiser updates a single tensor per step. The update is Adam in Kingma & Ba's
 * efficient form, with L2 weight decay added to the gradient:
 *
 * <pre>
 * g = ∇L + wd·θ
 * m = β1·m + (1 − β1)·g        v = β2·v + (1 − β2)·g²
 * θ = θ − lr·√(1 − β2^t)/(1 − β1^t) · m / (√v + ε)
 * </pre>
 */
final class DjlTrainingKernel implements TrainingKernel {
    private final ApModelSpec spec;
    private final TrainingConfig config;
    private final NDManager manager;
    private final NDArray theta;
    private final NDArray m;
    private final NDArray v;
    private final List<TensorSpec> tensors;
    private final int[] offsets;
    private final DjlLoss loss;
    private long t;

    DjlTrainingKernel(ApWeights initial, TrainingConfig config, Device device) {
        this.spec = initial.spec();
        this.config = config;
        this.tensors = spec.parameters();
        this.offsets = spec.parameterOffsets();
        float[] flat = initial.flatten();
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        this.theta = manager.create(flat);
        this.theta.setRequiresGradient(true);
        this.m = manager.zeros(new Shape(flat.length));
        this.v = manager.zeros(new Shape(flat.length));
        this.loss = new DjlLoss(spec, config);
    }

    @Override
    public double step(TrainingBatch batch, double learningRate) {
        try (NDManager sub = manager.newSubManager()) {
            float value;
            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                Map<String, NDArray> views = new HashMap<>();
                for (int i = 0; i < tensors.size(); i++) {
                    TensorSpec ts = tensors.get(i);
                    long[] shape = java.util.Arrays.stream(ts.shape()).asLongStream().toArray();
                    views.put(ts.name(), theta.get(sub, new NDIndex(offsets[i] + ":" + offsets[i + 1]))
                            .reshape(new Shape(shape)));
                }
                NDArray l = loss.compute(new DjlForward(spec, views::get), batch, sub);
                gc.backward(l);
                value = l.getFloat();
            }
            if (Float.isFinite(value)) {
                adam(sub, learningRate);
            }
            return value;
        }
    }

    private void adam(NDManager sub, double learningRate) {
        t++;
        double b1 = config.beta1();
        double b2 = config.beta2();
        double lrT = learningRate * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        NDArray grad = theta.getGradient();
        grad.attach(sub);
        NDArray g = grad;
        if (config.weightDecay() > 0) {
            NDArray decay = theta.mul((float) config.weightDecay());
            decay.attach(sub);
            g = grad.add(decay);
        }
        m.muli((float) b1).addi(g.mul((float) (1 - b1)));
        v.muli((float) b2).addi(g.square().muli((float) (1 - b2)));
        NDArray denominator = v.sqrt();
        denominator.attach(sub);
        NDArray update = m.div(denominator.addi((float) config.adamEpsilon()));
        update.attach(sub);
        theta.subi(update.muli((float) lrT));
        grad.muli(0f); // the gradient accumulates across backward passes: clear it in place
    }

    @Override
    public ApWeights weights() {
        return ApWeights.fromFlat(spec, theta.toFloatArray());
    }

    @Override
    public void close() {
        manager.close();
    }
}
