package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * One layer of a convolutional GRU: the GRU of Cho et al. (PyTorch's gate convention) whose
 * input-to-gate transform is a 1-D convolution.
 *
 * <pre>
 * r = σ(W_r ⊛ x + b_ir + U_r h + b_hr)      z = σ(W_z ⊛ x + b_iz + U_z h + b_hz)
 * n = tanh(W_n ⊛ x + b_in + r ⊙ (U_n h + b_hn))      h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 *
 * <ul>
 *   <li>{@linkplain #overTime(int, int) over time}: the state h is a vector of H values; ⊛ is a
 *       convolution over the window's frames (kernel k, centred, zero-padded at the window's edges,
 *       so frame t's gates see frames t − (k−1)/2 … t + (k−1)/2); U is a dense H × 3H matrix (the
 *       state exists only for past frames, so it cannot be convolved over time). Input and output
 *       are {@code [batch, channels, time]}.
 *   <li>{@linkplain #overFeatures(int, int) over the feature axis}: each frame's input is a 1-D
 *       signal of P positions with C channels and the state has H channels at every position (the
 *       ConvGRU of Ballas et al. with a 1-D "spatial" axis); both ⊛ and U are convolutions of
 *       kernel k over positions (same padding). Input and output are {@code [batch, time, channels,
 *       positions]}.
 * </ul>
 */
public final class ConvGruLayer extends AbstractBlock implements CountsMultiplyAdds {
    private final int hidden;
    private final boolean overTime;
    private final Conv1d inputConv;
    private final Block hiddenTransform;

    private ConvGruLayer(int hidden, int kernel, boolean overTime) {
        if (hidden < 1 || kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("a ConvGRU layer needs a positive hidden size and an odd kernel, got "
                    + hidden + " and " + kernel);
        }
        this.hidden = hidden;
        this.overTime = overTime;
        this.inputConv = addChildBlock("input", conv(3 * hidden, kernel));
        this.hiddenTransform = addChildBlock("hidden", overTime
                ? Linear.builder().setUnits(3L * hidden).build() : conv(3 * hidden, kernel));
    }

    /**
     * A layer that convolves over time.
     *
     * @param hidden H, the state size
     * @param kernel k, odd
     * @return the layer
     */
    public static ConvGruLayer overTime(int hidden, int kernel) {
        return new ConvGruLayer(hidden, kernel, true);
    }

    /**
     * A layer that convolves over the feature axis.
     *
     * @param hidden H, the state channels
     * @param kernel k, odd
     * @return the layer
     */
    public static ConvGruLayer overFeatures(int hidden, int kernel) {
        return new ConvGruLayer(hidden, kernel, false);
    }

    private static Conv1d conv(int filters, int kernel) {
        return Conv1d.builder().setFilters(filters).setKernelShape(new Shape(kernel))
                .optPadding(new Shape((kernel - 1) / 2)).build();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        if (overTime) {
            inputConv.initialize(manager, dataType, s);
            hiddenTransform.initialize(manager, dataType, new Shape(s.get(0), hidden));
        } else {
            inputConv.initialize(manager, dataType, new Shape(s.get(0) * s.get(1), s.get(2), s.get(3)));
            hiddenTransform.initialize(manager, dataType, new Shape(s.get(0), hidden, s.get(3)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        int steps;
        NDArray gates;
        NDArray h;
        if (overTime) {
            steps = Math.toIntExact(s.get(2));
            gates = inputConv.forward(store, new NDList(x), training).singletonOrThrow().transpose(2, 0, 1);
            h = x.getManager().zeros(new Shape(s.get(0), hidden));
        } else {
            steps = Math.toIntExact(s.get(1));
            NDArray frames = x.reshape(s.get(0) * s.get(1), s.get(2), s.get(3));
            gates = inputConv.forward(store, new NDList(frames), training).singletonOrThrow()
                    .reshape(s.get(0), s.get(1), 3L * hidden, s.get(3)).transpose(1, 0, 2, 3);
            h = x.getManager().zeros(new Shape(s.get(0), hidden, s.get(3)));
        }
        NDList states = new NDList(steps);
        for (int t = 0; t < steps; t++) {
            NDArray gx = gates.get(t);
            NDArray gh = hiddenTransform.forward(store, new NDList(h), training).singletonOrThrow();
            NDList xi = gx.split(3, 1);
            NDList hi = gh.split(3, 1);
            NDArray r = Activation.sigmoid(xi.get(0).add(hi.get(0)));
            NDArray z = Activation.sigmoid(xi.get(1).add(hi.get(1)));
            NDArray n = Activation.tanh(xi.get(2).add(r.mul(hi.get(2))));
            h = n.add(z.mul(h.sub(n)));
            states.add(h);
        }
        return new NDList(NDArrays.stack(states, overTime ? 2 : 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {overTime ? new Shape(s.get(0), hidden, s.get(2))
                : new Shape(s.get(0), s.get(1), hidden, s.get(3))};
    }

    @Override
    public long multiplyAdds(Shape input) {
        if (overTime) {
            return MacCounter.count(inputConv, input)
                    + input.get(2) * MacCounter.count(hiddenTransform, new Shape(input.get(0), hidden));
        }
        return MacCounter.count(inputConv, new Shape(input.get(0) * input.get(1), input.get(2), input.get(3)))
                + input.get(1) * MacCounter.count(hiddenTransform, new Shape(input.get(0), hidden, input.get(3)));
    }
}
