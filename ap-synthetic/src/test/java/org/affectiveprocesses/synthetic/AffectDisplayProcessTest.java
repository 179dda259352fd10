package org.affectiveprocesses.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AffectDisplayProcessTest {
    private static final double FPS = 30.0;
    private static final int FRAMES = 900;
    private static final double[] BASELINE = {0.1, -0.2};

    private static AffectDisplayProcess.Planned video(long seed, AffectDisplayModel model) {
        return AffectDisplayProcess.generate(Rng.derive(seed, 1), Rng.derive(seed, 2), Rng.derive(seed, 3),
                Rng.derive(seed, 4), BASELINE, 1.0, model, FRAMES, FPS);
    }

    @Test
    void withEveryIngredientOffTheFaceDisplaysTheLabels() {
        AffectDisplayProcess.Planned p = video(5, AffectDisplayModel.none());
        // the labels are bit for bit the affect process alone, started 30 s before the first frame
        int lead = AffectDisplayProcess.leadFrames(FPS);
        assertThat(lead).isEqualTo(900);
        float[] affect = LabelProcesses.valenceArousal(Rng.derive(5, 1), BASELINE, lead + FRAMES, FPS);
        assertThat(p.labels()).isEqualTo(Arrays.copyOfRange(affect, 2 * lead, affect.length));
        AffectDisplay d = p.display();
        for (int t = 0; t < FRAMES; t++) {
            assertThat(d.episode(t)).isZero();
            assertThat(d.intensity(t)).isEqualTo(1.0);
            for (int k = 0; k < 2; k++) {
                assertThat(d.displayed(t, k)).isEqualTo(p.labels()[2 * t + k]);
            }
        }
        assertThat(d.lagFrames(0)).isZero();
        assertThat(d.lagFrames(1)).isZero();
    }

    @Test
    void theLabelTrailsTheDisplayedAffectByTheDrawnLag() {
        AffectDisplayModel lagOnly = AffectDisplayModel.none().withLagSeconds(1, 6);
        Set<Integer> lags = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            AffectDisplayProcess.Planned p = video(seed, lagOnly);
            AffectDisplay d = p.display();
            for (int k = 0; k < 2; k++) {
                int lag = d.lagFrames(k);
                assertThat(lag).isBetween(30, 180);
                lags.add(lag);
                for (int t = lag; t < FRAMES; t++) {
                    assertThat(p.labels()[2 * t + k]).isEqualTo(d.displayed(t - lag, k));
                }
            }
        }
        assertThat(lags).as("lags drawn per video and dimension").hasSizeGreaterThan(20);
    }

    @Test
    void theFaceDoesNotShowTheHiddenShareOfTheDynamics() {
        // atanh(label) - atanh(displayed) is sqrt(h) times a process of the dynamics' form
        // (standard deviation 0.4), so its variance is h x 0.16
        AffectDisplayModel hiddenOnly = AffectDisplayModel.none().withHiddenShares(0.2, 0.4);
        double[] sum = new double[2];
        double[] squares = new double[2];
        long n = 0;
        for (long seed = 0; seed < 200; seed++) {
            AffectDisplayProcess.Planned p = video(seed, hiddenOnly);
            for (int t = 0; t < FRAMES; t++) {
                for (int k = 0; k < 2; k++) {
                    double diff = atanh(p.labels()[2 * t + k]) - atanh(p.display().displayed(t, k));
                    sum[k] += diff;
                    squares[k] += diff * diff;
                }
            }
            n += FRAMES;
        }
        double[] variance = new double[2];
        for (int k = 0; k < 2; k++) {
            double mean = sum[k] / n;
            variance[k] = squares[k] / n - mean * mean;
        }
        assertThat(variance[0]).as("hidden valence variance").isCloseTo(0.2 * 0.16, within(0.2 * 0.16 * 0.2));
        assertThat(variance[1]).as("hidden arousal variance").isCloseTo(0.4 * 0.16, within(0.4 * 0.16 * 0.2));
    }

    @Test
    void betweenEpisodesTheFaceDisplaysTheRestingShareOfTheAffect() {
        AffectDisplayModel sparseOnly = AffectDisplayModel.defaults().withoutLag().withoutHiddenAffect();
        AffectDisplayModel faithful = AffectDisplayModel.none();
        long frames = 0;
        long inEpisode = 0;
        long apex = 0;
        for (long seed = 0; seed < 400; seed++) {
            AffectDisplayProcess.Planned sparse = video(seed, sparseOnly);
            AffectDisplayProcess.Planned full = video(seed, faithful);
            // the episodes change what the face shows, not the labels
            assertThat(sparse.labels()).isEqualTo(full.labels());
            AffectDisplay d = sparse.display();
            for (int t = 0; t < FRAMES; t++) {
                double p = d.episode(t);
                assertThat(p).isBetween(0.0, 1.0);
                assertThat(d.intensity(t)).isCloseTo(0.2 + 0.8 * p, within(1e-12));
                for (int k = 0; k < 2; k++) {
                    assertThat((double) d.displayed(t, k))
                            .isCloseTo(d.intensity(t) * full.labels()[2 * t + k], within(1e-6));
                }
                frames++;
                inEpisode += p > 0 ? 1 : 0;
                apex += p == 1.0 ? 1 : 0;
            }
        }
        // Poisson episodes at 6 per minute lasting 2.25 s on average: 1 - exp(-0.225) = 20% of frames
        assertThat((double) inEpisode / frames).isCloseTo(1 - Math.exp(-6 * 2.25 / 60), within(0.02));
        assertThat(apex).isPositive().isLessThan(inEpisode);
    }

    @Test
    void theSubjectsExpressivityScalesTheEpisodeRate() {
        AffectDisplayModel model = AffectDisplayModel.defaults();
        double[] share = new double[2];
        double[] expressivity = {0.6, 1.4};
        for (int e = 0; e < 2; e++) {
            long in = 0;
            for (long seed = 0; seed < 300; seed++) {
                AffectDisplay d = AffectDisplayProcess.generate(Rng.derive(seed, 1), Rng.derive(seed, 2),
                        Rng.derive(seed, 3), Rng.derive(seed, 4), BASELINE, expressivity[e], model, FRAMES, FPS).display();
                for (int t = 0; t < FRAMES; t++) {
                    in += d.episode(t) > 0 ? 1 : 0;
                }
            }
            share[e] = (double) in / (300L * FRAMES);
        }
        assertThat(share[0]).isCloseTo(1 - Math.exp(-0.6 * 6 * 2.25 / 60), within(0.02));
        assertThat(share[1]).isCloseTo(1 - Math.exp(-1.4 * 6 * 2.25 / 60), within(0.02));
    }

    @Test
    void displayAccessorsRejectIndicesOutOfRange() {
        AffectDisplay d = video(1, AffectDisplayModel.defaults()).display();
        assertThat(d.length()).isEqualTo(FRAMES);
        assertThat(d.dimensions()).isEqualTo(2);
        assertThatThrownBy(() -> d.episode(FRAMES)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("frame " + FRAMES);
        assertThatThrownBy(() -> d.displayed(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> d.lagFrames(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(video(1, AffectDisplayModel.defaults()).display()).isEqualTo(d).hasSameHashCodeAs(d);
        assertThat(video(2, AffectDisplayModel.defaults()).display()).isNotEqualTo(d);
    }

    private static double atanh(double y) {
        return 0.5 * Math.log((1 + y) / (1 - y));
    }
}
