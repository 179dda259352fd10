package org.affectiveprocesses.synthetic;

/**
 * Draws the {@link Degradation} of one video (see {@link SyntheticAffectCorpus},
 * "Degradation"): lower-face, upper-face and global episodes start as independent Poisson
 * processes, each with a duration, a peak severity and raised-cosine onset and offset; extreme
 * pose follows the head's yaw. Each source's severity is spread over the four blocks by its mask,
 * and each block takes the most severe source.
 */
final class DegradationProcess {
    /** Duration and peak severity of an occlusion episode (lower or upper face). */
    static final double OCCLUSION_MIN_S = 1.0;
    static final double OCCLUSION_MAX_S = 5.0;
    static final double OCCLUSION_MIN_SEVERITY = 0.5;
    static final double OCCLUSION_MAX_SEVERITY = 1.0;
    /** Duration and peak severity of a global episode (blur, exposure, compression burst). */
    static final double GLOBAL_MIN_S = 0.2;
    static final double GLOBAL_MAX_S = 1.0;
    static final double GLOBAL_MIN_SEVERITY = 0.2;
    static final double GLOBAL_MAX_SEVERITY = 0.8;
    /** The longest onset and offset ramp; a ramp never exceeds a quarter of the episode. */
    static final double RAMP_MAX_S = 0.2;
    /** Yaw at which pose starts to degrade the far half of the face, and yaw at which it is lost. */
    static final double POSE_ONSET_DEGREES = 45.0;
    static final double POSE_FULL_DEGREES = 90.0;
    /** The share of the pose severity that reaches the near column. */
    static final double POSE_NEAR_COLUMN = 0.5;

    private static final int BLOCKS = Degradation.BLOCKS;
    private static final DegradationType[] SOURCES = {DegradationType.LOWER_OCCLUSION,
        DegradationType.UPPER_OCCLUSION, DegradationType.GLOBAL, DegradationType.EXTREME_POSE};

    private DegradationProcess() {}

    /**
     * The degradation of one video.
     *
     * @param lower the stream of the lower-face episodes
     * @param upper the stream of the upper-face episodes
     * @param global the stream of the global episodes
     * @param yaw the head's yaw coordinate per frame (unit variance; scaled by the model's yaw scale)
     * @param occlusionRate the subject's multiplier of the occlusion rates
     * @param model the rates, the yaw scale and the leak
     * @param fps the frame rate
     */
    static Degradation generate(Rng lower, Rng upper, Rng global, double[] yaw, double occlusionRate,
            DegradationModel model, double fps) {
        int length = yaw.length;
        double[][] source = new double[SOURCES.length][length];
        episodes(lower, source[0], model.lowerOcclusionsPerMinute() * occlusionRate, fps,
                OCCLUSION_MIN_S, OCCLUSION_MAX_S, OCCLUSION_MIN_SEVERITY, OCCLUSION_MAX_SEVERITY);
        episodes(upper, source[1], model.upperOcclusionsPerMinute() * occlusionRate, fps,
                OCCLUSION_MIN_S, OCCLUSION_MAX_S, OCCLUSION_MIN_SEVERITY, OCCLUSION_MAX_SEVERITY);
        episodes(global, source[2], model.globalPerMinute(), fps,
                GLOBAL_MIN_S, GLOBAL_MAX_S, GLOBAL_MIN_SEVERITY, GLOBAL_MAX_SEVERITY);
        for (int t = 0; t < length; t++) {
            double degrees = Math.abs(model.yawScaleDegrees() * yaw[t]);
            source[3][t] = clamp((degrees - POSE_ONSET_DEGREES) / (POSE_FULL_DEGREES - POSE_ONSET_DEGREES));
        }
        double leak = model.receptiveLeak();
        double[][] masks = {
            {leak, leak, 1, 1},   // lower face: blocks 2, 3
            {1, 1, leak, leak},   // upper face: blocks 0, 1
            {1, 1, 1, 1},         // global
            {0, 0, 0, 0}};        // pose: set per frame from the direction of the turn
        double[] severity = new double[length * BLOCKS];
        byte[] type = new byte[length * BLOCKS];
        for (int t = 0; t < length; t++) {
            // a head turned one way (yaw > 0) shows less of its column-1 half (blocks 1 and 3)
            boolean farIsColumn1 = yaw[t] > 0;
            for (int b = 0; b < BLOCKS; b++) {
                masks[3][b] = ((b & 1) == 1) == farIsColumn1 ? 1.0 : POSE_NEAR_COLUMN;
            }
            for (int b = 0; b < BLOCKS; b++) {
                double worst = 0;
                int cause = DegradationType.NONE.ordinal();
                for (int k = 0; k < SOURCES.length; k++) {
                    double s = source[k][t] * masks[k][b];
                    if (s > worst) {
                        worst = s;
                        cause = SOURCES[k].ordinal();
                    }
                }
                severity[t * BLOCKS + b] = worst;
                type[t * BLOCKS + b] = (byte) cause;
            }
        }
        return new Degradation(severity, type);
    }

    /** Adds the Poisson episodes of one source, keeping the larger severity where they overlap. */
    private static void episodes(Rng rng, double[] severity, double perMinute, double fps, double minS,
            double maxS, double minSeverity, double maxSeverity) {
        if (perMinute == 0) {
            return;
        }
        int length = severity.length;
        // start before frame 0 so that episodes already under way at the first frame are there
        rng.poissonTimes(60.0 * fps / perMinute, -maxS * fps, length, start -> {
            double duration = rng.uniform(minS, maxS) * fps;
            double peak = rng.uniform(minSeverity, maxSeverity);
            double ramp = Math.min(RAMP_MAX_S * fps, duration / 4);
            double end = start + duration;
            int from = Math.max(0, (int) Math.ceil(start));
            int to = Math.min(length - 1, (int) Math.floor(end));
            for (int t = from; t <= to; t++) {
                double w = Math.min(1.0, Math.min(t - start, end - t) / ramp);
                double s = peak * 0.5 * (1.0 - StrictMath.cos(Math.PI * clamp(w)));
                if (s > severity[t]) {
                    severity[t] = s;
                }
            }
        });
    }

    private static double clamp(double x) {
        return Math.max(0.0, Math.min(1.0, x));
    }
}
