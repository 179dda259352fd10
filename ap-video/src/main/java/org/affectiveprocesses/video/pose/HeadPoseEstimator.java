package org.affectiveprocesses.video.pose;

import java.util.Optional;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Head pose from facial landmarks: the rotation and translation that project a generic 3-D face
 * ({@link GenericFaceModel}: nose tip, chin, outer eye corners, mouth corners) onto the landmarks
 * found in the image, solved with OpenCV's {@code solvePnP} (iterative Levenberg-Marquardt
 * minimisation of the reprojection error) for a pinhole camera ({@link CameraIntrinsics}).
 * Stateless and thread-safe; native memory is released at the end of each call.
 */
public final class HeadPoseEstimator {
    private static final double[] MODEL = GenericFaceModel.pointsMm();

    /** An estimator; loads OpenCV's calib3d natives now rather than at the first face. */
    public HeadPoseEstimator() {
        loadNatives();
    }

    /** Loads OpenCV's calib3d natives (once per process; the first time takes a tenth of a second or more). */
    public static void loadNatives() {
        Loader.load(opencv_calib3d.class);
    }

    /**
     * The pose of a face.
     *
     * @param landmarks the face's 68 landmarks in frame pixels
     * @param camera the camera that took the frame
     * @return the pose, or empty if OpenCV finds none in front of the camera
     */
    public Optional<HeadPose> estimate(FaceLandmarks landmarks, CameraIntrinsics camera) {
        int n = GenericFaceModel.LANDMARKS.length;
        double[] image = new double[2 * n];
        for (int i = 0; i < n; i++) {
            image[2 * i] = landmarks.x(GenericFaceModel.LANDMARKS[i]);
            image[2 * i + 1] = landmarks.y(GenericFaceModel.LANDMARKS[i]);
        }
        return solve(MODEL, image, camera);
    }

    /**
     * The pose that projects 3-D points onto image points: Levenberg-Marquardt from a start in
     * front of the camera, facing it, at the depth where the model's width matches the points'.
     *
     * @param object n × 3 model coordinates in mm (x right, y down, z away from the camera)
     * @param image n × 2 pixel coordinates
     * @param camera the camera
     * @return the pose, or empty if OpenCV finds none in front of the camera
     */
    @SuppressWarnings("try") // the scope releases every Mat made inside it
    static Optional<HeadPose> solve(double[] object, double[] image, CameraIntrinsics camera) {
        int n = object.length / 3;
        double[] start = start(object, image, camera);
        try (PointerScope scope = new PointerScope();
                DoublePointer objectData = new DoublePointer(object);
                DoublePointer imageData = new DoublePointer(image);
                DoublePointer cameraData = new DoublePointer(camera.fx(), 0, camera.cx(), 0, camera.fy(), camera.cy(),
                        0, 0, 1);
                DoublePointer rvecData = new DoublePointer(0, 0, 0);
                DoublePointer tvecData = new DoublePointer(start)) {
            Mat objectPoints = new Mat(n, 3, opencv_core.CV_64F, objectData);
            Mat imagePoints = new Mat(n, 2, opencv_core.CV_64F, imageData);
            Mat cameraMatrix = new Mat(3, 3, opencv_core.CV_64F, cameraData);
            Mat rvec = new Mat(3, 1, opencv_core.CV_64F, rvecData);
            Mat tvec = new Mat(3, 1, opencv_core.CV_64F, tvecData);
            boolean ok = opencv_calib3d.solvePnP(objectPoints, imagePoints, cameraMatrix, new Mat(), rvec, tvec,
                    true, opencv_calib3d.SOLVEPNP_ITERATIVE);
            double tz = tvecData.get(2);
            if (!ok || !(tz > 0)) {
                return Optional.empty();
            }
            Mat rotation = new Mat();
            opencv_calib3d.Rodrigues(rvec, rotation);
            double[] r = new double[9];
            try (DoubleIndexer ri = rotation.createIndexer()) {
                for (int i = 0; i < 9; i++) {
                    r[i] = ri.get(i / 3, i % 3);
                }
            }
            return Optional.of(HeadPose.of(r, tvecData.get(0), tvecData.get(1), tz));
        }
    }

    /**
     * A translation to start from: the model facing the camera at the depth where its spread
     * (root mean square distance from its centroid, in x and y) matches the image points', its
     * centroid on the image points' centroid.
     */
    private static double[] start(double[] object, double[] image, CameraIntrinsics camera) {
        int n = object.length / 3;
        double mx = 0;
        double my = 0;
        double ix = 0;
        double iy = 0;
        for (int i = 0; i < n; i++) {
            mx += object[3 * i] / n;
            my += object[3 * i + 1] / n;
            ix += image[2 * i] / n;
            iy += image[2 * i + 1] / n;
        }
        double modelSpread = 0;
        double imageSpread = 0;
        for (int i = 0; i < n; i++) {
            modelSpread += sq(object[3 * i] - mx) + sq(object[3 * i + 1] - my);
            imageSpread += sq((image[2 * i] - ix) / camera.fx()) + sq((image[2 * i + 1] - iy) / camera.fy());
        }
        double tz = Math.sqrt(modelSpread / Math.max(imageSpread, 1e-12));
        return new double[] {(ix - camera.cx()) / camera.fx() * tz - mx, (iy - camera.cy()) / camera.fy() * tz - my, tz};
    }

    private static double sq(double v) {
        return v * v;
    }
}
