package org.affectiveprocesses.video.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Head poses of synthetic faces of known pose: the generic face (and faces shaped differently)
 * rotated and moved, projected through a pinhole camera with pixel noise, then solved.
 */
class HeadPoseEstimatorTest {
    private static final CameraIntrinsics CAMERA = CameraIntrinsics.guess(640, 480);

    @Test
    void theRotationMatrixAndItsAnglesRoundTrip() {
        HeadPose p = new HeadPose(1, 2, 500, 0.3, -0.4, 0.2);
        HeadPose back = HeadPose.of(p.rotationMatrix(), 1, 2, 500);
        assertThat(back.rx()).isCloseTo(0.3, offset(1e-12));
        assertThat(back.ry()).isCloseTo(-0.4, offset(1e-12));
        assertThat(back.rz()).isCloseTo(0.2, offset(1e-12));
        double[] r = p.rotationMatrix();
        // orthonormal rows
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[3 * i] * r[3 * j] + r[3 * i + 1] * r[3 * j + 1] + r[3 * i + 2] * r[3 * j + 2];
                assertThat(dot).isCloseTo(i == j ? 1 : 0, offset(1e-12));
            }
        }
    }

    @Test
    void aProjectedGenericFaceGivesBackTheRotationItWasRenderedWith() {
        Random noise = new Random(3);
        double worst = 0;
        double sum = 0;
        int n = 0;
        for (double rx : new double[] {-20, 0, 15}) {
            for (double ry : new double[] {-35, 0, 25}) {
                for (double rz : new double[] {-25, 0, 10}) {
                    HeadPose truth = new HeadPose(40, -25, 650, Math.toRadians(rx), Math.toRadians(ry), Math.toRadians(rz));
                    // half a pixel of landmark noise; the eye corners are 74 px apart at 650 mm
                    HeadPose found = HeadPoseEstimator.solve(GenericFaceModel.pointsMm(),
                            project(GenericFaceModel.pointsMm(), truth, noise, 0.5), CAMERA).orElseThrow();
                    double error = Math.toDegrees(angleError(truth, found));
                    worst = Math.max(worst, error);
                    sum += error;
                    n++;
                    assertThat(found.tz()).isCloseTo(650, offset(30.0));
                    assertThat(found.tx()).isCloseTo(40, offset(5.0));
                }
            }
        }
        assertThat(worst).as("largest angle error in degrees").isLessThan(4.0);
        assertThat(sum / n).as("mean angle error in degrees").isLessThan(2.0);
    }

    @Test
    void aFrontalFaceHasNoRotationAndTheOpenFaceCameraGuessScalesWithTheImage() {
        HeadPose truth = new HeadPose(0, 0, 600, 0, 0, 0);
        HeadPose found = HeadPoseEstimator.solve(GenericFaceModel.pointsMm(),
                project(GenericFaceModel.pointsMm(), truth, new Random(1), 0), CAMERA).orElseThrow();
        assertThat(found.rx()).isCloseTo(0, offset(1e-4));
        assertThat(found.ry()).isCloseTo(0, offset(1e-4));
        assertThat(found.rz()).isCloseTo(0, offset(1e-4));
        assertThat(found.tz()).isCloseTo(600, offset(0.1));
        assertThat(CameraIntrinsics.guess(640, 480)).isEqualTo(new CameraIntrinsics(500, 500, 320, 240));
        assertThat(CameraIntrinsics.guess(1280, 960).fx()).isEqualTo(1000);
    }

    /** Projects model points posed by {@code p} through the camera, with Gaussian pixel noise. */
    static double[] project(double[] model, HeadPose p, Random noise, double pixels) {
        double[] r = p.rotationMatrix();
        int n = model.length / 3;
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double x = model[3 * i];
            double y = model[3 * i + 1];
            double z = model[3 * i + 2];
            double cx = r[0] * x + r[1] * y + r[2] * z + p.tx();
            double cy = r[3] * x + r[4] * y + r[5] * z + p.ty();
            double cz = r[6] * x + r[7] * y + r[8] * z + p.tz();
            out[2 * i] = CAMERA.fx() * cx / cz + CAMERA.cx() + noise.nextGaussian() * pixels;
            out[2 * i + 1] = CAMERA.fy() * cy / cz + CAMERA.cy() + noise.nextGaussian() * pixels;
        }
        return out;
    }

    /** The angle of the rotation between two poses' rotations, in radians. */
    static double angleError(HeadPose a, HeadPose b) {
        return angle(a.rotationMatrix(), b.rotationMatrix());
    }

    /** The product of two row-major 3 × 3 matrices, a · b. */
    static double[] times(double[] a, double[] b) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    out[3 * i + j] += a[3 * i + k] * b[3 * k + j];
                }
            }
        }
        return out;
    }

    /** The angle of the rotation between two rotation matrices, in radians. */
    static double angle(double[] ra, double[] rb) {
        double trace = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                trace += ra[3 * k + i] * rb[3 * k + i];
            }
        }
        return Math.acos(Math.max(-1, Math.min(1, (trace - 1) / 2)));
    }
}
