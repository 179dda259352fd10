package org.affectiveprocesses.video.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;
import org.affectiveprocesses.video.pose.HeadPose;
import org.affectiveprocesses.video.tracking.TrackedFace;

/**
 * One face in one frame after the landmarks, the head pose and the backbone.
 *
 * @param face the face's id (stable while the same person's face is followed) and detector box
 * @param landmarks its 68 landmarks in frame pixels
 * @param pose its head pose, or null when none could be solved
 * @param encoding the backbone's output for it
 */
public record FaceAnalysis(TrackedFace face, FaceLandmarks landmarks, HeadPose pose, FrameEncoding encoding) {
    /** Validates. */
    public FaceAnalysis {
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(landmarks, "landmarks");
        Objects.requireNonNull(encoding, "encoding");
    }

    /** The face's id. */
    public int id() {
        return face.id();
    }

    /** The head pose, when one was solved. */
    public Optional<HeadPose> headPose() {
        return Optional.ofNullable(pose);
    }
}
