package org.affectiveprocesses.api.backbone;

import java.util.Arrays;

/**
 * An 8-bit RGB image, rows top to bottom, pixels interleaved R, G, B. Immutable (an image made on
 * storage its maker reuses, {@link #fromRows(int, int, java.nio.ByteBuffer, int, byte[])}, for as
 * long as its maker promises).
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] rgb;

    private RgbImage(int width, int height, byte[] rgb) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs "
                    + (width * height * 3) + " bytes, got " + rgb.length);
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** Wraps a copy of interleaved RGB bytes. */
    public static RgbImage of(int width, int height, byte[] rgb) {
        return new RgbImage(width, height, rgb.clone());
    }

    /**
     * Copies an image out of a buffer of rows that may be padded (as decoders hand frames over).
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @param rows interleaved RGB rows from index 0, row {@code y} starting at {@code y × stride}
     * @param stride the distance between row starts in bytes, at least {@code 3 × width}
     * @throws IllegalArgumentException if the stride is too short or the buffer too small
     */
    public static RgbImage fromRows(int width, int height, java.nio.ByteBuffer rows, int stride) {
        checkRows(width, height, rows, stride);
        return copyRows(width, height, rows, stride, new byte[width * height * 3]);
    }

    /**
     * Copies an image out of a buffer of rows into given storage, which the image then wraps: for
     * decoders that reuse the memory of frames their consumer has finished with. The image is
     * immutable only while nobody writes to {@code storage}: the caller hands it over and must not
     * touch it until every user of the image is done with it.
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @param rows interleaved RGB rows from index 0, row {@code y} starting at {@code y × stride}
     * @param stride the distance between row starts in bytes, at least {@code 3 × width}
     * @param storage exactly {@code width × height × 3} bytes, overwritten
     * @throws IllegalArgumentException if the stride is too short, the buffer too small or the
     *     storage of another size
     */
    public static RgbImage fromRows(int width, int height, java.nio.ByteBuffer rows, int stride, byte[] storage) {
        checkRows(width, height, rows, stride);
        if (storage.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image needs "
                    + (width * height * 3) + " bytes of storage, got " + storage.length);
        }
        return copyRows(width, height, rows, stride, storage);
    }

    private static void checkRows(int width, int height, java.nio.ByteBuffer rows, int stride) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (stride < 3 * width || rows.limit() < (long) stride * (height - 1) + 3L * width) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB image with rows " + stride
                    + " bytes apart needs " + ((long) stride * (height - 1) + 3L * width) + " bytes, the buffer has "
                    + rows.limit());
        }
    }

    private static RgbImage copyRows(int width, int height, java.nio.ByteBuffer rows, int stride, byte[] out) {
        for (int y = 0; y < height; y++) {
            rows.get(y * stride, out, y * width * 3, width * 3);
        }
        return new RgbImage(width, height, out);
    }

    /** Builds an image from packed 0xRRGGBB ints (as {@code BufferedImage.getRGB} returns). */
    public static RgbImage fromPackedRgb(int width, int height, int[] packed) {
        if (packed.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs "
                    + (width * height) + " pixels, got " + packed.length);
        }
        byte[] out = new byte[packed.length * 3];
        for (int i = 0; i < packed.length; i++) {
            out[3 * i] = (byte) (packed[i] >> 16);
            out[3 * i + 1] = (byte) (packed[i] >> 8);
            out[3 * i + 2] = (byte) packed[i];
        }
        return new RgbImage(width, height, out);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** Channel {@code c} (0 = R, 1 = G, 2 = B) of pixel (x, y), 0-255. */
    public int get(int x, int y, int c) {
        if (x < 0 || x >= width || y < 0 || y >= height || c < 0 || c > 2) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ", " + c + ") outside "
                    + width + "x" + height);
        }
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }

    /** A copy of the interleaved bytes. */
    public byte[] toBytes() {
        return rgb.clone();
    }

    /**
     * Writes the interleaved bytes into a buffer (a native one, say) at its position, which
     * advances by {@code width × height × 3}.
     *
     * @throws java.nio.BufferOverflowException if the buffer has less room than that
     */
    public void copyTo(java.nio.ByteBuffer target) {
        target.put(rgb);
    }

    /**
     * A rectangle of whole pixels inside an image.
     *
     * @param x the left column
     * @param y the top row
     * @param width the width in pixels, at least 1
     * @param height the height in pixels, at least 1
     */
    public record Region(int x, int y, int width, int height) {
    }

    /**
     * The pixels of the image inside a box: the box rounded outwards and clipped to the image.
     *
     * @throws IllegalArgumentException if the box does not overlap the image
     */
    public Region region(FaceBox box) {
        int x0 = Math.max(0, (int) Math.floor(box.x()));
        int y0 = Math.max(0, (int) Math.floor(box.y()));
        int x1 = Math.min(width, (int) Math.ceil(box.x() + box.width()));
        int y1 = Math.min(height, (int) Math.ceil(box.y() + box.height()));
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("box " + box + " lies outside the " + width + "x" + height + " image");
        }
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * Checks that a region lies inside the image.
     *
     * @throws IllegalArgumentException naming the region and the image size if it does not
     */
    public void requireInside(Region region) {
        if (region.width() < 1 || region.height() < 1 || region.x() < 0 || region.y() < 0
                || (long) region.x() + region.width() > width || (long) region.y() + region.height() > height) {
            throw new IllegalArgumentException(region + " is not inside the " + width + "x" + height + " image");
        }
    }

    /**
     * Copies the pixels of a region into an array, its rows one after another ({@code 3 × width}
     * bytes each), interleaved R, G, B.
     *
     * @param region a region inside the image
     * @param target where to write
     * @param offset the index of the first byte written
     * @throws IllegalArgumentException if the region is not inside the image or the target has no
     *     room for it at the offset
     */
    public void copyTo(Region region, byte[] target, int offset) {
        requireInside(region);
        int row = region.width() * 3;
        if (offset < 0 || offset > target.length - (long) row * region.height()) {
            throw new IllegalArgumentException("no room for " + (long) row * region.height() + " bytes at " + offset
                    + " in " + target.length);
        }
        for (int y = 0; y < region.height(); y++) {
            System.arraycopy(rgb, ((region.y() + y) * width + region.x()) * 3, target, offset + y * row, row);
        }
    }

    /**
     * The part of the image inside a box ({@link #region}: clipped to the image, rounded outwards).
     *
     * @throws IllegalArgumentException if the box does not overlap the image
     */
    public RgbImage crop(FaceBox box) {
        Region r = region(box);
        byte[] out = new byte[r.width() * r.height() * 3];
        copyTo(r, out, 0);
        return new RgbImage(r.width(), r.height(), out);
    }

    /** A bilinear resize to {@code w × h}. */
    public RgbImage resize(int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + w + "x" + h);
        }
        byte[] out = new byte[w * h * 3];
        double sx = (double) width / w;
        double sy = (double) height / h;
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int yA = Math.min(height - 1, (int) fy);
            int yB = Math.min(height - 1, yA + 1);
            double wy = fy - yA;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int xA = Math.min(width - 1, (int) fx);
                int xB = Math.min(width - 1, xA + 1);
                double wx = fx - xA;
                for (int c = 0; c < 3; c++) {
                    double top = (rgb[(yA * width + xA) * 3 + c] & 0xFF) * (1 - wx)
                            + (rgb[(yA * width + xB) * 3 + c] & 0xFF) * wx;
                    double bottom = (rgb[(yB * width + xA) * 3 + c] & 0xFF) * (1 - wx)
                            + (rgb[(yB * width + xB) * 3 + c] & 0xFF) * wx;
                    out[(y * w + x) * 3 + c] = (byte) Math.round(top * (1 - wy) + bottom * wy);
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage i && width == i.width && height == i.height && Arrays.equals(rgb, i.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
