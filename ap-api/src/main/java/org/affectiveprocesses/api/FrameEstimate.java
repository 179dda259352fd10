package org.affectiveprocesses.api;

import java.util.Objects;

/**
 * What an {@link AffectStream} says about one frame: the predictive mean and standard deviation
 * of every label dimension (σ calibrated as the model's {@link AffectiveProcess#calibration()}
 * says), the function samples when asked for, and how long after the frame the estimate came.
 * Immutable.
 *
 * <p>A frame with a face gets a {@link Status#PROVISIONAL} estimate when it arrives (unless the
 * stream was opened without them) and a {@link Status#SETTLED} one once the frames it depends on
 * have arrived. A frame without a face gets one settled estimate at once, with {@link
 * #faceFound()} false and {@code NaN} values (as {@link Prediction} reports such frames).
 */
public final class FrameEstimate {
    /** Whether an estimate can still change. */
    public enum Status {
        /** The estimate from the frames received so far; the settled one may differ. */
        PROVISIONAL,
        /** The final estimate: what the batch API gives for the whole stream. */
        SETTLED
    }

    private final long frame;
    private final double seconds;
    private final Status status;
    private final LabelSpace labelSpace;
    private final float[] mean;
    private final float[] std;
    private final int numSamples;
    private final float[] samples;
    private final double sigmaNorm;
    private final long lagFrames;
    private final double lagSeconds;

    /**
     * An estimate of a frame with a face.
     *
     * @param frame the frame's index in the stream (frames without a face count), from 0
     * @param seconds the frame's timestamp
     * @param status provisional or settled
     * @param labelSpace what the dimensions are
     * @param mean the predictive mean per dimension
     * @param std the predictive standard deviation per dimension (calibrated)
     * @param numSamples the number of function samples
     * @param samples [n * dy + d], {@code numSamples} samples
     * @param sigmaNorm the frame's own ‖σ(r<sub>t</sub>)‖ that context selection reads (NaN for the
     *     deterministic AP)
     * @param lagFrames frames the stream had received after this one when the estimate was made
     * @param lagSeconds the timestamp of the newest frame then, minus this frame's
     * @throws IllegalArgumentException if the sizes do not fit the label space or the lag is negative
     * @throws IllegalStateException if a mean is not finite or a standard deviation not positive and finite
     */
    public FrameEstimate(long frame, double seconds, Status status, LabelSpace labelSpace, float[] mean,
            float[] std, int numSamples, float[] samples, double sigmaNorm, long lagFrames, double lagSeconds) {
        this(frame, seconds, status, labelSpace, mean.clone(), std.clone(), numSamples, samples.clone(), sigmaNorm,
                lagFrames, lagSeconds, true);
        int dy = labelSpace.size();
        if (mean.length != dy || std.length != dy || numSamples < 0 || samples.length != numSamples * dy) {
            throw new IllegalArgumentException("frame " + frame + ": " + mean.length + " means, " + std.length
                    + " standard deviations and " + samples.length + " sample values do not fit " + dy
                    + " dimensions and " + numSamples + " samples");
        }
        for (int d = 0; d < dy; d++) {
            if (!Float.isFinite(mean[d]) || !(std[d] > 0) || !Float.isFinite(std[d])) {
                throw new IllegalStateException("frame " + frame + ", " + labelSpace.dimension(d) + ": mean "
                        + mean[d] + ", std " + std[d] + " is not a valid Gaussian");
            }
        }
    }

    private FrameEstimate(long frame, double seconds, Status status, LabelSpace labelSpace, float[] mean,
            float[] std, int numSamples, float[] samples, double sigmaNorm, long lagFrames, double lagSeconds,
            boolean owned) {
        if (frame < 0 || lagFrames < 0 || lagSeconds < 0) {
            throw new IllegalArgumentException("frame " + frame + " with lag " + lagFrames + " frames, " + lagSeconds
                    + " s: none may be negative");
        }
        this.frame = frame;
        this.seconds = seconds;
        this.status = Objects.requireNonNull(status, "status");
        this.labelSpace = Objects.requireNonNull(labelSpace, "labelSpace");
        this.mean = mean;
        this.std = std;
        this.numSamples = numSamples;
        this.samples = samples;
        this.sigmaNorm = sigmaNorm;
        this.lagFrames = lagFrames;
        this.lagSeconds = lagSeconds;
    }

    /**
     * The settled estimate of a frame without a face: no values, no lag.
     *
     * @param frame the frame's index in the stream
     * @param seconds its timestamp
     * @param labelSpace what the dimensions are
     * @return the estimate
     */
    public static FrameEstimate withoutFace(long frame, double seconds, LabelSpace labelSpace) {
        return new FrameEstimate(frame, seconds, Status.SETTLED, labelSpace, null, null, 0, new float[0], Double.NaN,
                0, 0, true);
    }

    /** The frame's index in the stream (frames without a face count), from 0. */
    public long frame() {
        return frame;
    }

    /** The frame's timestamp in seconds. */
    public double seconds() {
        return seconds;
    }

    /** Provisional or settled. */
    public Status status() {
        return status;
    }

    /** Whether this is the frame's final estimate. */
    public boolean isSettled() {
        return status == Status.SETTLED;
    }

    /** Whether the frame had a face (and so values). */
    public boolean faceFound() {
        return mean != null;
    }

    /** What the dimensions are. */
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    /** The predictive mean of dimension {@code d}, NaN without a face. */
    public float mean(int d) {
        Objects.checkIndex(d, labelSpace.size());
        return mean == null ? Float.NaN : mean[d];
    }

    /** The predictive standard deviation of dimension {@code d} (calibrated), NaN without a face. */
    public float std(int d) {
        Objects.checkIndex(d, labelSpace.size());
        return std == null ? Float.NaN : std[d];
    }

    /** The number of function samples held (0 when none were asked for, or without a face). */
    public int numSamples() {
        return numSamples;
    }

    /** Function sample {@code n} of dimension {@code d}. */
    public float sample(int n, int d) {
        Objects.checkIndex(n, numSamples);
        Objects.checkIndex(d, labelSpace.size());
        return samples[n * labelSpace.size() + d];
    }

    /**
     * The frame's own ‖σ(r<sub>t</sub>)‖, the uncertainty that context selection ranks it by.
     *
     * @return the norm; NaN without a face or for the deterministic AP
     */
    public double frameSigmaNorm() {
        return sigmaNorm;
    }

    /** How many frames the stream had received after this one when this estimate was made (0 for provisional). */
    public long lagFrames() {
        return lagFrames;
    }

    /** The newest frame's timestamp then, minus this frame's (0 for provisional). */
    public double lagSeconds() {
        return lagSeconds;
    }

    @Override
    public String toString() {
        return "FrameEstimate[frame " + frame + ", " + seconds + " s, " + status
                + (faceFound() ? ", lag " + lagFrames + " frames]" : ", no face]");
    }
}
