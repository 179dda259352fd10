package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.util.Pair;
import org.affectiveprocesses.djl.CountsMultiplyAdds;

/**
 * Counts the parameters and multiply-accumulate operations (MACs, what thop reports as "FLOPs")
 * of an initialised DJL block by walking it, with one rule per layer type that reads the layer's
 * actual parameter shapes:
 *
 * <ul>
 *   <li>{@link Linear} with weight {@code [out, in]}: {@code rows · in · out}, where rows is the
 *       number of input vectors (all leading axes);
 *   <li>{@link Conv1d} with weight {@code [out, in/groups, k]}: {@code outputElements · (in/groups)
 *       · k}, the output shape taken from the block itself (padding included);
 *   <li>{@link GRU} (batch-first input {@code [batch, time, features]}): per step, the sizes of
 *       every input-to-hidden weight {@code [3H, in]} and hidden-to-hidden weight {@code [3H, H]}
 *       of every layer, times batch · time;
 *   <li>{@link ScaledDotProductAttentionBlock}: its four projections (as {@link Linear}) plus
 *       {@code 2 · batch · time² · embedding} for the scores Q·Kᵀ and their weighted sum of V;
 *   <li>{@link SequentialBlock}: its children in turn, each on the previous one's output shape;
 *   <li>{@link CountsMultiplyAdds}: what the block says, itself counted from its children;
 *   <li>{@link LayerNorm}, {@link Dropout}, {@link LambdaBlock} (activations): 0.
 * </ul>
 *
 * Biases, activations, normalisation and other element-wise operations are not counted, as thop
 * does not count them for linear and recurrent layers. A block of any other type is refused, so a
 * new layer type cannot be silently counted as free.
 */
public final class MacCounter {
    private MacCounter() {
    }

    /**
     * The trainable parameters of an initialised block: the sum of its parameters' sizes.
     *
     * @param block an initialised block
     * @return the parameter count
     */
    public static long parameters(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            n += p.getValue().getArray().getShape().size();
        }
        return n;
    }

    /**
     * The multiply-adds of one forward pass.
     *
     * @param block an initialised block
     * @param input the shape of its input
     * @return the multiply-add count
     * @throws IllegalArgumentException if the block (or a child) has no rule
     */
    public static long count(Block block, Shape input) {
        if (block instanceof CountsMultiplyAdds costed) {
            return costed.multiplyAdds(input);
        }
        if (block instanceof Linear) {
            Shape w = weight(block, "weight");
            long in = w.get(1);
            return input.size() / in * in * w.get(0);
        }
        if (block instanceof Conv1d) {
            Shape w = weight(block, "weight");
            Shape out = block.getOutputShapes(new Shape[] {input})[0];
            return out.size() * w.get(1) * w.get(2);
        }
        if (block instanceof GRU) {
            long perStep = 0;
            for (Pair<String, Parameter> p : block.getDirectParameters()) {
                String name = p.getKey();
                if (name.endsWith("i2h_WEIGHT") || name.endsWith("h2h_WEIGHT")) {
                    perStep += p.getValue().getArray().getShape().size();
                }
            }
            return perStep * input.get(0) * input.get(1);
        }
        if (block instanceof ScaledDotProductAttentionBlock attention) {
            long macs = count(attention.getKeyProjection(), input) + count(attention.getQueryProjection(), input)
                    + count(attention.getValueProjection(), input) + count(attention.getResultProjection(), input);
            long embedding = weight(attention.getQueryProjection(), "weight").get(0);
            long time = input.get(1);
            return macs + 2 * input.get(0) * time * time * embedding;
        }
        if (block instanceof SequentialBlock) {
            long macs = 0;
            Shape shape = input;
            for (Pair<String, Block> child : block.getChildren()) {
                macs += count(child.getValue(), shape);
                shape = child.getValue().getOutputShapes(new Shape[] {shape})[0];
            }
            return macs;
        }
        if (block instanceof LayerNorm || block instanceof Dropout || block instanceof LambdaBlock) {
            return 0;
        }
        throw new IllegalArgumentException("no multiply-add rule for the block type "
                + block.getClass().getName());
    }

    private static Shape weight(Block block, String name) {
        Parameter p = block.getDirectParameters().get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalStateException("block " + block.getClass().getSimpleName()
                    + " has no initialised parameter '" + name + "'; initialise it before counting");
        }
        return p.getArray().getShape();
    }
}
