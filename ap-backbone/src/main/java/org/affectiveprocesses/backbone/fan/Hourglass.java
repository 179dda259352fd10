package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * An hourglass of {@link ConvBlock}s (Newell et al. 2016, in the form FAN uses), defined
 * recursively: a level keeps a full-resolution branch {@code up = block(x)} and a lower branch
 * {@code low = block(avgpool2(x))} that goes through the next level (or, at the bottom, one more
 * block), then one block, and is upsampled ×2 by nearest neighbour; the level returns {@code up +
 * upsample(low)}. Channels stay constant; height and width must be divisible by 2<sup>depth</sup>.
 */
public final class Hourglass extends AbstractBlock implements CountsMultiplyAdds {
    private final int depth;
    private final ConvBlock up;
    private final ConvBlock down;
    private final Hourglass inner;
    private final ConvBlock bottom;
    private final ConvBlock after;

    /**
     * @param depth the number of levels (at least 1; the paper uses 4)
     * @param channels the channel count of every block
     */
    public Hourglass(int depth, int channels) {
        if (depth < 1) {
            throw new IllegalArgumentException("an hourglass needs at least one level, got " + depth);
        }
        this.depth = depth;
        up = addChildBlock("up", new ConvBlock(channels, channels));
        down = addChildBlock("down", new ConvBlock(channels, channels));
        if (depth > 1) {
            inner = addChildBlock("inner", new Hourglass(depth - 1, channels));
            bottom = null;
        } else {
            inner = null;
            bottom = addChildBlock("bottom", new ConvBlock(channels, channels));
        }
        after = addChildBlock("after", new ConvBlock(channels, channels));
    }

    /** The number of levels. */
    public int depth() {
        return depth;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray upper = Layers.run(up, ps, x, training);
        NDArray low = Layers.run(down, ps, Layers.avgPool(x), training);
        low = Layers.run(inner != null ? inner : bottom, ps, low, training);
        low = Layers.run(after, ps, low, training);
        NDArray upsampled = low.repeat(2, 2).repeat(3, 2);
        return new NDList(upper.add(upsampled));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        if (in.get(2) % (1L << depth) != 0 || in.get(3) % (1L << depth) != 0) {
            throw new IllegalArgumentException("an hourglass of depth " + depth + " needs height and width divisible by "
                    + (1 << depth) + ", got " + in);
        }
        Layers.init(up, manager, dataType, in);
        Shape half = Layers.halve(in);
        Layers.init(down, manager, dataType, half);
        Layers.init(inner != null ? inner : bottom, manager, dataType, half);
        Layers.init(after, manager, dataType, half);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public long multiplyAdds(Shape input) {
        Shape half = Layers.halve(input);
        long lower = inner != null ? inner.multiplyAdds(half) : bottom.multiplyAdds(half);
        return up.multiplyAdds(input) + down.multiplyAdds(half) + lower + after.multiplyAdds(half);
    }
}
