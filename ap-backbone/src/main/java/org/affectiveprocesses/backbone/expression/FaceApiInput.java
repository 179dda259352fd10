package org.affectiveprocesses.backbone.expression;

import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * Turns a face crop into the input of face-api's networks ({@link FaceApiNetwork}: the expression
 * and the landmark network) exactly as face-api does for an image tensor: pad
 * the shorter side with black to a square (centred: {@code round(d/2)} columns or rows after the
 * image, the rest before), resize to 112 × 112 with TensorFlow's bilinear rule (no corner
 * alignment, no half-pixel centres: source = destination · in/out), subtract the mean RGB
 * (122.782, 117.001, 104.298) and divide by 255. Arithmetic follows TF.js's CPU kernels
 * (double intermediates rounded to float32 per op), so the Java input matches the original's.
 */
public final class FaceApiInput {
    /** The input side in pixels. */
    public static final int SIZE = 112;
    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private FaceApiInput() {
    }

    /**
     * The network input of a face crop.
     *
     * @param face the face crop (any size)
     * @return {@code 112 × 112 × 3} values, rows top to bottom, channels R, G, B
     */
    public static float[] fromImage(RgbImage face) {
        int w = face.width();
        int h = face.height();
        byte[] rgb = face.toBytes();
        float[] pixels = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            pixels[i] = rgb[i] & 0xFF;
        }
        return fromPixels(pixels, h, w);
    }

    /**
     * The network input of an image given as float pixel values 0-255.
     *
     * @param hwc {@code height × width × 3} values, rows top to bottom, channels R, G, B
     * @param height the image height
     * @param width the image width
     * @return {@code 112 × 112 × 3} normalised values
     * @throws IllegalArgumentException if the sizes do not match
     */
    public static float[] fromPixels(float[] hwc, int height, int width) {
        if (height < 1 || width < 1 || hwc.length != height * width * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs "
                    + (long) width * height * 3 + " values, got " + hwc.length);
        }
        // The square the image is padded to (black), sampled in one pass without building it.
        int side = Math.max(height, width);
        int diff = Math.abs(height - width);
        int before = diff - (int) Math.floor(diff * 0.5 + 0.5);
        int offX = height > width ? before : 0;
        int offY = height > width ? 0 : before;
        double ratio = (double) side / SIZE;
        int[] c0 = new int[SIZE];
        int[] c1 = new int[SIZE];
        double[] colFrac = new double[SIZE];
        for (int c = 0; c < SIZE; c++) {
            double fc = ratio * c;
            c0[c] = Math.max(0, (int) Math.floor(fc));
            c1[c] = Math.min(side - 1, (int) Math.ceil(fc));
            colFrac[c] = fc - c0[c];
        }
        float[] out = new float[SIZE * SIZE * 3];
        int o = 0;
        for (int r = 0; r < SIZE; r++) {
            double fr = ratio * r;
            int r0 = Math.max(0, (int) Math.floor(fr));
            int r1 = Math.min(side - 1, (int) Math.ceil(fr));
            double rowFrac = fr - r0;
            int y0 = r0 - offY;
            int y1 = r1 - offY;
            for (int c = 0; c < SIZE; c++) {
                int x0 = c0[c] - offX;
                int x1 = c1[c] - offX;
                for (int d = 0; d < 3; d++) {
                    double topLeft = at(hwc, height, width, y0, x0, d);
                    double topRight = at(hwc, height, width, y0, x1, d);
                    double bottomLeft = at(hwc, height, width, y1, x0, d);
                    double bottomRight = at(hwc, height, width, y1, x1, d);
                    double top = topLeft + (topRight - topLeft) * colFrac[c];
                    double bottom = bottomLeft + (bottomRight - bottomLeft) * colFrac[c];
                    float resized = (float) (top + (bottom - top) * rowFrac);
                    float centred = resized - MEAN_RGB[d];
                    out[o++] = centred / 255f;
                }
            }
        }
        return out;
    }

    /** A pixel of the padded square: the image's value, or black outside it. */
    private static double at(float[] hwc, int height, int width, int y, int x, int d) {
        return y < 0 || y >= height || x < 0 || x >= width ? 0 : hwc[(y * width + x) * 3 + d];
    }
}
