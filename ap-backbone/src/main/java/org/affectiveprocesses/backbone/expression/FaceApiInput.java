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
    /** The number of values of one input: {@code 112 × 112 × 3}. */
    public static final int VALUES = SIZE * SIZE * 3;
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
        float[] out = new float[VALUES];
        write(face, new RgbImage.Region(0, 0, face.width(), face.height()), out, 0);
        return out;
    }

    /**
     * Writes the network input of a part of an image, as {@link #fromImage} would make it from that
     * part cut out, without cutting it out.
     *
     * @param image the image
     * @param region the part (as {@link RgbImage#region} gives it)
     * @param out where to write
     * @param offset the index of the first of the {@value #VALUES} values written
     * @throws IllegalArgumentException if the region is not inside the image or {@code out} has no
     *     room at {@code offset}
     */
    public static void write(RgbImage image, RgbImage.Region region, float[] out, int offset) {
        if (offset < 0 || offset > out.length - VALUES) {
            throw new IllegalArgumentException("no room for " + VALUES + " values at " + offset + " in "
                    + out.length);
        }
        image.requireInside(region);
        int size = region.width() * region.height() * 3;
        byte[] pixels = PIXELS.get();
        if (pixels.length < size) {
            pixels = new byte[size];
            PIXELS.set(pixels);
        }
        image.copyTo(region, pixels, 0);
        sample(pixels, null, region.height(), region.width(), out, offset);
    }

    /**
     * Each thread's buffer for the pixels of the region it samples, grown to the largest region the
     * thread has sampled (a face crop, at most a frame).
     */
    private static final ThreadLocal<byte[]> PIXELS = ThreadLocal.withInitial(() -> new byte[0]);

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
        if (height < 1 || width < 1 || hwc.length != (long) height * width * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs "
                    + (long) width * height * 3 + " values, got " + hwc.length);
        }
        float[] out = new float[VALUES];
        sample(null, hwc, height, width, out, 0);
        return out;
    }

    /**
     * Samples a {@code width × height} picture given as 8-bit values ({@code bytes}, of which the
     * first {@code width × height × 3} are read) or as float values ({@code floats}), the other null.
     */
    private static void sample(byte[] bytes, float[] floats, int height, int width, float[] out, int offset) {
        // The square the picture is padded to (black), sampled in one pass without building it: the
        // offsets of the source rows and columns each output row and column reads (-1 in the black
        // border), computed once.
        int side = Math.max(height, width);
        int diff = Math.abs(height - width);
        int before = diff - (int) Math.floor(diff * 0.5 + 0.5);
        int offX = height > width ? before : 0;
        int offY = height > width ? 0 : before;
        double ratio = (double) side / SIZE;
        int[] left = new int[SIZE];
        int[] right = new int[SIZE];
        double[] colFrac = new double[SIZE];
        for (int c = 0; c < SIZE; c++) {
            double fc = ratio * c;
            int c0 = Math.max(0, (int) Math.floor(fc));
            int c1 = Math.min(side - 1, (int) Math.ceil(fc));
            left[c] = offset(c0 - offX, width, 3);
            right[c] = offset(c1 - offX, width, 3);
            colFrac[c] = fc - c0;
        }
        int o = offset;
        for (int r = 0; r < SIZE; r++) {
            double fr = ratio * r;
            int r0 = Math.max(0, (int) Math.floor(fr));
            int r1 = Math.min(side - 1, (int) Math.ceil(fr));
            double rowFrac = fr - r0;
            int upper = offset(r0 - offY, height, width * 3);
            int lower = offset(r1 - offY, height, width * 3);
            for (int c = 0; c < SIZE; c++) {
                double f = colFrac[c];
                for (int d = 0; d < 3; d++) {
                    double topLeft = at(bytes, floats, upper, left[c], d);
                    double topRight = at(bytes, floats, upper, right[c], d);
                    double bottomLeft = at(bytes, floats, lower, left[c], d);
                    double bottomRight = at(bytes, floats, lower, right[c], d);
                    double top = topLeft + (topRight - topLeft) * f;
                    double bottom = bottomLeft + (bottomRight - bottomLeft) * f;
                    float resized = (float) (top + (bottom - top) * rowFrac);
                    float centred = resized - MEAN_RGB[d];
                    out[o++] = centred / 255f;
                }
            }
        }
    }

    /** The offset of row or column {@code i} of a side of {@code n}, {@code stride} values apart; -1 outside. */
    private static int offset(int i, int n, int stride) {
        return i < 0 || i >= n ? -1 : i * stride;
    }

    /** A value of the padded square: the picture's, or black outside it (a row or column offset of -1). */
    private static double at(byte[] bytes, float[] floats, int row, int column, int d) {
        if (row < 0 || column < 0) {
            return 0;
        }
        return bytes != null ? bytes[row + column + d] & 0xFF : floats[row + column + d];
    }
}
