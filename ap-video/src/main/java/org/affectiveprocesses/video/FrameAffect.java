package org.affectiveprocesses.video;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;

/**
 * What the recognizer says about one frame of a video: whether the followed face was found, where,
 * the backbone's per-frame estimate, and, with an Affective Process, its temporally informed mean
 * and standard deviation. Immutable.
 *
 * <p>{@link #mean(int)} and {@link #std(int)} are the Affective Process's prediction when the
 * recognizer has one; without one, {@link #mean(int)} is the backbone's per-frame estimate (its
 * pseudo-label) and {@link #std(int)} is {@code NaN}. Frames without a face have {@code NaN}
 * everywhere.
 */
public final class FrameAffect {
    private final FrameAnalysis analysis;
    private final LabelSpace labelSpace;
    private final float[] mean;
    private final float[] std;

    FrameAffect(FrameAnalysis analysis, LabelSpace labelSpace, float[] mean, float[] std) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.labelSpace = Objects.requireNonNull(labelSpace, "labelSpace");
        this.mean = mean;
        this.std = std;
    }

    /** The frame's index in the video, from 0. */
    public int frame() {
        return analysis.index();
    }

    /** The frame's timestamp in seconds. */
    public double seconds() {
        return analysis.seconds();
    }

    /** Whether the followed face was found in this frame. */
    public boolean faceFound() {
        return analysis.faceFound();
    }

    /** The followed face's box in frame pixels, with the detector's confidence. */
    public Optional<FaceBox> face() {
        return analysis.faceFound() ? Optional.of(analysis.face().box()) : Optional.empty();
    }

    /** The followed face's track id (stable while the same face is followed), 0 without a face. */
    public int faceId() {
        return analysis.faceFound() ? analysis.face().id() : 0;
    }

    /** What the dimensions mean (valence, arousal for the default backbone). */
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    /** The backbone features x<sub>t</sub> (a copy), empty without a face. */
    public float[] features() {
        return analysis.faceFound() ? analysis.encoding().features() : new float[0];
    }

    /** The backbone's per-frame estimate ŷ<sub>t</sub> of dimension {@code d}, {@code NaN} without a face. */
    public float pseudoLabel(int d) {
        Objects.checkIndex(d, labelSpace.size());
        return analysis.faceFound() ? analysis.encoding().pseudoLabels()[d] : Float.NaN;
    }

    /**
     * A further backbone output (e.g. {@code "emotion"}: the 7 class probabilities of the default
     * backbone), a copy; empty without a face or when the backbone has no such output.
     */
    public float[] output(String name) {
        if (!analysis.faceFound()) {
            return new float[0];
        }
        float[] v = analysis.encoding().outputs().get(name);
        return v == null ? new float[0] : v.clone();
    }

    /** The backbone's further outputs by name (copies), empty without a face. */
    public Map<String, float[]> outputs() {
        return analysis.faceFound() ? analysis.encoding().outputs() : Map.of();
    }

    /** Whether an Affective Process predicted this frame. */
    public boolean hasPrediction() {
        return mean != null;
    }

    /**
     * The estimate of dimension {@code d} (normalised, [-1, 1] for valence/arousal): the Affective
     * Process's mean when there is one, else the backbone's per-frame estimate; {@code NaN} without
     * a face.
     */
    public float mean(int d) {
        Objects.checkIndex(d, labelSpace.size());
        return mean != null ? mean[d] : pseudoLabel(d);
    }

    /**
     * The Affective Process's standard deviation of dimension {@code d}; {@code NaN} without an
     * Affective Process or without a face.
     */
    public float std(int d) {
        Objects.checkIndex(d, labelSpace.size());
        return std != null ? std[d] : Float.NaN;
    }

    /** The per-frame analysis this is built on. */
    FrameAnalysis analysis() {
        return analysis;
    }

    @Override
    public String toString() {
        return "FrameAffect[frame " + frame() + ", " + seconds() + " s, "
                + (faceFound() ? "face " + faceId() : "no face") + "]";
    }
}
