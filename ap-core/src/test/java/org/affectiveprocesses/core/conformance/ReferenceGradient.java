package org.affectiveprocesses.core.conformance;

import java.util.Map;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.training.TrainingBatch;

/**
 * ∇L of {@link ConformanceFixtures#referenceLoss} by central differences over every parameter,
 * in double precision, in the order of {@link ApWeights#names()}.
 */
final class ReferenceGradient {
    private static final double STEP = 1e-6;

    private ReferenceGradient() {
    }

    static double[] of(ApWeights w, TrainingBatch batch, TrainingConfig config) {
        Map<String, float[]> values = w.toMap();
        int size = 0;
        for (float[] v : values.values()) {
            size += v.length;
        }
        double[] g = new double[size];
        int k = 0;
        for (float[] v : values.values()) {
            for (int i = 0; i < v.length; i++) {
                float original = v[i];
                float plus = (float) (original + STEP);
                float minus = (float) (original - STEP);
                v[i] = plus;
                double up = ConformanceFixtures.referenceLoss(ApWeights.of(w.spec(), values), batch, config);
                v[i] = minus;
                double down = ConformanceFixtures.referenceLoss(ApWeights.of(w.spec(), values), batch, config);
                v[i] = original;
                g[k++] = (up - down) / ((double) plus - (double) minus);
            }
        }
        return g;
    }

    /** All tensors of weights, concatenated in file order, in double. */
    static double[] flat(ApWeights w) {
        Map<String, float[]> values = w.toMap();
        int size = 0;
        for (float[] v : values.values()) {
            size += v.length;
        }
        double[] out = new double[size];
        int k = 0;
        for (float[] v : values.values()) {
            for (float f : v) {
                out[k++] = f;
            }
        }
        return out;
    }
}
