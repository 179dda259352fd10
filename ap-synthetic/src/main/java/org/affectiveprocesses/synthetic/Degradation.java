package org.affectiveprocesses.synthetic;

import java.util.Arrays;
import java.util.Objects;

/**
 * The per-frame degradation of one video of the synthetic corpus: for every frame and each of
 * the four spatial blocks of the features (0 upper left, 1 upper right, 2 lower left, 3 lower
 * right, the 2 &times; 2 cells of the paper's 128 &times; 2 &times; 2 features), the severity
 * &Delta; in [0, 1] (the fraction of the block's face content replaced by a degradation
 * prototype) and the {@link DegradationType} that caused it. A model never sees this; it is for
 * diagnostics, tests and studies such as whether a context selector avoids degraded frames.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Degradation {
    /** The number of spatial blocks. */
    public static final int BLOCKS = 4;

    private static final DegradationType[] TYPES = DegradationType.values();

    private final double[] severity; // [frame][BLOCKS]
    private final byte[] type;       // [frame][BLOCKS], DegradationType ordinals

    Degradation(double[] severity, byte[] type) {
        if (severity.length != type.length || severity.length % BLOCKS != 0) {
            throw new IllegalArgumentException("severity and type must both hold " + BLOCKS
                    + " values per frame, got " + severity.length + " and " + type.length);
        }
        this.severity = severity;
        this.type = type;
    }

    /**
     * The number of frames.
     *
     * @return the video's length
     */
    public int length() {
        return severity.length / BLOCKS;
    }

    /**
     * The severity of one block in one frame.
     *
     * @param frame the frame index
     * @param block the block, 0-3 (upper left, upper right, lower left, lower right)
     * @return &Delta; in [0, 1]; 0 on a clean block
     * @throws IndexOutOfBoundsException naming the index if the frame or block does not exist
     */
    public double severity(int frame, int block) {
        return severity[index(frame, block)];
    }

    /**
     * What degrades one block in one frame.
     *
     * @param frame the frame index
     * @param block the block, 0-3
     * @return the type; {@link DegradationType#NONE} where the severity is 0
     * @throws IndexOutOfBoundsException naming the index if the frame or block does not exist
     */
    public DegradationType type(int frame, int block) {
        return TYPES[type[index(frame, block)]];
    }

    /**
     * The frame's quality, one minus the severity of its most degraded block.
     *
     * @param frame the frame index
     * @return q in [0, 1]; exactly 1 on a clean frame
     * @throws IndexOutOfBoundsException naming the index if the frame does not exist
     */
    public double quality(int frame) {
        return 1.0 - severity(frame, worstBlock(frame));
    }

    /**
     * The quality of every frame.
     *
     * @return a new array, one value per frame (see {@link #quality(int)})
     */
    public double[] quality() {
        double[] q = new double[length()];
        for (int t = 0; t < q.length; t++) {
            q[t] = quality(t);
        }
        return q;
    }

    /**
     * The mean severity over the four blocks.
     *
     * @param frame the frame index
     * @return the mean &Delta; in [0, 1]
     * @throws IndexOutOfBoundsException naming the index if the frame does not exist
     */
    public double meanSeverity(int frame) {
        double s = 0;
        for (int b = 0; b < BLOCKS; b++) {
            s += severity(frame, b);
        }
        return s / BLOCKS;
    }

    /**
     * What degrades the frame's most degraded block (the first such block on a tie).
     *
     * @param frame the frame index
     * @return the type; {@link DegradationType#NONE} on a clean frame
     * @throws IndexOutOfBoundsException naming the index if the frame does not exist
     */
    public DegradationType dominantType(int frame) {
        return type(frame, worstBlock(frame));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Degradation d && Arrays.equals(severity, d.severity)
                && Arrays.equals(type, d.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(severity), Arrays.hashCode(type));
    }

    @Override
    public String toString() {
        return "Degradation[" + length() + " frames]";
    }

    private int worstBlock(int frame) {
        int worst = 0;
        for (int b = 1; b < BLOCKS; b++) {
            if (severity(frame, b) > severity(frame, worst)) {
                worst = b;
            }
        }
        return worst;
    }

    private int index(int frame, int block) {
        if (frame < 0 || frame >= length()) {
            throw new IndexOutOfBoundsException("frame " + frame + " of a video of " + length() + " frames");
        }
        if (block < 0 || block >= BLOCKS) {
            throw new IndexOutOfBoundsException("block " + block + "; blocks are 0-" + (BLOCKS - 1));
        }
        return frame * BLOCKS + block;
    }
}
