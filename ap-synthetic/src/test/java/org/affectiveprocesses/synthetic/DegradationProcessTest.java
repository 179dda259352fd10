package org.affectiveprocesses.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DegradationProcessTest {
    private static final double FPS = 30.0;
    /** About nine hours of video: hundreds of episodes of each kind. */
    private static final int LONG = 1_000_000;

    private static Degradation episodes(double lower, double upper, double global) {
        DegradationModel model = DegradationModel.defaults().withRates(lower, upper, global).withYawScaleDegrees(0);
        return DegradationProcess.generate(new Rng(1), new Rng(2), new Rng(3), new double[LONG], 1.0, model, FPS);
    }

    /** The fraction of frames episodes cover: 1 - exp(-rate x mean duration). */
    private static double coverage(double perMinute, double meanSeconds) {
        return 1.0 - Math.exp(-perMinute / 60.0 * meanSeconds);
    }

    /**
     * Four standard errors of the covered fraction, relative: the number of episodes N is
     * Poisson and their durations are uniform in [min, max], so the covered time has a relative
     * standard deviation of sqrt((1 + cv²) / N), cv the durations' coefficient of variation.
     */
    private static double tolerance(double perMinute, double minSeconds, double maxSeconds) {
        double episodes = perMinute / 60.0 * LONG / FPS;
        double cv = (maxSeconds - minSeconds) / Math.sqrt(12) / ((minSeconds + maxSeconds) / 2);
        return 4 * Math.sqrt((1 + cv * cv) / episodes);
    }

    private static void assertCoverage(long covered, double perMinute, double minSeconds, double maxSeconds) {
        double expected = coverage(perMinute, (minSeconds + maxSeconds) / 2);
        assertThat((double) covered / LONG).isCloseTo(expected,
                within(tolerance(perMinute, minSeconds, maxSeconds) * expected));
    }

    /**
     * Checks that every frame follows an occlusion's mask (its own blocks at the severity s, the
     * other two at 0.25 s, the type set where s &gt; 0) and returns how many frames are covered.
     */
    private static long checkOcclusion(Degradation d, int own, int other, DegradationType type) {
        long covered = 0;
        long wrong = 0;
        for (int t = 0; t < d.length(); t++) {
            double s = d.severity(t, own);
            boolean masked = d.severity(t, own + 1) == s && d.severity(t, other) == s * 0.25
                    && d.severity(t, other + 1) == s * 0.25;
            boolean typed = d.dominantType(t) == (s > 0 ? type : DegradationType.NONE);
            wrong += masked && typed && d.quality(t) == 1.0 - s ? 0 : 1;
            covered += s > 0 ? 1 : 0;
        }
        assertThat(wrong).as("frames whose blocks do not follow the mask of %s", type).isZero();
        return covered;
    }

    @Test
    void lowerOcclusionsDegradeTheLowerBlocksAndLeakIntoTheUpperOnes() {
        Degradation d = episodes(1.5, 0, 0);
        // 1.5 episodes per minute lasting 1-5 s
        assertCoverage(checkOcclusion(d, 2, 0, DegradationType.LOWER_OCCLUSION), 1.5, 1, 5);
        double peak = 0;
        double step = 0;
        for (int t = 1; t < d.length(); t++) {
            peak = Math.max(peak, d.severity(t, 2));
            step = Math.max(step, Math.abs(d.severity(t, 2) - d.severity(t - 1, 2)));
        }
        assertThat(peak).isLessThanOrEqualTo(1.0).isGreaterThan(0.99);
        // onsets and offsets are raised cosines over 0.2 s (6 frames): steepest step (π/2) / 6
        assertThat(step).isLessThanOrEqualTo(Math.PI / 2 / 6 + 1e-12);
    }

    @Test
    void upperOcclusionsDegradeTheUpperBlocks() {
        assertCoverage(checkOcclusion(episodes(0, 0.5, 0), 0, 2, DegradationType.UPPER_OCCLUSION), 0.5, 1, 5);
    }

    @Test
    void globalDegradationsAreShortMilderAndEverywhere() {
        Degradation d = episodes(0, 0, 3.0);
        long covered = 0;
        double peak = 0;
        long wrong = 0;
        for (int t = 0; t < d.length(); t++) {
            double s = d.severity(t, 0);
            boolean same = d.severity(t, 1) == s && d.severity(t, 2) == s && d.severity(t, 3) == s;
            wrong += same && Math.abs(d.meanSeverity(t) - s) < 1e-15 ? 0 : 1;
            covered += s > 0 ? 1 : 0;
            peak = Math.max(peak, s);
        }
        assertThat(wrong).as("frames whose blocks differ").isZero();
        // 3 per minute lasting 0.2-1 s at a peak of at most 0.8
        assertCoverage(covered, 3.0, 0.2, 1.0);
        assertThat(peak).isLessThanOrEqualTo(0.8).isGreaterThan(0.79);
    }

    @Test
    void extremePoseDegradesTheFarColumnFullyAndTheNearColumnByHalf() {
        double[] yaw = {1.0, 2.7, -2.7, -4.0, 3.6};
        DegradationModel model = DegradationModel.none().withYawScaleDegrees(25);
        Degradation d = DegradationProcess.generate(new Rng(1), new Rng(2), new Rng(3), yaw, 1.0, model, FPS);
        // 25°: clean
        assertThat(d.quality(0)).isEqualTo(1.0);
        assertThat(d.dominantType(0)).isEqualTo(DegradationType.NONE);
        // 67.5° to one side: column 1 (blocks 1, 3) at (67.5 - 45) / 45 = 0.5, column 0 at 0.25
        assertThat(d.severity(1, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(d.severity(1, 3)).isCloseTo(0.5, within(1e-12));
        assertThat(d.severity(1, 0)).isCloseTo(0.25, within(1e-12));
        assertThat(d.severity(1, 2)).isCloseTo(0.25, within(1e-12));
        assertThat(d.type(1, 0)).isEqualTo(DegradationType.EXTREME_POSE);
        // the other side: column 0 is the far one
        assertThat(d.severity(2, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(d.severity(2, 1)).isCloseTo(0.25, within(1e-12));
        // beyond 90°: the far column is lost, the near one half lost
        assertThat(d.severity(3, 2)).isEqualTo(1.0);
        assertThat(d.severity(3, 3)).isEqualTo(0.5);
        assertThat(d.quality(3)).isEqualTo(0.0);
        assertThat(d.severity(4, 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void eachBlockTakesItsMostSevereSource() {
        Degradation d = episodes(1.5, 0.5, 3.0);
        Degradation lower = episodes(1.5, 0, 0);
        Degradation upper = episodes(0, 0.5, 0);
        Degradation global = episodes(0, 0, 3.0);
        long wrong = 0;
        for (int t = 0; t < d.length(); t++) {
            for (int b = 0; b < 4; b++) {
                double worst = Math.max(lower.severity(t, b), Math.max(upper.severity(t, b), global.severity(t, b)));
                wrong += d.severity(t, b) == worst ? 0 : 1;
            }
        }
        assertThat(wrong).as("blocks that do not take their most severe source").isZero();
    }

    @Test
    void rejectsFramesAndBlocksOutOfRange() {
        Degradation d = DegradationProcess.generate(new Rng(1), new Rng(2), new Rng(3), new double[5], 1.0,
                DegradationModel.defaults(), FPS);
        assertThat(d.length()).isEqualTo(5);
        assertThat(d.quality()).hasSize(5);
        assertThatThrownBy(() -> d.severity(5, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("frame 5");
        assertThatThrownBy(() -> d.type(0, 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("block 4");
    }
}
