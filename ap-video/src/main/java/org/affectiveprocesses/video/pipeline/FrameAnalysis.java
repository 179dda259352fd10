package org.affectiveprocesses.video.pipeline;

import java.util.List;

/**
 * One frame after detection, tracking, landmarks, head pose and the backbone, before any temporal
 * model.
 *
 * @param index the frame's index in the video, from 0
 * @param seconds its timestamp
 * @param shotCut whether a new shot starts with this frame
 * @param faces the faces analysed in this frame, in id order (empty when none)
 * @param endedFaceIds the ids of faces whose track ended before this frame (a cut, a face gone
 *     for longer than the tracker waits, or another person taking a track over); they do not
 *     appear again
 */
public record FrameAnalysis(int index, double seconds, boolean shotCut, List<FaceAnalysis> faces,
        List<Integer> endedFaceIds) {
    /** Copies the lists. */
    public FrameAnalysis {
        if (index < 0 || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("bad frame " + index + " at " + seconds + " s");
        }
        faces = List.copyOf(faces);
        endedFaceIds = List.copyOf(endedFaceIds);
    }

    /** Whether any face was analysed in this frame. */
    public boolean faceFound() {
        return !faces.isEmpty();
    }
}
