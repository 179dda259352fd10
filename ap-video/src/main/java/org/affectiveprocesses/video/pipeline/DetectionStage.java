package org.affectiveprocesses.video.pipeline;

import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.face.FaceDetector;
import org.affectiveprocesses.video.tracking.FaceTracker;
import org.affectiveprocesses.video.tracking.ShotCutDetector;
import org.affectiveprocesses.video.tracking.TrackedFace;

/**
 * The first half of the per-frame pipeline: shot cuts, face detection and tracking. Frames must be
 * given in order. Not thread-safe (one per video); does not own the detector, which stages of
 * several videos may share (it is used by one of them at a time).
 */
public final class DetectionStage {
    private final FaceDetector detector;
    private final ShotCutDetector cuts;
    private final FaceTracker tracker;
    private final FaceSelection selection;

    /**
     * @param detector finds faces
     * @param cuts finds shot cuts
     * @param tracker follows every face
     * @param selection which faces go on to be analysed
     */
    public DetectionStage(FaceDetector detector, ShotCutDetector cuts, FaceTracker tracker, FaceSelection selection) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.cuts = Objects.requireNonNull(cuts, "cuts");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.selection = Objects.requireNonNull(selection, "selection");
    }

    /**
     * Detects and tracks the faces of the next frame.
     *
     * @param frame the frame after the one given last
     * @return the frame with its selected tracked faces
     */
    public FrameDetections detect(DecodedFrame frame) {
        boolean cut = cuts.isCut(frame.image());
        List<FaceBox> found;
        synchronized (detector) {
            found = detector.detect(frame.image());
        }
        FaceTracker.Update u = tracker.update(inside(found, frame), cut);
        List<TrackedFace> faces = switch (selection) {
            case ALL -> u.faces();
            case LARGEST -> u.largest() == null ? List.of() : List.of(u.largest());
        };
        return new FrameDetections(frame, cut, faces, u.ended());
    }

    /** The detections that overlap the frame by at least one pixel in each direction. */
    private static List<FaceBox> inside(List<FaceBox> faces, DecodedFrame frame) {
        int w = frame.image().width();
        int h = frame.image().height();
        return faces.stream().filter(b -> b.x() + b.width() >= 1 && b.y() + b.height() >= 1
                && b.x() <= w - 1 && b.y() <= h - 1).toList();
    }
}
