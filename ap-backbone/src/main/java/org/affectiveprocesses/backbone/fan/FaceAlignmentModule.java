package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * The Face Alignment Module (Appendix A.1): a light Face Alignment Network.
 *
 * <pre>
 *   stem    Conv2d 7×7 stride 2 (3 → width/2, bias) + BN + ReLU        input/2
 *   block1  ConvBlock width/2 → width (projected skip), avg-pool 2     input/4
 *   block2..4  ConvBlock width → width            → early features     input/4
 *   Hourglass (depth levels) → ConvBlock          → late features
 *   Conv2d 1×1 (width → width, bias) + BN + ReLU, Conv2d 1×1 (width → landmarks, bias) → heatmaps
 * </pre>
 * The forward pass returns two arrays: the concatenation {@code [early, late, heatmaps]} of
 * (2·width + landmarks) channels at input/4 resolution (324 × 64 × 64 in the paper), and the
 * heatmaps alone (for landmark training).
 */
public final class FaceAlignmentModule extends AbstractBlock implements CountsMultiplyAdds {
    private final Conv2d stem;
    private final BatchNorm stemNorm;
    private final ConvBlock block1;
    private final ConvBlock block2;
    private final ConvBlock block3;
    private final ConvBlock block4;
    private final Hourglass hourglass;
    private final ConvBlock top;
    private final Conv2d last;
    private final BatchNorm lastNorm;
    private final Conv2d heatmaps;
    private final int outChannels;
    private final int landmarks;

    /**
     * @param config the network's shape
     */
    public FaceAlignmentModule(FanConfig config) {
        int w = config.width();
        stem = addChildBlock("stem", Layers.conv(w / 2, 7, 2, true));
        stemNorm = addChildBlock("stemNorm", Layers.batchNorm());
        block1 = addChildBlock("block1", new ConvBlock(w / 2, w));
        block2 = addChildBlock("block2", new ConvBlock(w, w));
        block3 = addChildBlock("block3", new ConvBlock(w, w));
        block4 = addChildBlock("block4", new ConvBlock(w, w));
        hourglass = addChildBlock("hourglass", new Hourglass(config.hourglassDepth(), w));
        top = addChildBlock("top", new ConvBlock(w, w));
        last = addChildBlock("last", Layers.conv(w, 1, 1, true));
        lastNorm = addChildBlock("lastNorm", Layers.batchNorm());
        heatmaps = addChildBlock("heatmaps", Layers.conv(config.landmarks(), 1, 1, true));
        outChannels = config.alignmentChannels();
        landmarks = config.landmarks();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray h = Activation.relu(Layers.run(stemNorm, ps, Layers.run(stem, ps, x, training), training));
        h = Layers.avgPool(Layers.run(block1, ps, h, training));
        h = Layers.run(block2, ps, h, training);
        h = Layers.run(block3, ps, h, training);
        NDArray early = Layers.run(block4, ps, h, training);
        NDArray late = Layers.run(top, ps, Layers.run(hourglass, ps, early, training), training);
        NDArray l = Activation.relu(Layers.run(lastNorm, ps, Layers.run(last, ps, late, training), training));
        NDArray maps = Layers.run(heatmaps, ps, l, training);
        return new NDList(NDArrays.concat(new NDList(early, late, maps), 1), maps);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = Layers.init(stem, manager, dataType, inputShapes[0]);
        Layers.init(stemNorm, manager, dataType, s);
        s = Layers.halve(Layers.init(block1, manager, dataType, s));
        s = Layers.init(block2, manager, dataType, s);
        s = Layers.init(block3, manager, dataType, s);
        s = Layers.init(block4, manager, dataType, s);
        s = Layers.init(hourglass, manager, dataType, s);
        s = Layers.init(top, manager, dataType, s);
        s = Layers.init(last, manager, dataType, s);
        Layers.init(lastNorm, manager, dataType, s);
        Layers.init(heatmaps, manager, dataType, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = Layers.halve(Layers.halve(inputShapes[0]));
        return new Shape[] {Layers.withChannels(s, outChannels), Layers.withChannels(s, landmarks)};
    }

    @Override
    public long multiplyAdds(Shape input) {
        Shape s = Layers.out(stem, input);
        long macs = Layers.convMacs(stem, input) + block1.multiplyAdds(s);
        s = Layers.halve(Layers.out(block1, s));
        macs += block2.multiplyAdds(s) + block3.multiplyAdds(s) + block4.multiplyAdds(s);
        macs += hourglass.multiplyAdds(s) + top.multiplyAdds(s);
        return macs + Layers.convMacs(last, s) + Layers.convMacs(heatmaps, s);
    }
}
