package org.affectiveprocesses.core.model;

import static org.affectiveprocesses.core.model.ApModelSpec.bias;
import static org.affectiveprocesses.core.model.ApModelSpec.layer;
import static org.affectiveprocesses.core.model.ApModelSpec.weight;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.SequenceDataset;

/**
 * Per-dimension standardisation of the backbone features, x̃<sub>i</sub> = (x<sub>i</sub> −
 * m<sub>i</sub>) / s<sub>i</sub>, with the mean m and standard deviation s of the training split's
 * valid frames (beyond the paper: it makes the AP independent of the units users' backbones give,
 * as the baselines always were).
 *
 * <p>The AP is trained on standardised features, and its file stores m and s beside the weights.
 * At test time the standardisation costs nothing per frame: {@link #foldInto(ApWeights)} folds it
 * into every first layer that reads x (the encoder's, the deterministic encoder's and the
 * decoder's x columns): W(x − m)/s + b = (W/s)x + (b − W m/s). A feature that is constant on the
 * training frames (s = 0) keeps s = 1, so it is only centred.
 *
 * <p>Immutable; the identity ({@link #identity(int)}: m = 0, s = 1) is what models without
 * standardisation (model files of format 1, or {@code TrainingConfig.withInputStandardization(false)}) use.
 * The temporal baselines standardise their input rows with the same class, including the
 * pseudo-labels when they read them ({@link #fit(SequenceDataset, boolean)}, {@link #standardizedRow}).
 */
public final class InputStandardization {
    /** A standard deviation at most this, relative to max(1, |m|), marks a constant input (only centred). */
    private static final double CONSTANT = 1e-6;

    private final float[] mean;
    private final float[] std;
    private final long frames;

    private InputStandardization(float[] mean, float[] std, long frames) {
        this.mean = mean;
        this.std = std;
        this.frames = frames;
    }

