package org.affectiveprocesses.video.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns BlazeFace's raw outputs into face boxes (pure Java, no native code).
 *
 * <p>The network (MediaPipe BlazeFace as converted to ONNX) sees an S × S image (S = 128 for the
 * front model, 256 for the back model) and predicts on two grids: 16 × 16 cells with 2 anchors each
 * and 8 × 8 cells with 6 anchors each, 896 anchors in all, every anchor centred in its cell. For
 * each anchor it gives a score logit and 16 numbers: the box centre offset (x, y) from the anchor
 * centre and the box size (w, h), in input pixels, then 6 key points (ignored here). A candidate
 * is kept when sigmoid(logit) ≥ the threshold; overlapping candidates (IoU ≥ 0.3) are blended:
 * their boxes averaged with their scores as weights, keeping the highest score (MediaPipe's
 * "weighted" non-maximum suppression).
 */
public final class BlazeFaceDecoder {
    /** Grid cells per row of the first output. */
    public static final int GRID1 = 16;
    /** Anchors per cell of the first output. */
    public static final int ANCHORS1 = 2;
    /** Grid cells per row of the second output. */
    public static final int GRID2 = 8;
    /** Anchors per cell of the second output. */
    public static final int ANCHORS2 = 6;
    /** Values per anchor in the box outputs. */
    public static final int BOX_VALUES = 16;
    /** Candidates overlapping at least this much are blended. */
    public static final double NMS_IOU = 0.3;

    private BlazeFaceDecoder() {
    }

    /**
     * A face in the network's input pixels, centre form.
     *
     * @param cx centre x
     * @param cy centre y
     * @param w width
     * @param h height
     * @param score the probability, in [0, 1]
     */
    public record Candidate(double cx, double cy, double w, double h, double score) {
        double iou(Candidate o) {
            double ix = Math.max(0, Math.min(cx + w / 2, o.cx + o.w / 2) - Math.max(cx - w / 2, o.cx - o.w / 2));
            double iy = Math.max(0, Math.min(cy + h / 2, o.cy + o.h / 2) - Math.max(cy - h / 2, o.cy - o.h / 2));
            double inter = ix * iy;
            double union = w * h + o.w * o.h - inter;
            return union <= 0 ? 0 : inter / union;
        }
    }

    /**
     * Decodes one output grid.
     *
     * @param scores the score logits, one per anchor
     * @param boxes {@value #BOX_VALUES} values per anchor
     * @param grid cells per row
     * @param anchors anchors per cell
     * @param inputSize S, the network's input side in pixels
     * @param threshold the lowest probability kept
     * @param out receives the kept candidates
     */
    public static void decode(float[] scores, float[] boxes, int grid, int anchors, int inputSize,
            double threshold, List<Candidate> out) {
        int n = grid * grid * anchors;
        if (scores.length != n || boxes.length != n * BOX_VALUES) {
            throw new IllegalArgumentException("a " + grid + "x" + grid + "x" + anchors + " grid needs "
                    + n + " scores and " + n * BOX_VALUES + " box values, got " + scores.length + " and "
                    + boxes.length);
        }
        int i = 0;
        for (int y = 0; y < grid; y++) {
            for (int x = 0; x < grid; x++) {
                for (int a = 0; a < anchors; a++, i++) {
                    double p = 1 / (1 + Math.exp(-scores[i]));
                    if (p < threshold) {
                        continue;
                    }
                    double ax = (x + 0.5) / grid * inputSize;
                    double ay = (y + 0.5) / grid * inputSize;
                    int b = i * BOX_VALUES;
                    double w = boxes[b + 2];
                    double h = boxes[b + 3];
                    if (w > 0 && h > 0) {
                        out.add(new Candidate(ax + boxes[b], ay + boxes[b + 1], w, h, p));
                    }
                }
            }
        }
    }

    /**
     * Blends overlapping candidates (weighted non-maximum suppression).
     *
     * @param candidates the candidates of all grids
     * @return one candidate per face, most confident first
     */
    public static List<Candidate> blend(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
        boolean[] used = new boolean[sorted.size()];
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (used[i]) {
                continue;
            }
            Candidate top = sorted.get(i);
            double cx = 0;
            double cy = 0;
            double w = 0;
            double h = 0;
            double total = 0;
            for (int j = i; j < sorted.size(); j++) {
                Candidate c = sorted.get(j);
                if (used[j] || (j != i && top.iou(c) < NMS_IOU)) {
                    continue;
                }
                used[j] = true;
                cx += c.cx * c.score;
                cy += c.cy * c.score;
                w += c.w * c.score;
                h += c.h * c.score;
                total += c.score;
            }
            out.add(new Candidate(cx / total, cy / total, w / total, h / total, top.score));
        }
        return out;
    }
}
