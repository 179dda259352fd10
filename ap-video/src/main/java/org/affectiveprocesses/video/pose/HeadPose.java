package org.affectiveprocesses.video.pose;

/**
 * The pose of a head relative to the camera, in OpenFace's convention: the head's position
 * (millimetres, camera coordinates: x right, y down, z away from the camera) and its rotation
 * (radians) as Euler angles with R = R<sub>x</sub>(rx) · R<sub>y</sub>(ry) · R<sub>z</sub>(rz),
 * which maps the head model's axes to the camera's: rx is the pitch, ry the yaw, rz the roll; all
 * three are 0 for a face looking straight into the camera with its eyes level.
 *
 * @param tx position along x in mm
 * @param ty position along y in mm
 * @param tz distance from the camera along its axis in mm (positive)
 * @param rx pitch in radians
 * @param ry yaw in radians
 * @param rz roll in radians
 */
public record HeadPose(double tx, double ty, double tz, double rx, double ry, double rz) {
    /** Checks that every value is finite. */
    public HeadPose {
        if (!Double.isFinite(tx) || !Double.isFinite(ty) || !Double.isFinite(tz) || !Double.isFinite(rx)
                || !Double.isFinite(ry) || !Double.isFinite(rz)) {
            throw new IllegalArgumentException("a head pose needs finite values, got " + tx + ", " + ty + ", " + tz
                    + ", " + rx + ", " + ry + ", " + rz);
        }
    }

    /** The rotation matrix R = R<sub>x</sub>(rx) · R<sub>y</sub>(ry) · R<sub>z</sub>(rz), row-major. */
    public double[] rotationMatrix() {
        double s1 = Math.sin(rx);
        double s2 = Math.sin(ry);
        double s3 = Math.sin(rz);
        double c1 = Math.cos(rx);
        double c2 = Math.cos(ry);
        double c3 = Math.cos(rz);
        return new double[] {
            c2 * c3, -c2 * s3, s2,
            c1 * s3 + c3 * s1 * s2, c1 * c3 - s1 * s2 * s3, -c2 * s1,
            s1 * s3 - c1 * c3 * s2, c3 * s1 + c1 * s2 * s3, c1 * c2};
    }

    /**
     * The pose of a rotation matrix and a translation.
     *
     * @param r the rotation, row-major 3 × 3
     * @param tx translation x in mm
     * @param ty translation y in mm
     * @param tz translation z in mm
     * @return the pose, angles from the decomposition R = R<sub>x</sub> · R<sub>y</sub> · R<sub>z</sub>
     *     (ry in [-π/2, π/2])
     */
    public static HeadPose of(double[] r, double tx, double ty, double tz) {
        if (r.length != 9) {
            throw new IllegalArgumentException("a rotation matrix has 9 values, got " + r.length);
        }
        double ry = Math.asin(Math.max(-1, Math.min(1, r[2])));
        double rx = Math.atan2(-r[5], r[8]);
        double rz = Math.atan2(-r[1], r[0]);
        return new HeadPose(tx, ty, tz, rx, ry, rz);
    }
}
