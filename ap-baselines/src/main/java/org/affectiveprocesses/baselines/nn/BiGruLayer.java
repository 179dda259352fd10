package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * One bidirectional GRU layer made of two of DJL's {@link GRU} blocks: one reads the window
 * forwards, the other reads it reversed; their per-frame outputs are concatenated (forward
 * first), as PyTorch's {@code nn.GRU(bidirectional=True)} does. Input {@code [batch, time, in]},
 * output {@code [batch, time, 2H]}.
 *
 * <p>DJL 0.36's own bidirectional option fails on PyTorch (it passes the weights of both
 * directions before their biases, which PyTorch reads as the first direction's biases), hence
 * two unidirectional blocks.
 */
public final class BiGruLayer extends AbstractBlock implements CountsMultiplyAdds {
    private final int hidden;
    private final GRU forwardGru;
    private final GRU backwardGru;

    /**
     * @param hidden H, the state size of each direction
     */
    public BiGruLayer(int hidden) {
        if (hidden < 1) {
            throw new IllegalArgumentException("a GRU needs a positive hidden size, got " + hidden);
        }
        this.hidden = hidden;
        this.forwardGru = addChildBlock("forward", gru(hidden));
        this.backwardGru = addChildBlock("backward", gru(hidden));
    }

    private static GRU gru(int hidden) {
        return GRU.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        forwardGru.initialize(manager, dataType, inputShapes[0]);
        backwardGru.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray f = forwardGru.forward(store, new NDList(x), training).head();
        NDArray b = backwardGru.forward(store, new NDList(x.flip(1)), training).head().flip(1);
        return new NDList(f.concat(b, 2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), 2L * hidden)};
    }

    @Override
    public long multiplyAdds(Shape input) {
        return MacCounter.count(forwardGru, input) + MacCounter.count(backwardGru, input);
    }
}
