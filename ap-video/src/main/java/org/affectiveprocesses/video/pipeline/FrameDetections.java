package org.affectiveprocesses.video.pipeline;

import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.tracking.TrackedFace;

/**
 * One frame after detection and tracking: what {@link AnalysisStage} reads.
 *
 * @param frame the decoded frame
 * @param shotCut whether a new shot starts with it
 * @param detected whether the face detector ran on it; if not, the faces carry the boxes of the
 *     last frame it ran on
 * @param faces the tracked faces selected for analysis, in track-id order
 * @param endedTracks the tracker's ids of tracks that ended before this frame
 */
public record FrameDetections(DecodedFrame frame, boolean shotCut, boolean detected, List<TrackedFace> faces,
        List<Integer> endedTracks) {
    /** Copies the lists. */
    public FrameDetections {
        Objects.requireNonNull(frame, "frame");
        faces = List.copyOf(faces);
        endedTracks = List.copyOf(endedTracks);
    }
}