    /**
     * Wraps stored statistics.
     *
     * @param mean m per feature (finite)
     * @param std s per feature (positive, finite)
     * @param frames the number of frames they were computed on (0 for the identity)
     * @return the standardisation
     * @throws IllegalArgumentException naming the feature whose value is invalid, or if the sizes differ
     */
    public static InputStandardization of(float[] mean, float[] std, long frames) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need one value per feature, got " + mean.length + " and "
                    + std.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Float.isFinite(mean[i])) {
                throw new IllegalArgumentException("the mean of feature " + i + " is " + mean[i]);
            }
            if (!(std[i] > 0) || !Float.isFinite(std[i])) {
                throw new IllegalArgumentException("the standard deviation of feature " + i + " is " + std[i]
                        + "; it must be positive and finite");
            }
        }
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be >= 0, got " + frames);
        }
        return new InputStandardization(mean.clone(), std.clone(), frames);
    }

    /**
     * No standardisation: m = 0, s = 1.
     *
     * @param featureSize dx
     * @return the identity
     */
    public static InputStandardization identity(int featureSize) {
        float[] ones = new float[featureSize];
        Arrays.fill(ones, 1f);
        return of(new float[featureSize], ones, 0);
    }

    /**
     * Computes m and s (population standard deviation) of the features over every valid frame of
     * a data set, in double precision (Welford's update, so large means do not cancel small spreads).
     *
     * @param data the training split
     * @return the standardisation of the dx features
     * @throws IllegalArgumentException if the data have fewer than two valid frames
     */
    public static InputStandardization fit(SequenceDataset data) {
        return fit(data, false);
    }

    /**
     * As {@link #fit(SequenceDataset)}, for input rows that may also hold the pseudo-labels:
     * [x, ŷ] (dx + dy values) when {@code withPseudoLabels}, else x.
     *
     * @param data the training split
     * @param withPseudoLabels whether the rows end with the pseudo-labels
     * @return the standardisation of the rows
     * @throws IllegalArgumentException if the data have fewer than two valid frames
     */
    public static InputStandardization fit(SequenceDataset data, boolean withPseudoLabels) {
        int n = data.featureSize() + (withPseudoLabels ? data.labelSpace().size() : 0);
        double[] m = new double[n];
        double[] m2 = new double[n];
        float[] x = new float[n];
        long frames = 0;
        for (AffectSequence s : data) {
            for (int t = 0; t < s.length(); t++) {
                if (!s.isValid(t)) {
                    continue;
                }
                rawRow(s, t, withPseudoLabels, x, 0);
                frames++;
                for (int i = 0; i < n; i++) {
                    double delta = x[i] - m[i];
                    m[i] += delta / frames;
                    m2[i] += delta * (x[i] - m[i]);
                }
            }
        }
        if (frames < 2) {
            throw new IllegalArgumentException("'" + data.name() + "' has " + frames
                    + " valid frames; standardising the features needs at least 2");
        }
        float[] mean = new float[n];
        float[] std = new float[n];
        for (int i = 0; i < n; i++) {
            mean[i] = (float) m[i];
            double sd = Math.sqrt(m2[i] / frames);
            std[i] = sd > CONSTANT * Math.max(1.0, Math.abs(m[i])) ? (float) sd : 1f;
        }
        return new InputStandardization(mean, std, frames);
    }

    /**
     * The number of values per row (dx for the AP's features).
     *
     * @return the number of standardised values
     */
    public int featureSize() {
        return mean.length;
    }

    /**
     * The per-feature means m (a copy).
     *
     * @return m
     */
    public float[] mean() {
        return mean.clone();
    }

    /**
     * The per-feature standard deviations s (a copy).
     *
     * @return s
     */
    public float[] std() {
        return std.clone();
    }

    /**
     * The number of frames the statistics were computed on.
     *
     * @return the frame count, 0 for the identity
     */
    public long frames() {
        return frames;
    }

    /**
     * Whether this is the identity (m = 0 and s = 1 everywhere).
     *
     * @return true if standardising changes nothing
     */
    public boolean isIdentity() {
        for (int i = 0; i < mean.length; i++) {
            if (mean[i] != 0f || std[i] != 1f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Standardises one frame's features in place: x[offset + i] ← (x[offset + i] − m<sub>i</sub>) / s<sub>i</sub>.
     *
     * @param x the features
     * @param offset where the frame starts
     */
    public void standardize(float[] x, int offset) {
        for (int i = 0; i < mean.length; i++) {
            x[offset + i] = (float) ((x[offset + i] - (double) mean[i]) / std[i]);
        }
    }

    /**
     * Copies frame {@code t}'s input row ([x, ŷ] or x) into {@code dst} at {@code offset} and
     * standardises it.
     *
     * @param s the sequence
     * @param t the frame
     * @param withPseudoLabels whether the row ends with the pseudo-labels (as in {@link #fit(SequenceDataset, boolean)})
     * @param dst the destination
     * @param offset where the row's {@link #featureSize()} values go
     */
    public void standardizedRow(AffectSequence s, int t, boolean withPseudoLabels, float[] dst, int offset) {
        rawRow(s, t, withPseudoLabels, dst, offset);
        standardize(dst, offset);
    }

    private static void rawRow(AffectSequence s, int t, boolean withPseudoLabels, float[] dst, int offset) {
        s.copyFeatures(t, dst, offset);
        if (withPseudoLabels) {
            for (int d = 0; d < s.labelSize(); d++) {
                dst[offset + s.featureSize() + d] = s.pseudoLabel(t, d);
            }
        }
    }

    /**
     * The weights of a model trained on standardised features, rearranged to read raw features:
     * every first layer's x columns divided by s, and its bias reduced by W m/s (in double
     * precision). The identity returns the weights unchanged.
     *
     * @param weights weights that read standardised features
     * @return weights that read raw features and compute the same function
     * @throws IllegalArgumentException if the feature sizes differ
     */
    public ApWeights foldInto(ApWeights weights) {
        ApModelSpec spec = weights.spec();
        if (spec.featureSize() != mean.length) {
            throw new IllegalArgumentException("the standardisation has " + mean.length + " features, the model "
                    + spec.featureSize());
        }
        if (isIdentity()) {
            return weights;
        }
        Map<String, float[]> all = weights.toMap();
        for (String first : readersOfX(spec)) {
            float[] w = all.get(weight(first));
            float[] b = all.get(bias(first));
            int out = b.length;
            int in = w.length / out;
            for (int o = 0; o < out; o++) {
                double shift = 0;
                for (int i = 0; i < mean.length; i++) {
                    double wi = w[o * in + i];
                    shift += wi * mean[i] / std[i];
                    w[o * in + i] = (float) (wi / std[i]);
                }
                b[o] = (float) (b[o] - shift);
            }
        }
        return ApWeights.of(spec, new LinkedHashMap<>(all));
    }

    /** The layers whose input starts with the dx features: the first layers of the encoders and the decoder. */
    private static List<String> readersOfX(ApModelSpec spec) {
        String encoder = layer(ApModelSpec.ENCODER, 0);
        String decoder = layer(ApModelSpec.DECODER, 0);
        return spec.architecture().variant().hasDeterministicPath()
                ? List.of(encoder, layer(ApModelSpec.DET_ENCODER, 0), decoder)
                : List.of(encoder, decoder);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputStandardization s && frames == s.frames && Arrays.equals(mean, s.mean)
                && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(std)) + Long.hashCode(frames);
    }

    @Override
    public String toString() {
        return isIdentity() ? "InputStandardization[none]"
                : "InputStandardization[" + mean.length + " features, " + frames + " frames]";
    }
}
