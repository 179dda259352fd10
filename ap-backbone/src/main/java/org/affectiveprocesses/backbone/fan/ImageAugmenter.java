package org.affectiveprocesses.backbone.fan;

import java.util.Objects;
import java.util.Random;

/**
 * Applies an {@link Augmentation} to one image held as {@code [3, S, S]} floats in [0, 1]
 * (RGB planes). The crop, flip and rotation are combined into one inverse mapping sampled
 * bilinearly (pixels that fall outside the source are black); then brightness, contrast and
 * saturation are jittered (in that order), values clipped to [0, 1], and the image is turned
 * grey (BT.601 luma) with the given probability. Draws come from the caller's {@link Random}, so a
 * seeded run is reproducible.
 */
public final class ImageAugmenter {
    private final Augmentation augmentation;

    /**
     * @param augmentation what to apply
     */
    public ImageAugmenter(Augmentation augmentation) {
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
    }

    /**
     * An augmented copy.
     *
     * @param image {@code 3 × size × size} values, RGB planes
     * @param size the image's side
     * @param random the source of the random draws
     */
    public float[] apply(float[] image, int size, Random random) {
        if (image.length != 3 * size * size) {
            throw new IllegalArgumentException("a 3x" + size + "x" + size + " image needs " + 3 * size * size
                    + " values, got " + image.length);
        }
        Augmentation a = augmentation;
        if (a.isIdentity()) {
            return image.clone();
        }
        float[] out = geometry(image, size, random);
        jitter(out, size * size, random);
        if (random.nextDouble() < a.greyProbability()) {
            grey(out, size * size);
        }
        return out;
    }

    private float[] geometry(float[] src, int size, Random random) {
        Augmentation a = augmentation;
        double crop = a.cropFraction() * size;
        double ox = random.nextDouble() * (size - crop);
        double oy = random.nextDouble() * (size - crop);
        boolean flip = a.flip() && random.nextBoolean();
        double angle = Math.toRadians((2 * random.nextDouble() - 1) * a.maxRotationDegrees());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double scale = crop / size;
        double centre = (size - 1) / 2.0;
        int plane = size * size;
        float[] out = new float[3 * plane];
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double x = (flip ? size - 1 - u : u) - centre;
                double y = v - centre;
                double rx = cos * x - sin * y;
                double ry = sin * x + cos * y;
                double sx = (rx + centre + 0.5) * scale - 0.5 + ox;
                double sy = (ry + centre + 0.5) * scale - 0.5 + oy;
                for (int c = 0; c < 3; c++) {
                    out[c * plane + v * size + u] = sample(src, c * plane, size, sx, sy);
                }
            }
        }
        return out;
    }

    private static float sample(float[] src, int offset, int size, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * at(src, offset, size, x0, y0) + fx * at(src, offset, size, x0 + 1, y0))
                + fy * ((1 - fx) * at(src, offset, size, x0, y0 + 1) + fx * at(src, offset, size, x0 + 1, y0 + 1)));
    }

    private static float at(float[] src, int offset, int size, int x, int y) {
        return x < 0 || y < 0 || x >= size || y >= size ? 0f : src[offset + y * size + x];
    }

    private void jitter(float[] img, int plane, Random random) {
        Augmentation a = augmentation;
        float b = (float) (1 + (2 * random.nextDouble() - 1) * a.brightness());
        float k = (float) (1 + (2 * random.nextDouble() - 1) * a.contrast());
        float s = (float) (1 + (2 * random.nextDouble() - 1) * a.saturation());
        double greySum = 0;
        for (int i = 0; i < plane; i++) {
            greySum += luma(img, plane, i) * b;
        }
        float meanGrey = (float) (greySum / plane);
        for (int i = 0; i < plane; i++) {
            float r = clip((clip(img[i] * b) - meanGrey) * k + meanGrey);
            float g = clip((clip(img[plane + i] * b) - meanGrey) * k + meanGrey);
            float bl = clip((clip(img[2 * plane + i] * b) - meanGrey) * k + meanGrey);
            float l = 0.299f * r + 0.587f * g + 0.114f * bl;
            img[i] = clip(l + (r - l) * s);
            img[plane + i] = clip(l + (g - l) * s);
            img[2 * plane + i] = clip(l + (bl - l) * s);
        }
    }

    private static void grey(float[] img, int plane) {
        for (int i = 0; i < plane; i++) {
            float l = luma(img, plane, i);
            img[i] = l;
            img[plane + i] = l;
            img[2 * plane + i] = l;
        }
    }

    private static float luma(float[] img, int plane, int i) {
        return 0.299f * img[i] + 0.587f * img[plane + i] + 0.114f * img[2 * plane + i];
    }

    private static float clip(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
