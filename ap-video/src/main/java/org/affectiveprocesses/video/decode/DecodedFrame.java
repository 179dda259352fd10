package org.affectiveprocesses.video.decode;

import java.util.Objects;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * One decoded frame.
 *
 * @param index the frame's position in the video, from 0
 * @param seconds its presentation time in seconds (non-decreasing over a video)
 * @param image its pixels
 */
public record DecodedFrame(int index, double seconds, RgbImage image) {
    /** Validates. */
    public DecodedFrame {
        Objects.requireNonNull(image, "image");
        if (index < 0 || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("bad frame " + index + " at " + seconds + " s");
        }
    }
}
