package org.affectiveprocesses.video;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;
import org.affectiveprocesses.video.pipeline.FaceAnalysis;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;
import org.affectiveprocesses.video.pose.HeadPose;

/**
 * What the recognizer says about one face in one frame of a video (or about a frame in which no
 * face was found): where the face is, its id, landmarks and head pose, the backbone's per-frame
 * estimate and, with an Affective Process, its temporally informed mean and standard deviation.
 * Immutable.
 *
 * <p>{@link #mean(int)} and {@link #std(int)} are the Affective Process's prediction when the
 * recognizer has one; without one, {@link #mean(int)} is the backbone's per-frame estimate (its
 * pseudo-label), smoothed over the face's frames when the recognizer smooths, and
 * {@link #std(int)} is {@code NaN}. A frame without a face has {@code NaN} everywhere.
 */
public final class FrameAffect {
    private final FrameAnalysis frame;
    private final FaceAnalysis face;
    private final LabelSpace labelSpace;
    private final float[] mean;
    private final float[] std;
    private final float[] smoothed;

    /**
     * @param frame the frame
     * @param face the face, or null for a frame without one
     * @param labelSpace what the dimensions mean
     * @param mean the Affective Process's mean, or null
     * @param std the Affective Process's standard deviation, or null
     * @param smoothed the smoothed per-frame estimate, or null
     */
    FrameAffect(FrameAnalysis frame, FaceAnalysis face, LabelSpace labelSpace, float[] mean, float[] std,
            float[] smoothed) {
        this.frame = Objects.requireNonNull(frame, "frame");
        this.face = face;
        this.labelSpace = Objects.requireNonNull(labelSpace, "labelSpace");
        this.mean = mean;
        this.std = std;
        this.smoothed = smoothed;
    }

    /** The frame's index in the video, from 0. */
    public int frame() {
        return frame.index();
    }

    /** The frame's timestamp in seconds. */
    public double seconds() {
        return frame.seconds();
    }

    /** Whether a new shot starts with this frame (a cut before it). */
    public boolean shotCut() {
        return frame.shotCut();
    }

    /** Whether this row is about a face (false for a frame in which none was found). */
    public boolean faceFound() {
        return face != null;
    }

    /** The face's box in frame pixels, with the detector's confidence. */
    public Optional<FaceBox> face() {
        return face == null ? Optional.empty() : Optional.of(face.face().box());
    }

    /**
     * The face's id: the same for the same person's face while it is followed (within a shot, and
     * as long as its appearance stays the same), never given to another face of the video; ids
     * start at 1; 0 without a face.
     */
    public int faceId() {
        return face == null ? 0 : face.id();
    }

    /** The face's 68 landmarks in frame pixels. */
    public Optional<FaceLandmarks> landmarks() {
        return face == null ? Optional.empty() : Optional.of(face.landmarks());
    }

    /** The face's head pose, when one could be solved. */
    public Optional<HeadPose> headPose() {
        return face == null ? Optional.empty() : face.headPose();
    }

    /** What the dimensions mean (valence, arousal for the default backbone). */
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    /** The backbone features x<sub>t</sub> (a copy), empty without a face. */
    public float[] features() {
        return face == null ? new float[0] : face.encoding().features();
    }

    /** The backbone's per-frame estimate ŷ<sub>t</sub> of dimension {@code d}, {@code NaN} without a face. */
    public float pseudoLabel(int d) {
        Objects.checkIndex(d, labelSpace.size());
        return face == null ? Float.NaN : face.encoding().pseudoLabels()[d];
    }

    /**
     * A further backbone output (e.g. {@code "emotion"}: the 7 class probabilities of the default
     * backbone), a copy; empty without a face or when the backbone has no such output.
     */
    public float[] output(String name) {
        if (face == null) {
            return new float[0];
        }
        float[] v = face.encoding().outputs().get(name);
        return v == null ? new float[0] : v.clone();
    }

    /** The backbone's further outputs by name (copies), empty without a face. */
    public Map<String, float[]> outputs() {
        return face == null ? Map.of() : face.encoding().outputs();
    }

    /** Whether an Affective Process predicted this row. */
    public boolean hasPrediction() {
        return mean != null;
    }

    /** Whether {@link #mean(int)} is the smoothed per-frame estimate. */
    public boolean isSmoothed() {
        return mean == null && smoothed != null;
    }

    /**
     * The estimate of dimension {@code d} (normalised, [-1, 1] for valence/arousal): the Affective
     * Process's mean when there is one, else the backbone's per-frame estimate, smoothed when the
     * recognizer smooths; {@code NaN} without a face.
     */
    public float mean(int d) {
        Objects.checkIndex(d, labelSpace.size());
        return mean != null ? mean[d] : smoothed != null ? smoothed[d] : pseudoLabel(d);
    }

    /**
     * The Affective Process's standard deviation of dimension {@code d}; {@code NaN} without an
     * Affective Process or without a face.
     */
    public float std(int d) {
        Objects.checkIndex(d, labelSpace.size());
        return std != null ? std[d] : Float.NaN;
    }

    @Override
    public String toString() {
        return "FrameAffect[frame " + frame() + ", " + seconds() + " s, "
                + (faceFound() ? "face " + faceId() : "no face") + "]";
    }
}
