package org.affectiveprocesses.api;

import java.util.Arrays;

/**
 * One window the model read: its position in the sequence, the context frames it used, and the
 * per-frame uncertainty ‖σ(r<sub>t</sub>)‖ that context selection read (Sec. 3.2.2 of the paper).
 *
 * @param start the first frame of the window (sequence index)
 * @param length the number of frames the window spans (frames without a face inside the span are
 *     not part of it)
 * @param contextFrames the context frames as sequence indices, ascending
 * @param frameSigmaNorms ‖σ(r<sub>t</sub>)‖ of every frame of the span (NaN for frames not in the
 *     window); empty for the deterministic AP, which has no σ
 */
public record ContextWindow(int start, int length, int[] contextFrames, double[] frameSigmaNorms) {

    /** @throws IllegalArgumentException if the context lies outside the window or σ does not cover it */
    public ContextWindow {
        if (start < 0 || length <= 0) {
            throw new IllegalArgumentException("bad window [" + start + ", +" + length + ")");
        }
        contextFrames = contextFrames.clone();
        frameSigmaNorms = frameSigmaNorms.clone();
        if (frameSigmaNorms.length != 0 && frameSigmaNorms.length != length) {
            throw new IllegalArgumentException("a window of " + length + " frames has " + frameSigmaNorms.length
                    + " σ norms");
        }
        for (int f : contextFrames) {
            if (f < start || f >= start + length) {
                throw new IllegalArgumentException("context frame " + f + " is outside window ["
                        + start + ", " + (start + length) + ")");
            }
        }
    }

    /**
     * A window without σ (the deterministic AP).
     *
     * @param start the first frame
     * @param length the frames spanned
     * @param contextFrames the context frames
     */
    public ContextWindow(int start, int length, int[] contextFrames) {
        this(start, length, contextFrames, new double[0]);
    }

    /**
     * ‖σ(r<sub>t</sub>)‖ of every frame of the span, in frame order (a copy).
     *
     * @return the norms, NaN for frames not in the window; empty without σ
     */
    @Override
    public double[] frameSigmaNorms() {
        return frameSigmaNorms.clone();
    }

    /**
     * ‖σ(r<sub>t</sub>)‖ of one frame.
     *
     * @param frame a sequence frame index inside the span
     * @return its σ norm, NaN if the frame is not in the window
     * @throws IllegalStateException if the window has no σ (the deterministic AP)
     * @throws IndexOutOfBoundsException if the frame is outside the span
     */
    public double sigmaNorm(int frame) {
        if (frameSigmaNorms.length == 0) {
            throw new IllegalStateException("this window has no per-frame σ (the deterministic AP gives none)");
        }
        return frameSigmaNorms[java.util.Objects.checkIndex(frame - start, length)];
    }

    /** A copy of the context frame indices. */
    @Override
    public int[] contextFrames() {
        return contextFrames.clone();
    }

    /** The number of context frames. */
    public int contextSize() {
        return contextFrames.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextWindow w && start == w.start && length == w.length
                && Arrays.equals(contextFrames, w.contextFrames) && Arrays.equals(frameSigmaNorms, w.frameSigmaNorms);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * start + length) + Arrays.hashCode(contextFrames)) + Arrays.hashCode(frameSigmaNorms);
    }

    @Override
    public String toString() {
        return "ContextWindow[" + start + "+" + length + ", context " + Arrays.toString(contextFrames) + "]";
    }
}
