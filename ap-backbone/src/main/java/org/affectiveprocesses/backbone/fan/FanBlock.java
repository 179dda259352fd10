package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * The whole backbone as one DJL block (Fig. 5 of the paper's appendix): {@link
 * FaceAlignmentModule} → {@link TaskFeatureModule} → features and {@link TaskHead}.
 *
 * <p>Input: an {@code [N, 3, S, S]} batch (RGB in [0, 1]). Output, in order: the features
 * x<sub>t</sub> {@code [N, dx]} (2 × 2 average pooling of the task map, flattened channel-major),
 * then the head outputs of {@link FanConfig#headSizes()}, each {@code [N, k]}.
 *
 * <p>When the alignment module is {@linkplain #freezeAlignment(boolean) frozen}, its parameters
 * take no gradient and it always runs in inference mode, so its batch-norm statistics stay
 * fixed too.
 */
public final class FanBlock extends AbstractBlock implements CountsMultiplyAdds {
    private final FanConfig config;
    private final FaceAlignmentModule alignment;
    private final TaskFeatureModule features;
    private final TaskHead head;
    private volatile boolean alignmentFrozen;

    /**
     * @param config the network's shape
     */
    public FanBlock(FanConfig config) {
        this.config = config;
        alignment = addChildBlock("alignment", new FaceAlignmentModule(config));
        features = addChildBlock("features", new TaskFeatureModule(config));
        head = addChildBlock("head", new TaskHead(config));
    }

    /** The network's shape. */
    public FanConfig config() {
        return config;
    }

    /** The Face Alignment Module. */
    public FaceAlignmentModule alignment() {
        return alignment;
    }

    /** The task feature module. */
    public TaskFeatureModule taskFeatures() {
        return features;
    }

    /** The task head. */
    public TaskHead head() {
        return head;
    }

    /**
     * Freezes or unfreezes the alignment module (parameters without gradient, batch norm in
     * inference mode). Call after the block is initialised.
     */
    public void freezeAlignment(boolean freeze) {
        alignment.freezeParameters(freeze, p -> p.getType() != Parameter.Type.RUNNING_MEAN
                && p.getType() != Parameter.Type.RUNNING_VAR);
        alignmentFrozen = freeze;
    }

    /** Whether the alignment module is frozen. */
    public boolean alignmentFrozen() {
        return alignmentFrozen;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray aligned = alignment.forward(ps, new NDList(x), training && !alignmentFrozen).get(0);
        NDArray map = Layers.run(features, ps, aligned, training);
        NDArray pooled = Layers.avgPool(map);
        NDList out = new NDList();
        out.add(pooled.reshape(pooled.getShape().get(0), -1));
        out.addAll(head.forward(ps, new NDList(map), training));
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        alignment.initialize(manager, dataType, inputShapes[0]);
        Shape a = alignment.getOutputShapes(inputShapes)[0];
        Shape m = Layers.init(features, manager, dataType, a);
        head.initialize(manager, dataType, m);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape a = alignment.getOutputShapes(inputShapes)[0];
        Shape m = Layers.out(features, a);
        Shape[] heads = head.getOutputShapes(new Shape[] {m});
        Shape[] out = new Shape[heads.length + 1];
        out[0] = new Shape(m.get(0), m.get(1) * (m.get(2) / 2) * (m.get(3) / 2));
        System.arraycopy(heads, 0, out, 1, heads.length);
        return out;
    }

    @Override
    public long multiplyAdds(Shape input) {
        Shape a = alignment.getOutputShapes(new Shape[] {input})[0];
        return alignment.multiplyAdds(input) + features.multiplyAdds(a) + head.multiplyAdds(Layers.out(features, a));
    }
}
