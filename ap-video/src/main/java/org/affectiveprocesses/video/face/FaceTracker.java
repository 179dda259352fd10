package org.affectiveprocesses.video.face;

import java.util.List;
import java.util.Optional;
import org.affectiveprocesses.api.backbone.FaceBox;

/**
 * Follows one face through a video, frame by frame.
 *
 * <p>Without a track, the largest detected face starts one (a new id). With a track, the face of
 * this frame that continues it is the detection overlapping the last known box most (IoU ≥ 0.2,
 * or its centre within half the last box's side of the last centre); it keeps the track's id. A
 * frame in which the followed face is not found reports no face, even if other faces are there;
 * after {@code patience} such frames in a row the track is dropped and the largest face starts a
 * new one. Not thread-safe: one tracker per video.
 */
public final class FaceTracker {
    /** The default number of frames a lost face is waited for. */
    public static final int DEFAULT_PATIENCE = 10;
    private static final double MIN_IOU = 0.2;

    private final int patience;
    private FaceBox last;
    private int id;
    private int missed;

    /** A tracker that waits {@value #DEFAULT_PATIENCE} frames for a lost face. */
    public FaceTracker() {
        this(DEFAULT_PATIENCE);
    }

    /**
     * A tracker.
     *
     * @param patience frames a lost face is waited for before another face is followed (≥ 0)
     */
    public FaceTracker(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.patience = patience;
    }

    /**
     * Advances to the next frame.
     *
     * @param faces this frame's detections
     * @return the followed face in this frame, or empty if it is not there
     */
    public Optional<TrackedFace> update(List<FaceBox> faces) {
        if (last != null) {
            FaceBox match = continuation(faces);
            if (match != null) {
                last = match;
                missed = 0;
                return Optional.of(new TrackedFace(id, match));
            }
            missed++;
            if (missed <= patience) {
                return Optional.empty();
            }
            last = null;
        }
        FaceBox largest = null;
        for (FaceBox f : faces) {
            if (largest == null || f.area() > largest.area()) {
                largest = f;
            }
        }
        if (largest == null) {
            return Optional.empty();
        }
        last = largest;
        missed = 0;
        id++;
        return Optional.of(new TrackedFace(id, largest));
    }

    private FaceBox continuation(List<FaceBox> faces) {
        FaceBox best = null;
        double bestScore = 0;
        double lx = last.x() + last.width() / 2;
        double ly = last.y() + last.height() / 2;
        double reach = 0.5 * Math.sqrt(last.area());
        for (FaceBox f : faces) {
            double iou = last.iou(f);
            double dist = Math.hypot(f.x() + f.width() / 2 - lx, f.y() + f.height() / 2 - ly);
            if (iou < MIN_IOU && dist > reach) {
                continue;
            }
            double score = iou + Math.max(0, 1 - dist / (2 * reach));
            if (best == null || score > bestScore) {
                best = f;
                bestScore = score;
            }
        }
        return best;
    }
}
