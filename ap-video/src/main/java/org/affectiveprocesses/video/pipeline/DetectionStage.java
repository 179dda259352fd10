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
 *
 * <p>The detector runs on every {@code detectionInterval}-th frame while faces are being followed,
 * and on every frame that starts a shot, follows a frame where no face was detected (so a face
 * appearing on screen is found in its first frame whenever none is followed, and after every cut),
 * or where the picture inside a face's box changed as much as at a shot cut since it was detected
 * ({@link FaceRegionChange}: a face that vanishes is not followed on).
 * On the frames between, the faces keep the boxes of the last detection; the landmark network, run
 * on a crop {@value org.affectiveprocesses.video.landmarks.FaceLandmarker#CROP_SCALE} times wider
 * than the box, finds the face within it, and {@link AnalysisStage} moves the box with the
 * landmarks. This is the usual real-time practice (OpenFace runs its detector only to start or
 * restart its landmark tracking); an interval of 1 detects on every frame.
 */
public final class DetectionStage {
    /**
     * The default detection interval: detection costs about as much per frame as both networks on
     * one face, and faces move little in 4 frames (0.13-0.17 s) compared with the landmark crop's
     * margin.
     */
    public static final int DEFAULT_DETECTION_INTERVAL = 4;

    private final FaceDetector detector;
    private final ShotCutDetector cuts;
    private final FaceTracker tracker;
    private final FaceSelection selection;
    private final int interval;
    private final FaceRegionChange regions = new FaceRegionChange();
    private List<FaceBox> lastDetections = List.of();
    private int framesSinceDetection;

    /**
     * A stage that detects on every {@value #DEFAULT_DETECTION_INTERVAL}th frame while faces are
     * followed.
     *
     * @param detector finds faces
     * @param cuts finds shot cuts
     * @param tracker follows every face
     * @param selection which faces go on to be analysed
     */
    public DetectionStage(FaceDetector detector, ShotCutDetector cuts, FaceTracker tracker, FaceSelection selection) {
        this(detector, cuts, tracker, selection, DEFAULT_DETECTION_INTERVAL);
    }

    /**
     * A stage.
     *
     * @param detector finds faces
     * @param cuts finds shot cuts
     * @param tracker follows every face
     * @param selection which faces go on to be analysed
     * @param detectionInterval run the detector on every this many frames while faces are followed
     *     (1: every frame)
     */
    public DetectionStage(FaceDetector detector, ShotCutDetector cuts, FaceTracker tracker, FaceSelection selection,
            int detectionInterval) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.cuts = Objects.requireNonNull(cuts, "cuts");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.selection = Objects.requireNonNull(selection, "selection");
        if (detectionInterval < 1) {
            throw new IllegalArgumentException("the detection interval must be >= 1 frame, got " + detectionInterval);
        }
        this.interval = detectionInterval;
    }

    /**
     * Detects and tracks the faces of the next frame.
     *
     * @param frame the frame after the one given last
     * @return the frame with its selected tracked faces
     */
    public FrameDetections detect(DecodedFrame frame) {
        boolean cut = cuts.isCut(frame.image());
        boolean detect = cut || lastDetections.isEmpty() || ++framesSinceDetection >= interval
                || regions.changed(frame.image(), lastDetections);
        if (detect) {
            List<FaceBox> found;
            synchronized (detector) {
                found = detector.detect(frame.image());
            }
            lastDetections = inside(found, frame);
            regions.detected(frame.image(), lastDetections);
            framesSinceDetection = 0;
        }
        FaceTracker.Update u = tracker.update(lastDetections, cut);
        List<TrackedFace> faces = switch (selection) {
            case ALL -> u.faces();
            case LARGEST -> u.largest() == null ? List.of() : List.of(u.largest());
        };
        return new FrameDetections(frame, cut, detect, faces, u.ended());
    }

    /** The detections that overlap the frame by at least one pixel in each direction. */
    private static List<FaceBox> inside(List<FaceBox> faces, DecodedFrame frame) {
        int w = frame.image().width();
        int h = frame.image().height();
        return faces.stream().filter(b -> b.x() + b.width() >= 1 && b.y() + b.height() >= 1
                && b.x() <= w - 1 && b.y() <= h - 1).toList();
    }
}
