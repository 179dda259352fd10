package org.affectiveprocesses.video.tracking;

import java.util.Objects;
import org.affectiveprocesses.api.backbone.FaceBox;

/**
 * A followed face in one frame.
 *
 * @param id the track's id: the same while the same face is followed (ids start at 1)
 * @param box where it is in this frame, with the detector's confidence
 */
public record TrackedFace(int id, FaceBox box) {
    /** Validates. */
    public TrackedFace {
        Objects.requireNonNull(box, "box");
        if (id < 1) {
            throw new IllegalArgumentException("track ids start at 1, got " + id);
        }
    }
}
