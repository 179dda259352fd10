package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.affectiveprocesses.djl.OwnedArrays;

/**
 * Seeded initial values for every parameter of a block tree, drawn in Java (so they are the
 * same on every engine and device, and do not depend on PyTorch's global generator), following
 * PyTorch's defaults for each layer type:
 *
 * <ul>
 *   <li>{@link Linear} and {@link Conv1d}: weight and bias uniform in ±1/√fanIn (fanIn = inputs ×
 *       kernel size), PyTorch's {@code kaiming_uniform_(a=√5)};
 *   <li>{@link GRU}: every weight and bias uniform in ±1/√H (PyTorch's {@code nn.GRU});
 *   <li>the projections of a {@link ScaledDotProductAttentionBlock}: Xavier-uniform weights, zero
 *       biases (PyTorch's {@code nn.MultiheadAttention});
 *   <li>{@link LayerNorm}: γ = 1, β = 0.
 * </ul>
 *
 * Each tensor draws from its own generator, seeded by the seed and the tensor's readable name
 * ({@link ParameterNames}), so values do not depend on the order of initialisation.
 */
public final class ParameterInit {
    private ParameterInit() {
    }

    /**
     * Overwrites the parameters of an initialised block.
     *
     * @param block the root block, initialised
     * @param seed the seed
     * @throws IllegalArgumentException if a parameter belongs to a layer type without a rule
     */
    public static void initialize(Block block, long seed) {
        visit(block, "", false, seed);
    }

    private static void visit(Block block, String prefix, boolean inAttention, long seed) {
        boolean attention = inAttention || block instanceof ScaledDotProductAttentionBlock;
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            String name = prefix + p.getKey().toLowerCase(Locale.ROOT);
            Parameter parameter = p.getValue();
            float[] values = values(block, p.getKey(), parameter.getArray().getShape(), attention,
                    new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode()));
            OwnedArrays.copyInto(parameter.getArray(), values);
        }
        for (Pair<String, Block> child : block.getChildren()) {
            String key = child.getKey().replaceFirst("^[0-9]+", "");
            visit(child.getValue(), prefix + key + ".", attention, seed);
        }
    }

    private static float[] values(Block block, String name, Shape shape, boolean attention,
            SplittableRandom rng) {
        int size = Math.toIntExact(shape.size());
        boolean isWeight = name.equals("weight");
        if (block instanceof Linear && attention) {
            if (!isWeight) {
                return new float[size];
            }
            return uniform(size, Math.sqrt(6.0 / (shape.get(0) + shape.get(1))), rng);
        }
        if (block instanceof Linear || block instanceof Conv1d) {
            Shape w = block.getDirectParameters().get("weight").getArray().getShape();
            long fanIn = w.size() / w.get(0);
            return uniform(size, 1.0 / Math.sqrt(fanIn), rng);
        }
        if (block instanceof GRU) {
            long hidden = -1;
            for (Pair<String, Parameter> p : block.getDirectParameters()) {
                if (p.getKey().endsWith("h2h_WEIGHT")) {
                    hidden = p.getValue().getArray().getShape().get(1);
                }
            }
            return uniform(size, 1.0 / Math.sqrt(hidden), rng);
        }
        if (block instanceof LayerNorm) {
            float[] v = new float[size];
            if (name.equals("gamma")) {
                Arrays.fill(v, 1f);
            }
            return v;
        }
        throw new IllegalArgumentException("no initialisation rule for parameter '" + name + "' of "
                + block.getClass().getName());
    }

    private static float[] uniform(int size, double bound, SplittableRandom rng) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return v;
    }
}
