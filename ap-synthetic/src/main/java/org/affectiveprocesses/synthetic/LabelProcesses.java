package org.affectiveprocesses.synthetic;

import java.util.Arrays;
import java.util.List;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;

/**
 * The ground-truth label trajectories of the synthetic corpus. All values are drawn from the
 * given {@link Rng}; see {@link SyntheticAffectCorpus} for the documented model.
 */
final class LabelProcesses {
    /** Standard deviation of a subject's baseline (valence and arousal, before tanh). */
    static final double VA_BASELINE_STD = 0.2;
    /** Standard deviation of the within-video dynamics (before tanh). */
    static final double VA_DYNAMIC_STD = 0.4;
    /** Correlation of the valence and arousal driving processes. */
    static final double VA_CORRELATION = 0.3;
    /** Number of slow components summed per dimension. */
    static final int VA_COMPONENTS = 3;
    /** Range of the components' time constants in seconds. */
    static final double VA_TAU_MIN_S = 2.0;
    static final double VA_TAU_MAX_S = 7.0;

    /** Solo events per minute and Action Unit (times a subject's expressivity). */
    static final double AU_SOLO_PER_MINUTE = 4.0;
    /** Co-occurrence events per minute and group (times a subject's expressivity). */
    static final double AU_GROUP_PER_MINUTE = 4.0;
    /** Probabilities of event levels 1..5. */
    static final double[] AU_LEVEL_PROBABILITIES = {0.3, 0.25, 0.2, 0.15, 0.1};
    static final double AU_MIN_DURATION_S = 1.0;
    static final double AU_MAX_DURATION_S = 5.0;

    /**
     * Co-occurrence groups: the first Action Unit leads (it is always active in the group's
     * events), each other one joins with the given probability.
     */
    static final List<int[]> AU_GROUPS = List.of(
            new int[] {12, 6, 10, 25}, // smile: AU12 with cheek raiser AU6, upper lip raiser AU10, lips part
            new int[] {1, 2, 5},        // brow raise / surprise
            new int[] {4, 9, 17},       // frown
            new int[] {14, 17},         // dimpler with chin raiser
            new int[] {15, 17},         // sadness: lip corner depressor with chin raiser
            new int[] {25, 26});        // mouth open
    static final List<double[]> AU_GROUP_JOIN = List.of(
            new double[] {1.0, 0.75, 0.35, 0.4},
            new double[] {1.0, 0.85, 0.3},
            new double[] {1.0, 0.3, 0.4},
            new double[] {1.0, 0.5},
            new double[] {1.0, 0.6},
            new double[] {1.0, 0.6});

    /** Range of a subject's expressivity, which scales the Action Unit event rates. */
    static final double EXPRESSIVITY_MIN = 0.6;
    static final double EXPRESSIVITY_MAX = 1.4;

    private LabelProcesses() {}

    /**
     * The labels of one video, normalised to [-1, 1], row-major [frame][dy]: valence/arousal or
     * Action Units depending on the space.
     *
     * @param baseline the subject's valence/arousal baseline (used for valence/arousal)
     * @param expressivity the subject's event-rate multiplier (used for Action Units)
     */
    static float[] normalised(Rng rng, LabelSpace space, double[] baseline, double expressivity,
            int length, double fps) {
        if (space.kind() == LabelKind.VALENCE_AROUSAL) {
            return valenceArousal(rng, baseline, length, fps);
        }
        double[] raw = actionUnitsRaw(rng, space, expressivity, length, fps);
        float[] labels = new float[raw.length];
        for (int k = 0; k < raw.length; k++) {
            labels[k] = (float) space.normalize(raw[k]);
        }
        return labels;
    }

    /**
     * Valence/arousal of one video, normalised, row-major [frame][2]: the subject's baseline plus
     * the within-video dynamics, through tanh.
     *
     * @param baseline the subject's baseline (valence, arousal) before tanh
     */
    static float[] valenceArousal(Rng rng, double[] baseline, int length, double fps) {
        double[] latentV = new double[length];
        double[] latentA = new double[length];
        Arrays.fill(latentV, baseline[0]);
        Arrays.fill(latentA, baseline[1]);
        addDynamics(rng, latentV, latentA, 1.0, 1.0, fps);
        float[] y = new float[length * 2];
        for (int t = 0; t < length; t++) {
            y[2 * t] = (float) StrictMath.tanh(latentV[t]);
            y[2 * t + 1] = (float) StrictMath.tanh(latentA[t]);
        }
        return y;
    }

    /**
     * Adds the within-video dynamics of valence and arousal (before tanh) to two series: per
     * dimension {@value #VA_COMPONENTS} smooth components with time constants uniform in
     * [{@value #VA_TAU_MIN_S}, {@value #VA_TAU_MAX_S}] s, standard deviation {@value
     * #VA_DYNAMIC_STD} in all, valence and arousal correlated at {@value #VA_CORRELATION}, each
     * dimension scaled by its own factor.
     *
     * @param latentV the valence series, added to in place
     * @param latentA the arousal series (same length), added to in place
     * @param scaleV the factor of the valence dynamics
     * @param scaleA the factor of the arousal dynamics
     */
    static void addDynamics(Rng rng, double[] latentV, double[] latentA, double scaleV, double scaleA,
            double fps) {
        int length = latentV.length;
        double w = VA_DYNAMIC_STD / Math.sqrt(VA_COMPONENTS);
        double wv = scaleV * w;
        double wa = scaleA * w;
        double rho = VA_CORRELATION;
        double rhoC = Math.sqrt(1.0 - rho * rho);
        for (int k = 0; k < VA_COMPONENTS; k++) {
            double tau = rng.uniform(VA_TAU_MIN_S, VA_TAU_MAX_S) * fps;
            double[] gv = SmoothNoise.sample(rng, length, tau);
            double[] ga = SmoothNoise.sample(rng, length, tau);
            for (int t = 0; t < length; t++) {
                latentV[t] += wv * gv[t];
                latentA[t] += wa * (rho * gv[t] + rhoC * ga[t]);
            }
        }
    }

