package org.affectiveprocesses.video.tracking;

import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * Finds hard cuts between consecutive frames by frame difference, with the score and default
 * threshold of FFmpeg's {@code scdet} filter: the mean absolute difference of the luma of two
 * consecutive frames as a percentage of its range (MAFD), and the score min(MAFD, |MAFD − MAFD of
 * the previous frame pair|), so that sustained motion (a high MAFD every frame) is not taken for a
 * cut. A frame whose score reaches the threshold (default {@value #DEFAULT_THRESHOLD}, scdet's)
 * starts a new shot. Luma is Y = 0.299 R + 0.587 G + 0.114 B, sampled every
 * {@value #STEP} pixels in each direction. A frame of another size than the previous one also
 * starts a new shot; the first frame does not (there is no shot before it). Not thread-safe: one
 * detector per video.
 */
public final class ShotCutDetector {
    /** FFmpeg scdet's default threshold, in percent of the luma range. */
    public static final double DEFAULT_THRESHOLD = 10.0;
    /** The sampling step in pixels. */
    public static final int STEP = 4;

    private final double threshold;
    private float[] previous;
    /** The samples of the frame before the previous one, whose memory the next frame reuses. */
    private float[] spare;
    /** One row of the frame being sampled. */
    private byte[] row = new byte[0];
    private int width;
    private int height;
    private double previousMafd;
    private double lastScore;

    /** A detector with the default threshold. */
    public ShotCutDetector() {
        this(DEFAULT_THRESHOLD);
    }

    /**
     * A detector.
     *
     * @param threshold the score (0-100) from which a frame starts a new shot
     */
    public ShotCutDetector(double threshold) {
        if (!(threshold > 0 && threshold <= 100)) {
            throw new IllegalArgumentException("the shot-cut threshold is a percentage in (0, 100], got " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Reads the next frame.
     *
     * @param frame the frame after the one given last
     * @return whether a new shot starts with this frame
     */
    public boolean isCut(RgbImage frame) {
        float[] luma = luma(frame, spare);
        boolean resized = previous != null && (frame.width() != width || frame.height() != height);
        boolean cut;
        if (previous == null || resized) {
            lastScore = resized ? 100 : 0;
            previousMafd = 0;
            cut = resized;
        } else {
            double sad = 0;
            for (int i = 0; i < luma.length; i++) {
                sad += Math.abs(luma[i] - previous[i]);
            }
            double mafd = sad / luma.length * 100 / 255;
            lastScore = Math.min(mafd, Math.abs(mafd - previousMafd));
            previousMafd = mafd;
            cut = lastScore >= threshold;
        }
        spare = previous;
        previous = luma;
        width = frame.width();
        height = frame.height();
        return cut;
    }

    /** The score of the last frame read (0 for the first). */
    public double lastScore() {
        return lastScore;
    }

    /** The frame's sampled luma, written into {@code into} when it has the size. */
    private float[] luma(RgbImage frame, float[] into) {
        int w = frame.width();
        int h = frame.height();
        int size = ((w + STEP - 1) / STEP) * ((h + STEP - 1) / STEP);
        float[] out = into != null && into.length == size ? into : new float[size];
        if (row.length != w * 3) {
            row = new byte[w * 3];
        }
        int n = 0;
        for (int y = 0; y < h; y += STEP) {
            frame.copyTo(new RgbImage.Region(0, y, w, 1), row, 0);
            for (int x = 0; x < w; x += STEP) {
                out[n++] = 0.299f * (row[3 * x] & 0xFF) + 0.587f * (row[3 * x + 1] & 0xFF)
                        + 0.114f * (row[3 * x + 2] & 0xFF);
            }
        }
        return out;
    }
}
