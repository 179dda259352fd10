package org.affectiveprocesses.video.landmarks;

import java.util.Arrays;
import org.affectiveprocesses.api.backbone.FaceBox;

/**
 * The 68 facial landmarks of one face, in frame pixels, in the iBUG 300-W order that OpenFace and
 * dlib use (0-16 jaw line from the face's right to its left, 17-21 and 22-26 eyebrows, 27-35 nose,
 * 36-41 and 42-47 eyes, 48-67 mouth; "right" and "left" are the person's, so point 36 is the outer
 * corner of the eye on the image's left). Immutable.
 */
public final class FaceLandmarks {
    /** The number of landmarks. */
    public static final int COUNT = 68;
    /** The share of its width and height by which {@link #alignedBox()} grows the landmarks' bounds. */
    public static final double ALIGNED_PADDING = 0.2;

    private final float[] xy;

    private FaceLandmarks(float[] xy) {
        this.xy = xy;
    }

    /**
     * Landmarks from interleaved coordinates.
     *
     * @param xy {@code x0, y0, x1, y1, ..., x67, y67} in frame pixels (copied)
     * @throws IllegalArgumentException if there are not 136 finite values
     */
    public static FaceLandmarks of(float[] xy) {
        if (xy.length != 2 * COUNT) {
            throw new IllegalArgumentException("68 landmarks need " + 2 * COUNT + " coordinates, got " + xy.length);
        }
        for (int i = 0; i < xy.length; i++) {
            if (!Float.isFinite(xy[i])) {
                throw new IllegalArgumentException("landmark " + i / 2 + " has a non-finite "
                        + (i % 2 == 0 ? "x" : "y") + ": " + xy[i]);
            }
        }
        return new FaceLandmarks(xy.clone());
    }

    /** The x coordinate of landmark {@code i} in frame pixels. */
    public float x(int i) {
        return xy[2 * java.util.Objects.checkIndex(i, COUNT)];
    }

    /** The y coordinate of landmark {@code i} in frame pixels. */
    public float y(int i) {
        return xy[2 * java.util.Objects.checkIndex(i, COUNT) + 1];
    }

    /** The interleaved coordinates {@code x0, y0, ..., x67, y67} (a copy). */
    public float[] toArray() {
        return xy.clone();
    }

    /** The smallest box holding every landmark (confidence 1). */
    public FaceBox bounds() {
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < COUNT; i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        return new FaceBox(minX, minY, Math.max(maxX - minX, 1e-3), Math.max(maxY - minY, 1e-3), 1.0);
    }

    /**
     * The face crop face-api gives its expression network after landmark detection: the
     * landmarks' bounds grown by {@value #ALIGNED_PADDING} of their width and height (half on
     * each side), with the confidence given.
     *
     * @param confidence the confidence the box carries (e.g. the detector's)
     */
    public FaceBox alignedBox(double confidence) {
        FaceBox b = bounds();
        double padX = b.width() * ALIGNED_PADDING;
        double padY = b.height() * ALIGNED_PADDING;
        return new FaceBox(b.x() - padX / 2, b.y() - padY / 2, b.width() + padX, b.height() + padY, confidence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceLandmarks l && Arrays.equals(xy, l.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        FaceBox b = bounds();
        return String.format(java.util.Locale.ROOT, "FaceLandmarks[68 points in (%.1f, %.1f) %.1f x %.1f]", b.x(),
                b.y(), b.width(), b.height());
    }
}
