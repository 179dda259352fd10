package org.affectiveprocesses.video.pipeline;

import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.video.face.TrackedFace;

/**
 * One frame after detection and the backbone, before any temporal model.
 *
 * @param index the frame's index in the video
 * @param seconds its timestamp
 * @param face the followed face, or null when it was not found
 * @param encoding the backbone's output for that face, or null without a face
 */
public record FrameAnalysis(int index, double seconds, TrackedFace face, FrameEncoding encoding) {
    /** Checks that a face and its encoding come together. */
    public FrameAnalysis {
        if ((face == null) != (encoding == null)) {
            throw new IllegalArgumentException("frame " + index + ": a face needs an encoding and vice versa");
        }
    }

    /** Whether the followed face was found. */
    public boolean faceFound() {
        return face != null;
    }
}
