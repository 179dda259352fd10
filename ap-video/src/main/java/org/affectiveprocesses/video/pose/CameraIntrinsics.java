package org.affectiveprocesses.video.pose;

/**
 * A pinhole camera without lens distortion: focal lengths and principal point in pixels.
 *
 * @param fx focal length along x (pixels, positive)
 * @param fy focal length along y (pixels, positive)
 * @param cx principal point x
 * @param cy principal point y
 */
public record CameraIntrinsics(double fx, double fy, double cx, double cy) {
    /** Validates. */
    public CameraIntrinsics {
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(fx) || !Double.isFinite(fy) || !Double.isFinite(cx)
                || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("camera intrinsics need positive finite focal lengths and a finite"
                    + " principal point, got fx " + fx + ", fy " + fy + ", cx " + cx + ", cy " + cy);
        }
    }

    /**
     * The guess OpenFace makes when no calibration is given: a focal length of 500 pixels for a
     * 640 × 480 image, scaled with the image (the mean of 500 · width / 640 and 500 · height / 480,
     * for both axes), principal point at the image centre.
     *
     * @param width the frame width in pixels
     * @param height the frame height in pixels
     */
    public static CameraIntrinsics guess(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        double f = (500.0 * width / 640.0 + 500.0 * height / 480.0) / 2;
        return new CameraIntrinsics(f, f, width / 2.0, height / 2.0);
    }
}
