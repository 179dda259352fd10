package org.affectiveprocesses.synthetic;

import java.util.Arrays;
import java.util.List;

/**
 * The frames of one split the backbone head is fitted or validated on: at most {@code maxFrames}
 * evenly spaced over the split's videos in order, collected while the videos are rendered. Each
 * video writes only its own rows, so videos may be rendered in parallel.
 */
final class HeadSample {
    private final int cells;
    private final int dy;
    private final int[][] frames; // per video index in the corpus: the picked frames, ascending
    private final int[][] rows;   // per video index: the row each picked frame fills
    private final float[] x;
    private final float[] y;
    private final int n;

    private HeadSample(int cells, int dy, int[][] frames, int[][] rows, int n) {
        this.cells = cells;
        this.dy = dy;
        this.frames = frames;
        this.rows = rows;
        this.n = n;
        this.x = new float[n * cells];
        this.y = new float[n * dy];
    }

    /**
     * Plans the sample of one split.
     *
     * @param videos every video of the corpus, in order
     * @param split the split whose videos are sampled
     * @param maxFrames the most frames
     * @param cells the values per frame
     * @param dy the label size
     */
    static HeadSample plan(List<VideoRenderer.Video> videos, String split, int maxFrames, int cells, int dy) {
        long total = 0;
        for (VideoRenderer.Video v : videos) {
            if (v.split().equals(split)) {
                total += v.length();
            }
        }
        int n = (int) Math.min(total, maxFrames);
        int[][] frames = new int[videos.size()][];
        int[][] rows = new int[videos.size()][];
        int row = 0;
        long start = 0;
        for (int i = 0; i < videos.size(); i++) {
            VideoRenderer.Video v = videos.get(i);
            if (!v.split().equals(split)) {
                continue;
            }
            int first = row;
            while (row < n && (long) row * total / n < start + v.length()) {
                row++;
            }
            frames[i] = new int[row - first];
            rows[i] = new int[row - first];
            for (int r = first; r < row; r++) {
                frames[i][r - first] = (int) ((long) r * total / n - start);
                rows[i][r - first] = r;
            }
            start += v.length();
        }
        return new HeadSample(cells, dy, frames, rows, n);
    }

    /** Keeps a rendered frame if it is one of the sample's. */
    void offer(int video, int frame, float[] maps, float[] labels) {
        if (frames[video] == null) {
            return;
        }
        int k = Arrays.binarySearch(frames[video], frame);
        if (k >= 0) {
            int r = rows[video][k];
            System.arraycopy(maps, 0, x, r * cells, cells);
            System.arraycopy(labels, frame * dy, y, r * dy, dy);
        }
    }

    /** The collected rows, once every video of the split has been rendered. */
    RidgeHead.Rows rows() {
        return new RidgeHead.Rows(n, cells, dy, x, y);
    }
}
