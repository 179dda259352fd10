package org.affectiveprocesses.video.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.video.tracking.ShotCutDetector;

/**
 * Tells whether the picture inside the faces' boxes has changed since the detector found them,
 * so that a face that vanishes between detections without a shot cut (a cut-away of part of the
 * frame, a face covered or turned away) sends {@link DetectionStage} back to its detector at once.
 * The measure is a shot cut's, inside each box: the mean absolute difference of luma (Y = 0.299 R
 * + 0.587 G + 0.114 B) at {@value #GRID} × {@value #GRID} points of the box as a percentage of its
 * range, against {@link ShotCutDetector#DEFAULT_THRESHOLD}. Not thread-safe.
 */
final class FaceRegionChange {
    /** Points per side of a box. */
    static final int GRID = 16;

    private List<float[]> reference = List.of();

    /** Remembers the picture inside the boxes the detector just found. */
    void detected(RgbImage frame, List<FaceBox> boxes) {
        List<float[]> r = new ArrayList<>(boxes.size());
        for (FaceBox b : boxes) {
            r.add(luma(frame, b));
        }
        reference = r;
    }

    /** Whether the picture inside any of the remembered boxes changed as much as at a shot cut. */
    boolean changed(RgbImage frame, List<FaceBox> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            float[] now = luma(frame, boxes.get(i));
            float[] then = reference.get(i);
            double sum = 0;
            for (int k = 0; k < now.length; k++) {
                sum += Math.abs(now[k] - then[k]);
            }
            if (sum / now.length * 100 / 255 >= ShotCutDetector.DEFAULT_THRESHOLD) {
                return true;
            }
        }
        return false;
    }

    /** Luma at the centres of a grid of cells over the box, clipped to the frame. */
    private static float[] luma(RgbImage frame, FaceBox box) {
        float[] out = new float[GRID * GRID];
        for (int gy = 0; gy < GRID; gy++) {
            int y = clamp(box.y() + (gy + 0.5) * box.height() / GRID, frame.height());
            for (int gx = 0; gx < GRID; gx++) {
                int x = clamp(box.x() + (gx + 0.5) * box.width() / GRID, frame.width());
                out[gy * GRID + gx] = 0.299f * frame.get(x, y, 0) + 0.587f * frame.get(x, y, 1)
                        + 0.114f * frame.get(x, y, 2);
            }
        }
        return out;
    }

    private static int clamp(double v, int size) {
        return Math.max(0, Math.min(size - 1, (int) v));
    }
}
