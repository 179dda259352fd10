package org.affectiveprocesses.baselines;

import java.util.Arrays;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.SequenceDataset;

/**
 * The fixed per-value standardisation every baseline applies to its inputs: each input value
 * (each feature, and each pseudo-label when they are read) has the mean subtracted and is divided
 * by the standard deviation, both measured on the valid frames of the training split. A constant
 * input (standard deviation below 1e-6) is only centred. It is stored in the model file; it is not
 * trained.
 *
 * @param mean per input value
 * @param scale per input value, positive
 */
public record InputNormalization(float[] mean, float[] scale) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the sizes differ or a value is not finite or a scale not
     *     positive
     */
    public InputNormalization {
        if (mean.length != scale.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and scale must have the same positive size, got "
                    + mean.length + " and " + scale.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Float.isFinite(mean[i]) || !(scale[i] > 0) || !Float.isFinite(scale[i])) {
                throw new IllegalArgumentException("input " + i + " has mean " + mean[i] + " and scale " + scale[i]);
            }
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /**
     * Measures the training split.
     *
     * @param train the training sequences
     * @param usePseudoLabels whether inputs include the pseudo-labels
     * @return the normalisation
     * @throws IllegalArgumentException if the split has no valid frame
     */
    public static InputNormalization fit(SequenceDataset train, boolean usePseudoLabels) {
        int dx = train.featureSize();
        int n = dx + (usePseudoLabels ? train.labelSpace().size() : 0);
        double[] sum = new double[n];
        double[] sumSq = new double[n];
        long frames = 0;
        float[] row = new float[n];
        for (AffectSequence s : train) {
            for (int t = 0; t < s.length(); t++) {
                if (!s.isValid(t)) {
                    continue;
                }
                raw(s, t, usePseudoLabels, row, 0);
                for (int i = 0; i < n; i++) {
                    sum[i] += row[i];
                    sumSq[i] += (double) row[i] * row[i];
                }
                frames++;
            }
        }
        if (frames == 0) {
            throw new IllegalArgumentException("training data '" + train.name() + "' has no valid frame");
        }
        float[] mean = new float[n];
        float[] scale = new float[n];
        for (int i = 0; i < n; i++) {
            double m = sum[i] / frames;
            double sd = Math.sqrt(Math.max(sumSq[i] / frames - m * m, 0));
            mean[i] = (float) m;
            scale[i] = sd < 1e-6 ? 1f : (float) sd;
        }
        return new InputNormalization(mean, scale);
    }

    /** The number of input values. */
    public int size() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] scale() {
        return scale.clone();
    }

    /**
     * Writes the normalised input of frame {@code t} into {@code dst} at {@code offset}.
     *
     * @param s the sequence
     * @param t the frame
     * @param usePseudoLabels whether inputs include the pseudo-labels
     * @param dst the destination
     * @param offset where the frame's {@link #size()} values go
     */
    public void apply(AffectSequence s, int t, boolean usePseudoLabels, float[] dst, int offset) {
        raw(s, t, usePseudoLabels, dst, offset);
        for (int i = 0; i < mean.length; i++) {
            dst[offset + i] = (dst[offset + i] - mean[i]) / scale[i];
        }
    }

    private static void raw(AffectSequence s, int t, boolean usePseudoLabels, float[] dst, int offset) {
        s.copyFeatures(t, dst, offset);
        if (usePseudoLabels) {
            for (int d = 0; d < s.labelSize(); d++) {
                dst[offset + s.featureSize() + d] = s.pseudoLabel(t, d);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputNormalization n && Arrays.equals(mean, n.mean) && Arrays.equals(scale, n.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "InputNormalization[" + mean.length + " values]";
    }
}
