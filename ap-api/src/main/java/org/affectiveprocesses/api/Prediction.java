package org.affectiveprocesses.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a temporal model says about one sequence: per frame, the predictive mean and standard
 * deviation of every label dimension; per window, the context frames used; and, when asked, N
 * function samples f(·, z) with z drawn from q(z | C).
 *
 * <p>Frames without a face get no prediction: {@link #isPredicted(int)} is false and their mean
 * and std read {@code NaN} (documented, never silently filled).
 *
 * <p>Where sliding windows overlap, the per-frame predictive distributions of the windows are
 * merged as a mixture with the documented weights of the producing model; function sample n of
 * the merged sequence is the same weighted blend of sample n of each window.
 */
public final class Prediction {
    private final String sequenceId;
    private final LabelSpace labelSpace;
    private final int length;
    private final float[] mean;
    private final float[] std;
    private final boolean[] predicted;
    private final List<ContextWindow> windows;
    private final int numSamples;
    private final float[] samples;

    /**
     * @param sequenceId the sequence predicted
     * @param labelSpace the label space
     * @param mean [frame * labelSize + d], NaN where not predicted
     * @param std same layout as {@code mean}
     * @param predicted per frame, whether a prediction exists
     * @param windows the windows read, in order
     * @param numSamples the number of function samples (0 when none were asked for)
     * @param samples [(n * frames + t) * labelSize + d], or an empty array
     */
    public Prediction(String sequenceId, LabelSpace labelSpace, float[] mean, float[] std,
            boolean[] predicted, List<ContextWindow> windows, int numSamples, float[] samples) {
        this.sequenceId = Objects.requireNonNull(sequenceId, "sequenceId");
        this.labelSpace = Objects.requireNonNull(labelSpace, "labelSpace");
        this.length = predicted.length;
        int dy = labelSpace.size();
        if (mean.length != length * dy || std.length != length * dy) {
            throw new IllegalArgumentException("prediction for '" + sequenceId + "': mean/std sizes "
                    + mean.length + "/" + std.length + " do not match " + length + " frames × " + dy);
        }
        if (numSamples < 0 || samples.length != numSamples * length * dy) {
            throw new IllegalArgumentException("prediction for '" + sequenceId + "': " + samples.length
                    + " sample values for " + numSamples + " samples");
        }
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < dy; d++) {
                int i = t * dy + d;
                if (predicted[t] && !(Float.isFinite(mean[i]) && std[i] > 0 && Float.isFinite(std[i]))) {
                    throw new IllegalStateException("prediction for '" + sequenceId + "', frame " + t
                            + ", " + labelSpace.dimension(d) + ": mean " + mean[i] + ", std " + std[i]
                            + " is not a valid Gaussian");
                }
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.predicted = predicted.clone();
        this.windows = List.copyOf(windows);
        this.numSamples = numSamples;
        this.samples = samples.clone();
    }

    /** The id of the predicted sequence. */
    public String sequenceId() {
        return sequenceId;
    }

    /** The label space. */
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    /** The number of frames. */
    public int length() {
        return length;
    }

    /** Whether frame {@code t} has a prediction (false for frames without a face). */
    public boolean isPredicted(int t) {
        return predicted[Objects.checkIndex(t, length)];
    }

    /** The predictive mean of dimension {@code d} at frame {@code t} (NaN if not predicted). */
    public float mean(int t, int d) {
        return mean[index(t, d)];
    }

    /** The predictive standard deviation of dimension {@code d} at frame {@code t}. */
    public float std(int t, int d) {
        return std[index(t, d)];
    }

    /** The predictive mean of dimension {@code d} over all frames. */
    public double[] meanSeries(int d) {
        return series(mean, d);
    }

    /** The predictive standard deviation of dimension {@code d} over all frames. */
    public double[] stdSeries(int d) {
        return series(std, d);
    }

    /** The windows read, with their context frames. */
    public List<ContextWindow> windows() {
        return windows;
    }

    /** All context frames of all windows, ascending and distinct. */
    public int[] contextFrames() {
        return windows.stream().flatMapToInt(w -> Arrays.stream(w.contextFrames())).distinct()
                .sorted().toArray();
    }

    /** The number of function samples held. */
    public int numSamples() {
        return numSamples;
    }

    /** Function sample {@code n}, dimension {@code d}, frame {@code t}. */
    public float sample(int n, int t, int d) {
        Objects.checkIndex(n, numSamples);
        return samples[n * length * labelSpace.size() + index(t, d)];
    }

    /** Function sample {@code n} of dimension {@code d} over all frames. */
    public double[] sampleSeries(int n, int d) {
        Objects.checkIndex(n, numSamples);
        Objects.checkIndex(d, labelSpace.size());
        double[] out = new double[length];
        int dy = labelSpace.size();
        for (int t = 0; t < length; t++) {
            out[t] = samples[(n * length + t) * dy + d];
        }
        return out;
    }

    private double[] series(float[] values, int d) {
        Objects.checkIndex(d, labelSpace.size());
        double[] out = new double[length];
        int dy = labelSpace.size();
        for (int t = 0; t < length; t++) {
            out[t] = values[t * dy + d];
        }
        return out;
    }

    private int index(int t, int d) {
        Objects.checkIndex(t, length);
        Objects.checkIndex(d, labelSpace.size());
        return t * labelSpace.size() + d;
    }

    @Override
    public String toString() {
        return "Prediction[" + sequenceId + ", " + length + " frames, " + windows.size() + " windows, "
                + numSamples + " samples]";
    }
}
