package org.affectiveprocesses.api;

import java.util.Arrays;

/**
 * What a {@link ContextSelector} sees of one window: for each of its frames the uncertainty
 * ‖σ<sub>C</sub>(r<sub>c</sub>)‖ that the frame alone would give the latent function (the
 * paper's Sec. 3.2.2), and a stable key for seeded random choices.
 *
 * @param sigmaNorms per-frame uncertainty, or {@code null} when the model has no latent σ (the
 *     deterministic AP); length = window length
 * @param windowLength the number of frames in the window
 * @param windowKey a number that identifies the window (sequence and start frame), so a seeded
 *     random selector picks the same frames for the same window whatever the batch order
 */
public record ContextCandidates(double[] sigmaNorms, int windowLength, long windowKey) {

    /**
     * @throws IllegalArgumentException if the window is empty or the σ array has the wrong length
     */
    public ContextCandidates {
        if (windowLength <= 0) {
            throw new IllegalArgumentException("a window needs at least one frame, got " + windowLength);
        }
        if (sigmaNorms != null) {
            if (sigmaNorms.length != windowLength) {
                throw new IllegalArgumentException("σ has " + sigmaNorms.length
                        + " values for a window of " + windowLength + " frames");
            }
            sigmaNorms = sigmaNorms.clone();
        }
    }

    /** Candidates with per-frame uncertainties. */
    public static ContextCandidates of(double[] sigmaNorms, long windowKey) {
        return new ContextCandidates(sigmaNorms, sigmaNorms.length, windowKey);
    }

    /** Whether per-frame uncertainties are available. */
    public boolean hasUncertainty() {
        return sigmaNorms != null;
    }

    /** A copy of the per-frame uncertainties. */
    @Override
    public double[] sigmaNorms() {
        return sigmaNorms == null ? null : sigmaNorms.clone();
    }

    /** The uncertainty of frame {@code i} of the window. */
    public double sigmaNorm(int i) {
        if (sigmaNorms == null) {
            throw new IllegalStateException("this model gives no per-frame σ (deterministic AP); "
                    + "use ContextSelectors.random(seed) or ContextSelectors.all()");
        }
        return sigmaNorms[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextCandidates c && windowLength == c.windowLength
                && windowKey == c.windowKey && Arrays.equals(sigmaNorms, c.sigmaNorms);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(sigmaNorms) + windowLength) + Long.hashCode(windowKey);
    }

    @Override
    public String toString() {
        return "ContextCandidates[" + windowLength + " frames, key " + windowKey + "]";
    }
}
