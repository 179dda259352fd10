package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * One standard Transformer encoder layer (Vaswani et al. 2017, post-norm, no dropout), built from
 * DJL's {@link ScaledDotProductAttentionBlock} (multi-head self-attention with query, key, value
 * and output projections) and {@link LayerNorm}:
 *
 * <pre>
 * x = LayerNorm(x + MultiHeadSelfAttention(x))
 * x = LayerNorm(x + W₂ ReLU(W₁ x + b₁) + b₂)
 * </pre>
 *
 * DJL's own {@code TransformerEncoderBlock} normalises with batch normalisation instead of layer
 * normalisation, so it is not used. Input and output {@code [batch, time, width]}.
 */
public final class EncoderLayer extends AbstractBlock implements CountsMultiplyAdds {
    private final ScaledDotProductAttentionBlock attention;
    private final LayerNorm attentionNorm;
    private final Linear feedForwardIn;
    private final Linear feedForwardOut;
    private final LayerNorm outputNorm;
    private final int feedForward;

    /**
     * @param width the model width (embedding size)
     * @param heads attention heads (must divide the width)
     * @param feedForward the hidden size of the position-wise feed-forward network
     */
    public EncoderLayer(int width, int heads, int feedForward) {
        if (width < 1 || heads < 1 || width % heads != 0 || feedForward < 1) {
            throw new IllegalArgumentException("an encoder layer needs heads dividing the width and a positive "
                    + "feed-forward size, got width " + width + ", heads " + heads + ", feed-forward " + feedForward);
        }
        this.feedForward = feedForward;
        this.attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(width).setHeadCount(heads).optAttentionProbsDropoutProb(0f).build());
        this.attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        this.feedForwardIn = addChildBlock("feedForwardIn", Linear.builder().setUnits(feedForward).build());
        this.feedForwardOut = addChildBlock("feedForwardOut", Linear.builder().setUnits(width).build());
        this.outputNorm = addChildBlock("outputNorm", LayerNorm.builder().axis(2).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        attention.initialize(manager, dataType, s);
        attentionNorm.initialize(manager, dataType, s);
        feedForwardIn.initialize(manager, dataType, s);
        feedForwardOut.initialize(manager, dataType, new Shape(s.get(0), s.get(1), feedForward));
        outputNorm.initialize(manager, dataType, s);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = attention.forward(store, new NDList(x), training).head();
        x = attentionNorm.forward(store, new NDList(x.add(a)), training).head();
        NDArray f = Activation.relu(feedForwardIn.forward(store, new NDList(x), training).head());
        f = feedForwardOut.forward(store, new NDList(f), training).head();
        return outputNorm.forward(store, new NDList(x.add(f)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public long multiplyAdds(Shape input) {
        return MacCounter.count(attention, input) + MacCounter.count(attentionNorm, input)
                + MacCounter.count(feedForwardIn, input)
                + MacCounter.count(feedForwardOut, new Shape(input.get(0), input.get(1), feedForward))
                + MacCounter.count(outputNorm, input);
    }
}
