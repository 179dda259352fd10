package org.affectiveprocesses.api;

import java.util.Arrays;

/**
 * One window the model read: its position in the sequence and the context frames it used.
 *
 * @param start the first frame of the window (sequence index)
 * @param length the number of frames in the window
 * @param contextFrames the context frames as sequence indices, ascending
 */
public record ContextWindow(int start, int length, int[] contextFrames) {

    /** @throws IllegalArgumentException if the context lies outside the window */
    public ContextWindow {
        if (start < 0 || length <= 0) {
            throw new IllegalArgumentException("bad window [" + start + ", +" + length + ")");
        }
        contextFrames = contextFrames.clone();
        for (int f : contextFrames) {
            if (f < start || f >= start + length) {
                throw new IllegalArgumentException("context frame " + f + " is outside window ["
                        + start + ", " + (start + length) + ")");
            }
        }
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
                && Arrays.equals(contextFrames, w.contextFrames);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * start + length) + Arrays.hashCode(contextFrames);
    }

    @Override
    public String toString() {
        return "ContextWindow[" + start + "+" + length + ", context " + Arrays.toString(contextFrames) + "]";
    }
}
