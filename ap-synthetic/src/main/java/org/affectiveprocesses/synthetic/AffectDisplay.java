package org.affectiveprocesses.synthetic;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the face of one video of the synthetic corpus displays, next to its labels: per frame the
 * expressive-episode profile p in [0, 1] and the display intensity e = κ + (1 - κ) p, the
 * normalised label values the face displays (which the features' expression term reads), and per
 * label dimension the annotators' reaction lag in frames (see {@link AffectDisplayModel}). For
 * Action Units, and for valence/arousal with {@link AffectDisplayModel#none()}, the face displays
 * the labels themselves on every frame. A model never sees this; it is for diagnostics, tests and
 * studies.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AffectDisplay {
    private final float[] displayed; // [frame][dimensions]
    private final double[] episode;  // [frame]
    private final double resting;
    private final int[] lagFrames;   // [dimensions]

    AffectDisplay(float[] displayed, double[] episode, double resting, int[] lagFrames) {
        if (lagFrames.length == 0 || displayed.length != episode.length * lagFrames.length) {
            throw new IllegalArgumentException("displayed must hold " + lagFrames.length + " values for each of "
                    + episode.length + " frames, got " + displayed.length);
        }
        this.displayed = displayed;
        this.episode = episode;
        this.resting = resting;
        this.lagFrames = lagFrames;
    }

    /** The face displays the labels themselves on every frame, without lag. */
    static AffectDisplay faithful(float[] labels, int dimensions) {
        return new AffectDisplay(labels, new double[labels.length / dimensions], 1.0, new int[dimensions]);
    }

    /**
     * The number of frames.
     *
     * @return the video's length
     */
    public int length() {
        return episode.length;
    }

    /**
     * The number of label dimensions.
     *
     * @return 2 for valence/arousal, the number of Action Units otherwise
     */
    public int dimensions() {
        return lagFrames.length;
    }

    /**
     * The annotators' reaction lag of one dimension: the label at frame t is the apparent affect
     * at frame t minus this lag.
     *
     * @param dimension the label dimension
     * @return the lag in frames; 0 for Action Units or when the lag is off
     * @throws IndexOutOfBoundsException naming the index if the dimension does not exist
     */
    public int lagFrames(int dimension) {
        Objects.checkIndex(dimension, lagFrames.length);
        return lagFrames[dimension];
    }

    /**
     * The expressive-episode profile of a frame: 0 between episodes, 1 at an episode's apex, in
     * between during its onset and offset.
     *
     * @param frame the frame index
     * @return p in [0, 1]; 0 on every frame where the display is not sparse
     * @throws IndexOutOfBoundsException naming the index if the frame does not exist
     */
    public double episode(int frame) {
        return episode[frame(frame)];
    }

    /**
     * The fraction of the affect the face displays in a frame, κ + (1 - κ) p.
     *
     * @param frame the frame index
     * @return e in [κ, 1]; 1 on every frame where the display is not sparse
     * @throws IndexOutOfBoundsException naming the index if the frame does not exist
     */
    public double intensity(int frame) {
        return resting + (1.0 - resting) * episode(frame);
    }

    /**
     * The normalised value of one label dimension that the face displays in a frame.
     *
     * @param frame the frame index
     * @param dimension the label dimension
     * @return the displayed value in [-1, 1]
     * @throws IndexOutOfBoundsException naming the index if the frame or dimension does not exist
     */
    public float displayed(int frame, int dimension) {
        Objects.checkIndex(dimension, lagFrames.length);
        return displayed[frame(frame) * lagFrames.length + dimension];
    }

    /** The displayed values, [frame][dimensions], for rendering (not copied). */
    float[] values() {
        return displayed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffectDisplay d && resting == d.resting && Arrays.equals(displayed, d.displayed)
                && Arrays.equals(episode, d.episode) && Arrays.equals(lagFrames, d.lagFrames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(displayed), Arrays.hashCode(episode), resting, Arrays.hashCode(lagFrames));
    }

    @Override
    public String toString() {
        return "AffectDisplay[" + length() + " frames, lags " + Arrays.toString(lagFrames) + " frames]";
    }

    private int frame(int frame) {
        if (frame < 0 || frame >= episode.length) {
            throw new IndexOutOfBoundsException("frame " + frame + " of a video of " + episode.length + " frames");
        }
        return frame;
    }
}
