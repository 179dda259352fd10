package org.affectiveprocesses.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.affectiveprocesses.io.TensorSpec;

/**
 * Initial weights drawn in Java from a seed, so that every engine starts from the same values:
 * PyTorch's default for {@code nn.Linear} (weight and bias uniform in ±1/√fan_in).
 */
public final class WeightInitializer {
    private WeightInitializer() {
    }

    /** Draws initial weights for a spec. */
    public static ApWeights initialize(ApModelSpec spec, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, Integer> fanIn = new LinkedHashMap<>();
        for (TensorSpec t : spec.parameters()) {
            if (t.name().endsWith(".weight")) {
                fanIn.put(t.name().substring(0, t.name().length() - 7), t.shape()[1]);
            }
        }
        for (TensorSpec t : spec.parameters()) {
            String layer = t.name().substring(0, t.name().lastIndexOf('.'));
            double bound = 1.0 / Math.sqrt(fanIn.get(layer));
            float[] v = new float[t.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
            values.put(t.name(), v);
        }
        return ApWeights.of(spec, values);
    }
}