    /** A subject's valence/arousal baseline (before tanh), weakly correlated. */
    static double[] baseline(Rng rng) {
        double z1 = rng.nextGaussian();
        double z2 = rng.nextGaussian();
        double rho = VA_CORRELATION;
        return new double[] {VA_BASELINE_STD * z1,
            VA_BASELINE_STD * (rho * z1 + Math.sqrt(1.0 - rho * rho) * z2)};
    }

    /**
     * Raw Action Unit intensities (integers 0-5 stored as doubles) of one video, row-major
     * [frame][dy].
     *
     * @param expressivity the subject's event-rate multiplier
     */
    static double[] actionUnitsRaw(Rng rng, LabelSpace space, double expressivity, int length,
            double fps) {
        int dy = space.size();
        int[] numbers = new int[dy];
        for (int d = 0; d < dy; d++) {
            numbers[d] = auNumber(space.dimension(d));
        }
        double[] raw = new double[length * dy];
        double start = -AU_MAX_DURATION_S * fps; // events already under way at frame 0
        // solo events, one Poisson process per Action Unit
        for (int d = 0; d < dy; d++) {
            int column = d;
            rng.poissonTimes(60.0 * fps / (AU_SOLO_PER_MINUTE * expressivity), start, length, t -> {
                int level = level(rng);
                double duration = rng.uniform(AU_MIN_DURATION_S, AU_MAX_DURATION_S) * fps;
                addEvent(rng, raw, dy, column, length, t, duration, level);
            });
        }
        // co-occurrence groups, led by an Action Unit of the space
        for (int g = 0; g < AU_GROUPS.size(); g++) {
            int[] group = AU_GROUPS.get(g);
            double[] join = AU_GROUP_JOIN.get(g);
            int lead = indexOf(numbers, group[0]);
            if (lead < 0) {
                continue;
            }
            rng.poissonTimes(60.0 * fps / (AU_GROUP_PER_MINUTE * expressivity), start, length, t -> {
                int level = level(rng);
                double duration = rng.uniform(AU_MIN_DURATION_S, AU_MAX_DURATION_S) * fps;
                for (int m = 0; m < group.length; m++) {
                    // draw for every member, present or not, so the stream does not depend on the space
                    double u = rng.nextDouble();
                    int shift = rng.uniformInt(-1, 1);
                    double delay = m == 0 ? 0.0 : rng.uniform(0.0, 0.3) * fps;
                    double stretch = m == 0 ? 1.0 : rng.uniform(0.8, 1.2);
                    int d = indexOf(numbers, group[m]);
                    if (d < 0 || u >= join[m]) {
                        continue;
                    }
                    int memberLevel = m == 0 ? level : Math.max(1, Math.min(5, level + shift));
                    addEvent(rng, raw, dy, d, length, t + delay, duration * stretch, memberLevel);
                }
            });
        }
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Math.max(0.0, Math.min(5.0, Math.rint(raw[i])));
        }
        return raw;
    }

    /**
     * Adds one event with an onset-apex-offset profile (raised-cosine onset over 15-35% and offset
     * over 20-40% of its duration) to column {@code d} of a row-major series of {@code dy}
     * columns, keeping the larger value where events overlap.
     *
     * @param start the event's start, in frames (may be negative)
     * @param duration its duration in frames
     * @param level its value at the apex
     */
    static void addEvent(Rng rng, double[] raw, int dy, int d, int length, double start,
            double duration, double level) {
        double onset = rng.uniform(0.15, 0.35) * duration;
        double offset = rng.uniform(0.2, 0.4) * duration;
        double end = start + duration;
        int from = Math.max(0, (int) Math.ceil(start));
        int to = Math.min(length - 1, (int) Math.floor(end));
        for (int t = from; t <= to; t++) {
            double s = t - start;
            double profile;
            if (s < onset) {
                profile = ramp(s / onset);
            } else if (s > duration - offset) {
                profile = ramp((end - t) / offset);
            } else {
                profile = 1.0;
            }
            double v = level * profile;
            int i = t * dy + d;
            if (v > raw[i]) {
                raw[i] = v;
            }
        }
    }

    private static double ramp(double x) {
        double c = Math.max(0.0, Math.min(1.0, x));
        return 0.5 * (1.0 - StrictMath.cos(Math.PI * c));
    }

    private static int level(Rng rng) {
        double u = rng.nextDouble();
        double acc = 0.0;
        for (int i = 0; i < AU_LEVEL_PROBABILITIES.length; i++) {
            acc += AU_LEVEL_PROBABILITIES[i];
            if (u < acc) {
                return i + 1;
            }
        }
        return AU_LEVEL_PROBABILITIES.length;
    }

    /** The FACS number of a dimension named {@code AU<n>}, or -1. */
    static int auNumber(String dimension) {
        if (dimension.startsWith("AU")) {
            try {
                return Integer.parseInt(dimension.substring(2));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
