package org.affectiveprocesses.video.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;

/**
 * Moves a face's box with its landmarks on the frames the detector skipped
 * ({@link DetectionStage}): the box of the face's last detection, shifted by how far the centre of
 * its landmarks has moved since that frame. Frames must be given in order. Not thread-safe.
 */
final class BoxFollower {
    private final Map<Integer, Anchor> anchors = new HashMap<>();

    /** A face's box and landmark centre on the last frame it was detected in. */
    private record Anchor(FaceBox box, double cx, double cy) {
    }

    /**
     * The box of a face in a frame.
     *
     * @param detected whether the detector ran on the frame
     * @param trackId the tracker's id of the face
     * @param box the face's box from the tracker (the last detection's on a skipped frame)
     * @param landmarks the face's landmarks in this frame
     * @return the detector's box on a detected frame, else that box moved with the landmarks
     */
    FaceBox box(boolean detected, int trackId, FaceBox box, FaceLandmarks landmarks) {
        FaceBox bounds = landmarks.bounds();
        double cx = bounds.x() + bounds.width() / 2;
        double cy = bounds.y() + bounds.height() / 2;
        Anchor a = anchors.get(trackId);
        if (detected || a == null) {
            anchors.put(trackId, new Anchor(box, cx, cy));
            return box;
        }
        return new FaceBox(a.box.x() + cx - a.cx, a.box.y() + cy - a.cy, a.box.width(), a.box.height(),
                a.box.confidence());
    }

    /** Forgets the faces of tracks that ended. */
    void end(List<Integer> trackIds) {
        trackIds.forEach(anchors::remove);
    }
}
