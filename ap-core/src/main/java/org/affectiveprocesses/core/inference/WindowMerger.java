package org.affectiveprocesses.core.inference;

/**
 * Merges the per-frame predictions of overlapping windows of one sequence.
 *
 * <p>Each window contributes to frame t with a triangular weight w = min(i + 1, n − i) for
 * position i of a window of n frames, so frames near a window's edge, which see context on one
 * side only, count less. The merged predictive distribution is the mixture of the windows'
 * Gaussians: mean = Σ w·μ / Σ w and variance = Σ w·(σ² + μ²) / Σ w − mean². A frame covered by one
 * window keeps that window's μ and σ. Function sample n is the weighted mean of sample n of the
 * windows.
 */
public final class WindowMerger {
    private final int frames;
    private final int dy;
    private final int numSamples;
    private final double[] weight;
    private final double[] sumMean;
    private final double[] sumSecond;
    private final double[] sumSamples;
    private final int[] windows;
    private final float[] lastStd;

    /**
     * @param frames frames of the sequence
     * @param labelSize dy
     * @param numSamples function samples per window
     */
    public WindowMerger(int frames, int labelSize, int numSamples) {
        this.frames = frames;
        this.dy = labelSize;
        this.numSamples = numSamples;
        this.weight = new double[frames];
        this.sumMean = new double[frames * dy];
        this.sumSecond = new double[frames * dy];
        this.sumSamples = new double[numSamples * frames * dy];
        this.windows = new int[frames];
        this.lastStd = new float[frames * dy];
    }

    /** The triangular weight of position {@code i} in a window of {@code n} frames. */
    public static double positionWeight(int i, int n) {
        return Math.min(i + 1, n - i);
    }

    /**
     * Adds one window's output.
     *
     * @param frameIndex the sequence frame of each window position
     * @param mean the batch's means, [B][L][dy]
     * @param std the batch's σ
     * @param samples the batch's samples, [N][B][L][dy]
     * @param b this window's index in the batch
     * @param batch B
     * @param length L
     */
    public void add(int[] frameIndex, float[] mean, float[] std, float[] samples, int b, int batch,
            int length) {
        for (int i = 0; i < length; i++) {
            add(frameIndex[i], positionWeight(i, length), mean, std, b * length + i, samples, batch * length * dy);
        }
    }

    /**
     * Adds one window's output for one frame.
     *
     * @param t the frame
     * @param w the window's weight at that frame ({@link #positionWeight})
     * @param mean means, the frame's dy values from {@code row * dy}
     * @param std σ, laid out as {@code mean}
     * @param row which row of {@code mean} and {@code std} holds the frame
     * @param samples sample n's value of dimension d at {@code n * sampleStride + row * dy + d}
     * @param sampleStride the distance between consecutive samples in {@code samples}
     */
    public void add(int t, double w, float[] mean, float[] std, int row, float[] samples, int sampleStride) {
        weight[t] += w;
        windows[t]++;
        for (int d = 0; d < dy; d++) {
            int src = row * dy + d;
            double mu = mean[src];
            double s = std[src];
            sumMean[t * dy + d] += w * mu;
            sumSecond[t * dy + d] += w * (s * s + mu * mu);
            lastStd[t * dy + d] = std[src];
            for (int n = 0; n < numSamples; n++) {
                sumSamples[(n * frames + t) * dy + d] += w * samples[n * sampleStride + src];
            }
        }
    }

    /**
     * Forgets frame {@code t}'s windows, so it can be filled again (a live stream reuses frames).
     *
     * @param t the frame
     */
    public void clear(int t) {
        weight[t] = 0;
        windows[t] = 0;
        for (int d = 0; d < dy; d++) {
            sumMean[t * dy + d] = 0;
            sumSecond[t * dy + d] = 0;
            lastStd[t * dy + d] = 0;
            for (int n = 0; n < numSamples; n++) {
                sumSamples[(n * frames + t) * dy + d] = 0;
            }
        }
    }

    /** Whether frame {@code t} was covered by some window. */
    public boolean covered(int t) {
        return weight[t] > 0;
    }

    /** The merged mean of frame {@code t}, dimension {@code d}; NaN if uncovered. */
    public float mean(int t, int d) {
        return weight[t] > 0 ? (float) (sumMean[t * dy + d] / weight[t]) : Float.NaN;
    }

    /** The merged standard deviation of frame {@code t}, dimension {@code d}; NaN if uncovered. */
    public float std(int t, int d) {
        int i = t * dy + d;
        if (windows[t] == 0) {
            return Float.NaN;
        }
        if (windows[t] == 1) {
            return lastStd[i];
        }
        double m = sumMean[i] / weight[t];
        return (float) Math.sqrt(Math.max(sumSecond[i] / weight[t] - m * m, 0));
    }

    /** Merged function sample {@code n} of frame {@code t}, dimension {@code d}; NaN if uncovered. */
    public float sample(int n, int t, int d) {
        return weight[t] > 0 ? (float) (sumSamples[(n * frames + t) * dy + d] / weight[t]) : Float.NaN;
    }

    /** Merged means, [frames][dy], NaN where uncovered. */
    public float[] mean() {
        float[] out = new float[frames * dy];
        for (int t = 0; t < frames; t++) {
            for (int d = 0; d < dy; d++) {
                out[t * dy + d] = mean(t, d);
            }
        }
        return out;
    }

    /** Merged standard deviations, [frames][dy], NaN where uncovered. */
    public float[] std() {
        float[] out = new float[frames * dy];
        for (int t = 0; t < frames; t++) {
            for (int d = 0; d < dy; d++) {
                out[t * dy + d] = std(t, d);
            }
        }
        return out;
    }

    /** Merged samples, [N][frames][dy]. */
    public float[] samples() {
        float[] out = new float[numSamples * frames * dy];
        for (int n = 0; n < numSamples; n++) {
            for (int t = 0; t < frames; t++) {
                for (int d = 0; d < dy; d++) {
                    out[(n * frames + t) * dy + d] = sample(n, t, d);
                }
            }
        }
        return out;
    }
}
