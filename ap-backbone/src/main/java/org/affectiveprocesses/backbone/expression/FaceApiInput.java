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
        int side = Math.max(height, width);
        float[] square = padToSquare(hwc, height, width, side);
        float[] resized = side == SIZE ? square : resizeBilinear(square, side, side, SIZE, SIZE);
        float[] out = new float[SIZE * SIZE * 3];
        for (int i = 0; i < out.length; i++) {
            float centred = resized[i] - MEAN_RGB[i % 3];
            out[i] = centred / 255f;
        }
        return out;
    }

    private static float[] padToSquare(float[] hwc, int h, int w, int side) {
        if (h == w) {
            return hwc;
        }
        int diff = Math.abs(h - w);
        int after = (int) Math.floor(diff * 0.5 + 0.5);
        int before = diff - after;
        float[] out = new float[side * side * 3];
        int offX = h > w ? before : 0;
        int offY = h > w ? 0 : before;
        for (int y = 0; y < h; y++) {
            System.arraycopy(hwc, y * w * 3, out, ((y + offY) * side + offX) * 3, w * 3);
        }
        return out;
    }

    private static float[] resizeBilinear(float[] in, int inH, int inW, int outH, int outW) {
        float[] out = new float[outH * outW * 3];
        double rowRatio = (double) inH / outH;
        double colRatio = (double) inW / outW;
        int o = 0;
        for (int r = 0; r < outH; r++) {
            double fr = rowRatio * r;
            int r0 = Math.max(0, (int) Math.floor(fr));
            double rowFrac = fr - r0;
            int r1 = Math.min(inH - 1, (int) Math.ceil(fr));
            for (int c = 0; c < outW; c++) {
                double fc = colRatio * c;
                int c0 = Math.max(0, (int) Math.floor(fc));
                double colFrac = fc - c0;
                int c1 = Math.min(inW - 1, (int) Math.ceil(fc));
                for (int d = 0; d < 3; d++) {
                    double topLeft = in[(r0 * inW + c0) * 3 + d];
                    double topRight = in[(r0 * inW + c1) * 3 + d];
                    double bottomLeft = in[(r1 * inW + c0) * 3 + d];
                    double bottomRight = in[(r1 * inW + c1) * 3 + d];
                    double top = topLeft + (topRight - topLeft) * colFrac;
                    double bottom = bottomLeft + (bottomRight - bottomLeft) * colFrac;
                    out[o++] = (float) (top + (bottom - top) * rowFrac);
                }
            }
        }
        return out;
    }
}
