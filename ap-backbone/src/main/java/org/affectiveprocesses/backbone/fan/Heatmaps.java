package org.affectiveprocesses.backbone.fan;

/**
 * Landmark heatmaps for heatmap regression (as FAN is trained): one map per landmark with an
 * unnormalised Gaussian (peak 1) at the landmark, and the inverse, the landmark at each map's
 * maximum.
 */
public final class Heatmaps {
    private Heatmaps() {
    }

    /**
     * The Gaussian spread, in map pixels, used for maps of this size: 1 pixel at 64 × 64 (FAN's
     * choice), scaled with the map and at least 1.
     */
    public static double sigma(int mapSize) {
        return Math.max(1.0, mapSize / 64.0);
    }

    /**
     * Renders target heatmaps.
     *
     * @param landmarks x, y pairs in pixel coordinates of a {@code width × height} image
     * @param width the image's width
     * @param height the image's height
     * @param mapSize the side of each square map
     * @return {@code [L, mapSize, mapSize]} values, row-major
     */
    public static float[] render(float[] landmarks, int width, int height, int mapSize) {
        int count = landmarks.length / 2;
        double sigma = sigma(mapSize);
        double inv = 1.0 / (2 * sigma * sigma);
        float[] out = new float[count * mapSize * mapSize];
        for (int l = 0; l < count; l++) {
            double cx = toMap(landmarks[2 * l], width, mapSize);
            double cy = toMap(landmarks[2 * l + 1], height, mapSize);
            int base = l * mapSize * mapSize;
            for (int y = 0; y < mapSize; y++) {
                double dy = (y - cy) * (y - cy);
                for (int x = 0; x < mapSize; x++) {
                    double d = (x - cx) * (x - cx) + dy;
                    out[base + y * mapSize + x] = (float) Math.exp(-d * inv);
                }
            }
        }
        return out;
    }

    /**
     * The landmark positions at each map's maximum, in pixel coordinates of a {@code width ×
     * height} image.
     *
     * @param maps {@code [L, mapSize, mapSize]} values, row-major
     * @param mapSize the side of each map
     * @param width the image's width
     * @param height the image's height
     * @return x, y pairs
     */
    public static float[] peaks(float[] maps, int mapSize, int width, int height) {
        int area = mapSize * mapSize;
        int count = maps.length / area;
        float[] out = new float[2 * count];
        for (int l = 0; l < count; l++) {
            int best = 0;
            for (int i = 1; i < area; i++) {
                if (maps[l * area + i] > maps[l * area + best]) {
                    best = i;
                }
            }
            out[2 * l] = (float) fromMap(best % mapSize, width, mapSize);
            out[2 * l + 1] = (float) fromMap(best / mapSize, height, mapSize);
        }
        return out;
    }

    private static double toMap(double pixel, int imageSize, int mapSize) {
        return (pixel + 0.5) * mapSize / imageSize - 0.5;
    }

    private static double fromMap(double cell, int imageSize, int mapSize) {
        return (cell + 0.5) * imageSize / mapSize - 0.5;
    }
}
