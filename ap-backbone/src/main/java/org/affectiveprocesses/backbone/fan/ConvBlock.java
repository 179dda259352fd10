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
 * The convolutional block of Bulat &amp; Tzimiropoulos's Face Alignment Network ("hierarchical,
 * parallel and multi-scale", Fig. 6 of the Affective Processes paper's appendix), as this SDK
 * reads it.
 *
 * <p>With C<sub>in</sub> input and C output channels (C divisible by 4), three pre-activated 3 × 3
 * convolutions (no bias, padding 1) run one after the other, each on the previous one's output:
 * <pre>
 *   a = conv3x3(ReLU(BN(x)))  → C/2 channels
 *   b = conv3x3(ReLU(BN(a)))  → C/4 channels
 *   c = conv3x3(ReLU(BN(b)))  → C/4 channels
 *   y = concat(a, b, c) + residual          (C channels, same height and width as x)
 * </pre>
 * The concatenation gathers features of growing receptive field (3, 5 and 7 pixels): the block's
 * multi-scale part. The residual is x itself when C<sub>in</sub> = C, and otherwise a projection
 * conv1x1(ReLU(BN(x))) to C channels (the "64* → 128" skip of the paper's first block).
 */
public final class ConvBlock extends AbstractBlock implements CountsMultiplyAdds {
    private final int inChannels;
    private final int outChannels;
    private final BatchNorm bn1;
    private final Conv2d conv1;
    private final BatchNorm bn2;
    private final Conv2d conv2;
    private final BatchNorm bn3;
    private final Conv2d conv3;
    private final BatchNorm bnSkip;
    private final Conv2d convSkip;

    /**
     * @param inChannels input channels (at least 1)
     * @param outChannels output channels (a positive multiple of 4)
     * @throws IllegalArgumentException if a channel count is not allowed
     */
    public ConvBlock(int inChannels, int outChannels) {
        if (inChannels < 1 || outChannels < 4 || outChannels % 4 != 0) {
            throw new IllegalArgumentException("a ConvBlock needs >= 1 input channels and a positive multiple of 4 "
                    + "output channels, got " + inChannels + " -> " + outChannels);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        bn1 = addChildBlock("bn1", Layers.batchNorm());
        conv1 = addChildBlock("conv1", Layers.conv(outChannels / 2, 3, 1, false));
        bn2 = addChildBlock("bn2", Layers.batchNorm());
        conv2 = addChildBlock("conv2", Layers.conv(outChannels / 4, 3, 1, false));
        bn3 = addChildBlock("bn3", Layers.batchNorm());
        conv3 = addChildBlock("conv3", Layers.conv(outChannels / 4, 3, 1, false));
        if (inChannels != outChannels) {
            bnSkip = addChildBlock("bnSkip", Layers.batchNorm());
            convSkip = addChildBlock("convSkip", Layers.conv(outChannels, 1, 1, false));
        } else {
            bnSkip = null;
            convSkip = null;
        }
    }

    /** The number of input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** The number of output channels. */
    public int outChannels() {
        return outChannels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = Layers.run(conv1, ps, Activation.relu(Layers.run(bn1, ps, x, training)), training);
        NDArray b = Layers.run(conv2, ps, Activation.relu(Layers.run(bn2, ps, a, training)), training);
        NDArray c = Layers.run(conv3, ps, Activation.relu(Layers.run(bn3, ps, b, training)), training);
        NDArray y = NDArrays.concat(new NDList(a, b, c), 1);
        NDArray residual = convSkip == null ? x
                : Layers.run(convSkip, ps, Activation.relu(Layers.run(bnSkip, ps, x, training)), training);
        return new NDList(y.add(residual));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Layers.init(bn1, manager, dataType, in);
        Shape a = Layers.init(conv1, manager, dataType, in);
        Layers.init(bn2, manager, dataType, a);
        Shape b = Layers.init(conv2, manager, dataType, a);
        Layers.init(bn3, manager, dataType, b);
        Layers.init(conv3, manager, dataType, b);
        if (convSkip != null) {
            Layers.init(bnSkip, manager, dataType, in);
            Layers.init(convSkip, manager, dataType, in);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {Layers.withChannels(inputShapes[0], outChannels)};
    }

    @Override
    public long multiplyAdds(Shape input) {
        Shape a = Layers.out(conv1, input);
        Shape b = Layers.out(conv2, a);
        long macs = Layers.convMacs(conv1, input) + Layers.convMacs(conv2, a) + Layers.convMacs(conv3, b);
        return convSkip == null ? macs : macs + Layers.convMacs(convSkip, input);
    }
}
