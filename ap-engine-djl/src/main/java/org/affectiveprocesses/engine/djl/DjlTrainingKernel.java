package org.affectiveprocesses.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.AdamState;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.io.TensorSpec;
import org.affectiveprocesses.core.training.TrainingBatch;
import org.affectiveprocesses.djl.Adam;
import org.affectiveprocesses.djl.DjlDevices;
import org.affectiveprocesses.djl.Gradients;
import org.affectiveprocesses.djl.IntraOpThreads;
import org.affectiveprocesses.djl.OwnedArrays;

/**
 * Training on DJL/PyTorch: all parameters live in one flat vector (each layer's tensor is a view
 * of it), so the optimiser ({@link Adam}, with L2 weight decay added to the gradient and no
 * clipping) updates a single tensor per step. Gradients are recorded through {@link Gradients},
 * so a kernel trains on any thread and concurrent kernels queue step by step. A kernel starts from
 * given weights and Adam state (zero moments for a new training, a checkpoint's to continue one). Creating a kernel
 * pins the calling thread's PyTorch thread count ({@link IntraOpThreads}): the kernel must step on
 * the thread that created it for its results to be bitwise reproducible.
 */
final class DjlTrainingKernel implements TrainingKernel {
    private final ApModelSpec spec;
    private final NDManager manager;
    private final NDArray theta;
    private final Adam adam;
    private final List<TensorSpec> tensors;
    private final int[] offsets;
    private final DjlLoss loss;

    DjlTrainingKernel(ApWeights weights, AdamState state, TrainingConfig config, Device device) {
        state.checkFits(weights);
        IntraOpThreads.pin();
        this.spec = weights.spec();
        this.tensors = spec.parameters();
        this.offsets = spec.parameterOffsets();
        this.manager = NDManager.newBaseManager(device, DjlDevices.PYTORCH);
        try {
            this.theta = OwnedArrays.of(manager, weights.flatten());
            this.theta.setRequiresGradient(true);
            this.adam = new Adam(List.of(theta), manager, new Adam.Settings(config.beta1(), config.beta2(),
                    config.adamEpsilon(), config.weightDecay(), 0));
            adam.restore(new Adam.State(state.steps(), List.of(state.firstMoments().flatten()),
                    List.of(state.secondMoments().flatten())));
            this.loss = new DjlLoss(spec, config);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public double step(TrainingBatch batch, double learningRate) {
        try (NDManager sub = manager.newSubManager()) {
            float value = Gradients.backward(() -> {
                Map<String, NDArray> views = new HashMap<>();
                for (int i = 0; i < tensors.size(); i++) {
                    TensorSpec ts = tensors.get(i);
                    long[] shape = java.util.Arrays.stream(ts.shape()).asLongStream().toArray();
                    views.put(ts.name(), theta.get(sub, new NDIndex(offsets[i] + ":" + offsets[i + 1]))
                            .reshape(new Shape(shape)));
                }
                return loss.compute(new DjlForward(spec, views::get), batch, sub);
            });
            if (Float.isFinite(value)) {
                adam.step(sub, learningRate);
            }
            return value;
        }
    }

    @Override
    public ApWeights weights() {
        return ApWeights.fromFlat(spec, theta.toFloatArray());
    }

    @Override
    public AdamState adamState() {
        Adam.State s = adam.state();
        return new AdamState(s.steps(), ApWeights.fromFlat(spec, s.firstMoments().get(0)),
                ApWeights.fromFlat(spec, s.secondMoments().get(0)));
    }

    @Override
    public void close() {
        manager.close();
    }
}
