package org.affectiveprocesses.backbone.fan;

import java.util.Objects;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * One training image for the Face Alignment Module: a face crop and its landmarks.
 *
 * @param image the face crop
 * @param landmarks x<sub>0</sub>, y<sub>0</sub>, x<sub>1</sub>, y<sub>1</sub>, … in pixel
 *     coordinates of the image (copied)
 */
public record LandmarkSample(RgbImage image, float[] landmarks) {
    /** Validates and copies. */
    public LandmarkSample {
        Objects.requireNonNull(image, "image");
        landmarks = landmarks.clone();
        if (landmarks.length == 0 || landmarks.length % 2 != 0) {
            throw new IllegalArgumentException("landmarks need x, y pairs, got " + landmarks.length + " values");
        }
        for (float v : landmarks) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("landmark coordinate " + v + " is not finite");
            }
        }
    }

    /** A copy of the landmark coordinates. */
    @Override
    public float[] landmarks() {
        return landmarks.clone();
    }

    /** The number of landmarks. */
    public int count() {
        return landmarks.length / 2;
    }
}
