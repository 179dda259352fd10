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
 * The task-specific feature module (Appendix A.1): four {@link ConvBlock}s, each followed by 2 × 2
 * max pooling, taking the alignment output ((2·width + landmarks) channels at input/4) to a
 * width × input/64 × input/64 map (128 × 4 × 4 in the paper).
 */
public final class TaskFeatureModule extends AbstractBlock implements CountsMultiplyAdds {
    private static final int BLOCKS = 4;
    private final ConvBlock[] blocks = new ConvBlock[BLOCKS];

    /**
     * @param config the network's shape
     */
    public TaskFeatureModule(FanConfig config) {
        for (int i = 0; i < BLOCKS; i++) {
            int in = i == 0 ? config.alignmentChannels() : config.width();
            blocks[i] = addChildBlock("block" + (i + 1), new ConvBlock(in, config.width()));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (ConvBlock b : blocks) {
            x = Layers.maxPool(Layers.run(b, ps, x, training));
        }
        return new NDList(x);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        for (ConvBlock b : blocks) {
            s = Layers.halve(Layers.init(b, manager, dataType, s));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        for (ConvBlock b : blocks) {
            s = Layers.halve(Layers.out(b, s));
        }
        return new Shape[] {s};
    }

    @Override
    public long multiplyAdds(Shape input) {
        long macs = 0;
        Shape s = input;
        for (ConvBlock b : blocks) {
            macs += b.multiplyAdds(s);
            s = Layers.halve(Layers.out(b, s));
        }
        return macs;
    }
}
