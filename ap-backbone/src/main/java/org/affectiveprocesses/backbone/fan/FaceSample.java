package org.affectiveprocesses.backbone.fan;

import java.util.Objects;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * One training image for the task head: a face crop, its normalised labels (valence and arousal,
 * or Action Unit intensities, in [-1, 1]) and, for valence/arousal, its basic-emotion class.
 *
 * @param image the face crop (resized to the network's input)
 * @param labels the normalised labels, one per label-space dimension (copied)
 * @param emotion the basic-emotion class, or −1 if unknown
 */
public record FaceSample(RgbImage image, float[] labels, int emotion) {
    /** Validates and copies. */
    public FaceSample {
        Objects.requireNonNull(image, "image");
        labels = labels.clone();
        for (int i = 0; i < labels.length; i++) {
            if (!Float.isFinite(labels[i])) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i]);
            }
        }
        if (emotion < -1) {
            throw new IllegalArgumentException("emotion must be a class index or -1, got " + emotion);
        }
    }

    /** A copy of the labels. */
    @Override
    public float[] labels() {
        return labels.clone();
    }
}
