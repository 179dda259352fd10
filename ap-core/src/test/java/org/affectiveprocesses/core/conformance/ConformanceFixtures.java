package org.affectiveprocesses.core.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.WindowBatch;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApReference;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.training.TrainingBatch;

/**
 * Small models, data and reference computations shared by the engine conformance suites: a
 * 6-feature, valence/arousal model with hidden and latent size 8 (2 attention heads), so every
 * check runs in milliseconds on any engine.
 */
public final class ConformanceFixtures {
    /** Feature size of the small models. */
    public static final int DX = 6;
    /** Hidden and latent size of the small models. */
    public static final int WIDTH = 8;
    /** The label space of the small models. */
    public static final LabelSpace VA = LabelSpace.valenceArousal();

    private ConformanceFixtures() {
    }

    /** A small model of a variant, with or without pseudo-labels. */
    public static ApModelSpec spec(ApVariant variant, boolean pseudoLabels) {
        return new ApModelSpec(new ApArchitecture(variant, pseudoLabels, WIDTH, WIDTH, 2, 0.1, 0.1), DX, VA);
    }

    /** B windows of L frames of Gaussian features and pseudo-labels in [-1, 1]. */
    public static WindowBatch randomWindows(int b, int l, long seed) {
        return randomWindows(b, l, DX, seed);
    }

    /** B windows of L frames of dx Gaussian features and pseudo-labels in [-1, 1]. */
    public static WindowBatch randomWindows(int b, int l, int dx, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[b * l * dx];
        float[] y = new float[b * l * VA.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return WindowBatch.of(b, l, x, y);
    }

    /** Window i of a batch, as a batch of one. */
    public static WindowBatch window(WindowBatch b, int i) {
        int l = b.length();
        return WindowBatch.of(1, l,
                Arrays.copyOfRange(b.features(), i * l * b.featureSize(), (i + 1) * l * b.featureSize()),
                Arrays.copyOfRange(b.encoderLabels(), i * l * b.labelSize(), (i + 1) * l * b.labelSize()));
    }

    /** n standard-normal draws. */
    public static float[] gaussian(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) rng.nextGaussian();
        }
        return out;
    }

    /** Features [L][dx] of window i of a batch, in double. */
    public static double[][] windowFeatures(WindowBatch b, int i) {
        return rows(b.features(), i * b.length(), b.length(), b.featureSize());
    }

    /** Encoder labels [L][dy] of window i of a batch, in double. */
    public static double[][] windowLabels(WindowBatch b, int i) {
        return rows(b.encoderLabels(), i * b.length(), b.length(), b.labelSize());
    }

    /** Rows [from, from + count) of a row-major [*, width] array, in double. */
    public static double[][] rows(float[] values, int from, int count, int width) {
        double[][] out = new double[count][width];
        for (int j = 0; j < count; j++) {
            for (int d = 0; d < width; d++) {
                out[j][d] = values[(from + j) * width + d];
            }
        }
        return out;
    }

    /** Three toy sequences of 90 frames with smooth labels, every 7th valence label missing. */
    public static SequenceDataset toyData() {
        SplittableRandom rng = new SplittableRandom(8);
        List<AffectSequence> list = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            AffectSequence.Builder b = AffectSequence.builder("toy" + s, VA, DX);
            for (int t = 0; t < 90; t++) {
                float[] x = new float[DX];
                for (int d = 0; d < DX; d++) {
                    x[d] = (float) rng.nextGaussian();
                }
                float v = (float) Math.sin(t / 10.0 + s);
                float valence = t % 7 == 0 ? Float.NaN : v;
                b.addFrame(x, new float[] {v * 0.8f, -v * 0.5f}, new float[] {valence, -v});
            }
            list.add(b.build());
        }
        return SequenceDataset.of("toy", list);
    }

    /** The reference loss of a batch: the mean over its clips of {@link ApReference#loss}. */
    public static double referenceLoss(ApWeights w, TrainingBatch b, TrainingConfig c) {
        ApReference ref = new ApReference(w);
        double total = 0;
        for (int clip = 0; clip < b.clips(); clip++) {
            total += referenceClipLoss(ref, w.spec(), b, clip, c).total();
        }
        return total / b.clips();
    }

    /** The reference loss terms of one clip of a packed batch. */
    public static ApReference.ClipLoss referenceClipLoss(ApReference ref, ApModelSpec spec, TrainingBatch b,
            int clip, TrainingConfig c) {
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int z = spec.architecture().latentSize();
        int from = b.clipOffsets()[clip];
        int l = b.clipOffsets()[clip + 1] - from;
        double[][] x = rows(b.features(), from, l, dx);
        double[][] ctx = rows(b.contextLabels(), from, l, dy);
        double[][] truth = rows(b.truth(), from, l, dy);
        List<Integer> context = new ArrayList<>();
        for (int j = 0; j < l; j++) {
            for (int d = 0; d < dy; d++) {
                if (b.truthMask()[(from + j) * dy + d] == 0) {
                    truth[j][d] = Double.NaN;
                }
            }
            if (b.contextWeights()[clip * b.rows() + from + j] > 0) {
                context.add(j);
            }
        }
        double[] eps = new double[z];
        for (int q = 0; q < z; q++) {
            eps[q] = b.noise()[clip * z + q];
        }
        return ref.loss(x, ctx, truth, context.stream().mapToInt(Integer::intValue).toArray(), eps,
                c.objective(), c.lambdaKl(), c.lambdaReg());
    }

    /**
     * The sequence the version-1 model file fixture ({@code core/io/version1.apmodel}, dx 8) was
     * recorded on: 50 frames of smooth features and pseudo-labels, unlabelled.
     */
    public static AffectSequence version1Sequence() {
        AffectSequence.Builder b = AffectSequence.builder("fixture", LabelSpace.valenceArousal(), 8).fps(30);
        for (int t = 0; t < 50; t++) {
            float[] x = new float[8];
            for (int i = 0; i < 8; i++) {
                x[i] = (float) (2 * Math.sin(0.1 * t + i) + 0.3 * i);
            }
            b.addFrame(x, new float[] {(float) Math.tanh(0.05 * t - 1), (float) Math.cos(0.07 * t) * 0.5f},
                    new float[] {Float.NaN, Float.NaN});
        }
        return b.build();
    }
}
