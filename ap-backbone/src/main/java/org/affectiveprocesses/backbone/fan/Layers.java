package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

/** Small helpers shared by the network's blocks: layer factories, one-array forwards, pooling, costs. */
final class Layers {
    private static final Shape TWO = new Shape(2, 2);
    private static final Shape NO_PAD = new Shape(0, 0);

    private Layers() {
    }

    /** A square convolution with "same" padding for odd kernels. */
    static Conv2d conv(int filters, int kernel, int stride, boolean bias) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(bias).build();
    }

    /** A convolution without padding whose kernel covers the whole {@code size × size} map. */
    static Conv2d fullConv(int filters, int size) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(size, size)).optBias(true).build();
    }

    /** Batch normalisation over the channel axis. */
    static BatchNorm batchNorm() {
        return BatchNorm.builder().build();
    }

    /** Runs a one-input, one-output block. */
    static NDArray run(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** Initialises a child and returns its output shape. */
    static Shape init(Block block, ai.djl.ndarray.NDManager manager, DataType type, Shape input) {
        block.initialize(manager, type, input);
        return block.getOutputShapes(new Shape[] {input})[0];
    }

    /** The output shape of a one-input block. */
    static Shape out(Block block, Shape input) {
        return block.getOutputShapes(new Shape[] {input})[0];
    }

    /** 2 × 2 max pooling with stride 2. */
    static NDArray maxPool(NDArray x) {
        return Pool.maxPool2d(x, TWO, TWO, NO_PAD, false);
    }

    /** 2 × 2 average pooling with stride 2. */
    static NDArray avgPool(NDArray x) {
        return Pool.avgPool2d(x, TWO, TWO, NO_PAD, false, true);
    }

    /** Halves height and width of an NCHW shape. */
    static Shape halve(Shape s) {
        return new Shape(s.get(0), s.get(1), s.get(2) / 2, s.get(3) / 2);
    }

    /** An NCHW shape with another channel count. */
    static Shape withChannels(Shape s, long channels) {
        return new Shape(s.get(0), channels, s.get(2), s.get(3));
    }

    /**
     * Multiply-adds of one convolution for one image: output elements × (input channels / groups)
     * × kernel area, read from the layer's weight tensor (bias additions are not counted, as in
     * thop).
     */
    static long convMacs(Conv2d conv, Shape input) {
        Parameter weight = conv.getDirectParameters().get("weight");
        Shape w = weight.getArray().getShape();
        Shape out = out(conv, new Shape(1, input.get(1), input.get(2), input.get(3)));
        return out.size() * (w.size() / w.get(0));
    }
}
