package org.affectiveprocesses.api.backbone;

/**
 * A face found in a frame, in pixel coordinates of that frame.
 *
 * @param x left edge
 * @param y top edge
 * @param width box width (> 0)
 * @param height box height (> 0)
 * @param confidence the detector's confidence in [0, 1]
 */
public record FaceBox(double x, double y, double width, double height, double confidence) {
    /** @throws IllegalArgumentException if the box is empty or a value is not finite */
    public FaceBox {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("bad face box " + x + "," + y + " " + width + "x" + height);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("face confidence must be in [0, 1], got " + confidence);
        }
    }

    /** The box's area in square pixels. */
    public double area() {
        return width * height;
    }

    /** Intersection over union with another box. */
    public double iou(FaceBox o) {
        double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = ix * iy;
        return inter / (area() + o.area() - inter);
    }
}
