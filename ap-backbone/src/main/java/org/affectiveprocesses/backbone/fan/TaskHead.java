package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * The task head (Appendix A.1): independent Conv2d layers whose kernel covers the whole task map
 * (4 × 4 in the paper), each giving one vector per image. Valence/arousal: regression (2), basic
 * emotion logits (7), valence-bin logits (20) and arousal-bin logits (20); Action Units: one
 * regression to 5 or 12 intensities. Outputs are linear (no squashing), in the order of {@link
 * FanConfig#headSizes()}; the regression output is the classifier W of the paper.
 */
public final class TaskHead extends AbstractBlock implements CountsMultiplyAdds {
    private final List<Conv2d> convs = new ArrayList<>();

    /**
     * @param config the network's shape
     */
    public TaskHead(FanConfig config) {
        String[] names = {"regression", "emotion", "valenceBins", "arousalBins"};
        List<Integer> sizes = config.headSizes();
        for (int i = 0; i < sizes.size(); i++) {
            convs.add(addChildBlock(names[i], Layers.fullConv(sizes.get(i), config.taskMapSize())));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList out = new NDList(convs.size());
        for (Conv2d c : convs) {
            NDArray y = Layers.run(c, ps, x, training);
            out.add(y.reshape(y.getShape().get(0), y.getShape().get(1)));
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Conv2d c : convs) {
            c.initialize(manager, dataType, inputShapes[0]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[convs.size()];
        for (int i = 0; i < out.length; i++) {
            Shape s = Layers.out(convs.get(i), inputShapes[0]);
            out[i] = new Shape(s.get(0), s.get(1));
        }
        return out;
    }

    @Override
    public long multiplyAdds(Shape input) {
        long macs = 0;
        for (Conv2d c : convs) {
            macs += Layers.convMacs(c, input);
        }
        return macs;
    }
}
