package org.affectiveprocesses.video.pose;

/**
 * The generic 3-D face that head poses are measured against: six points of an average face, the
 * model of S. Mallick's "Head Pose Estimation using OpenCV and Dlib" (LearnOpenCV, 26 September
 * 2016): nose tip (0, 0, 0), chin (0, −330, −65), outer corner of the eye on the image's left
 * (−225, 170, −135) and on its right (225, 170, −135), mouth corners (∓150, −150, −125), in
 * arbitrary units with y up and z towards the viewer.
 *
 * <p>Here the points are turned into the camera's axes for a face looking into the camera (x
 * right, y down, z away from the camera: y and z negated), so that such a face has the rotation
 * 0 as in OpenFace, and scaled to millimetres by setting the outer eye corners 96 mm apart (the
 * mean of the adult biocular widths ex–ex of 98.2 mm for men and 94.4 mm for women reported in
 * J. Korean Assoc. Maxillofac. Plast. Reconstr. Surg., doi:10.1186/s40902-019-0191-7, Table 9).
 * The origin, and so the head position a pose reports, is the nose tip.
 */
final class GenericFaceModel {
    /** The iBUG 68-point index of each model point: nose tip, chin, eye corners, mouth corners. */
    static final int[] LANDMARKS = {30, 8, 36, 45, 48, 54};
    /** Millimetres per unit of the published model: 96 mm between the outer eye corners (450 units). */
    static final double SCALE = 96.0 / 450.0;
    private static final double[][] PUBLISHED = {
        {0, 0, 0}, {0, -330, -65}, {-225, 170, -135}, {225, 170, -135}, {-150, -150, -125}, {150, -150, -125}};

    private GenericFaceModel() {
    }

    /** The model points in millimetres, camera axes (x right, y down, z away), row by row. */
    static double[] pointsMm() {
        double[] out = new double[PUBLISHED.length * 3];
        for (int i = 0; i < PUBLISHED.length; i++) {
            out[3 * i] = PUBLISHED[i][0] * SCALE;
            out[3 * i + 1] = -PUBLISHED[i][1] * SCALE;
            out[3 * i + 2] = -PUBLISHED[i][2] * SCALE;
        }
        return out;
    }
}
