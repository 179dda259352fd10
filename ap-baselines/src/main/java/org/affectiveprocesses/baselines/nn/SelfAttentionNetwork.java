package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A Transformer-encoder temporal model: a linear input projection (only when the input size
 * differs from the model width), fixed sinusoidal position encodings (optional), a stack of
 * {@link EncoderLayer}s and a linear head from every frame's width-vector to dy outputs.
 *
 * <p>Position encodings follow Vaswani et al.: PE(t, 2i) = sin(t / 10000^(2i/width)), PE(t, 2i+1)
 * = cos(t / 10000^(2i/width)), with t the frame's position in the window. Without them the encoder
 * is blind to frame order.
 */
public final class SelfAttentionNetwork extends TemporalNetwork {
    private final int width;
    private final boolean positional;
    private final Linear inputProjection;
    private final List<EncoderLayer> layers = new ArrayList<>();
    private final Linear head;

    /**
     * @param inputSize per-frame input size
     * @param labelSize dy
     * @param numLayers stacked encoder layers
     * @param width the model width
     * @param heads attention heads (divide the width)
     * @param feedForward the feed-forward hidden size
     * @param positional whether to add sinusoidal position encodings
     */
    public SelfAttentionNetwork(int inputSize, int labelSize, int numLayers, int width, int heads,
            int feedForward, boolean positional) {
        super(inputSize, labelSize);
        if (numLayers < 1) {
            throw new IllegalArgumentException("a self-attention model needs at least one layer, got " + numLayers);
        }
        this.width = width;
        this.positional = positional;
        this.inputProjection = inputSize == width ? null
                : addChildBlock("inputProjection", Linear.builder().setUnits(width).build());
        for (int i = 0; i < numLayers; i++) {
            layers.add(addChildBlock("layer" + i, new EncoderLayer(width, heads, feedForward)));
        }
        this.head = addChildBlock("head", Linear.builder().setUnits(labelSize).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        Shape inner = new Shape(s.get(0), s.get(1), width);
        if (inputProjection != null) {
            inputProjection.initialize(manager, dataType, s);
        }
        for (EncoderLayer layer : layers) {
            layer.initialize(manager, dataType, inner);
        }
        head.initialize(manager, dataType, inner);
    }

    @Override
    protected NDArray forwardWindow(ParameterStore store, NDArray x, boolean training) {
        NDArray a = inputProjection == null ? x : inputProjection.forward(store, new NDList(x), training).head();
        if (positional) {
            a = a.add(positions(x.getManager(), Math.toIntExact(x.getShape().get(1)), width));
        }
        for (EncoderLayer layer : layers) {
            a = layer.forward(store, new NDList(a), training).singletonOrThrow();
        }
        return head.forward(store, new NDList(a), training).singletonOrThrow();
    }

    /**
     * The sinusoidal position encodings of a window.
     *
     * @param manager where to create them
     * @param length the window length
     * @param width the model width
     * @return {@code [length, width]}
     */
    static NDArray positions(NDManager manager, int length, int width) {
        float[] pe = new float[length * width];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < width; i++) {
                double angle = t / Math.pow(10000.0, (i - i % 2) / (double) width);
                pe[t * width + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return manager.create(pe, new Shape(length, width));
    }

    @Override
    public long multiplyAdds(Shape input) {
        Shape inner = new Shape(input.get(0), input.get(1), width);
        long macs = inputProjection == null ? 0 : MacCounter.count(inputProjection, input);
        for (EncoderLayer layer : layers) {
            macs += MacCounter.count(layer, inner);
        }
        return macs + MacCounter.count(head, inner);
    }
}
