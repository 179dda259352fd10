package org.affectiveprocesses.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureWorldTest {
    private static final int FRAMES = 400;
    private static final SyntheticConfig CONFIG = SyntheticConfig.small(3)
            .withFeatures(FeatureModel.defaults().withChannelGainSigma(0));
    private static final FeatureWorld WORLD = new FeatureWorld(3, 1, CONFIG);
    private static final float[] LABELS = LabelProcesses.normalised(new Rng(4), CONFIG.labelSpace(),
            new double[] {0.1, -0.1}, 1.0, FRAMES, CONFIG.fps());
    private static final double[][] NUISANCE = FeatureWorld.nuisance(new Rng(5), FRAMES, CONFIG.fps());
    private static final float[] IDENTITY = WORLD.identity(new Rng(6));

    /** Every frame's maps minus the offset mu0, with every block at one severity of one type. */
    private static double[] deviation(double severity, DegradationType type) {
        double[] s = new double[FRAMES * 4];
        byte[] k = new byte[FRAMES * 4];
        Arrays.fill(s, severity);
        Arrays.fill(k, (byte) (severity > 0 ? type.ordinal() : 0));
        double[] out = new double[FRAMES * WORLD.cells()];
        // the same noise stream for every severity
        WORLD.render(new Rng(7), LABELS, NUISANCE, new Degradation(s, k), IDENTITY, 1.0, (t, maps) -> {
            for (int j = 0; j < maps.length; j++) {
                out[t * maps.length + j] = maps[j] - FeatureWorld.CENTRE;
            }
        });
        return out;
    }

    private static double meanSquare(double[] v) {
        return Arrays.stream(v).map(x -> x * x).average().orElseThrow();
    }

    @Test
    void degradationBlendsTheContentTowardsAPrototypeNearTheCentre() {
        double noise = CONFIG.features().frameNoiseShare();
        double clean = meanSquare(deviation(0, DegradationType.NONE));
        double lost = meanSquare(deviation(1, DegradationType.GLOBAL));
        // clean: identity, nuisance, expression and noise, about 1 in all
        assertThat(clean).isBetween(0.6, 1.4);
        // fully degraded: the prototype (rho² = 0.09) and the unchanged noise (0.10)
        assertThat(lost).isCloseTo(0.09 + noise, within(0.02));
        double content = clean - noise;
        double prototype = lost - noise;
        double previous = Double.MAX_VALUE;
        for (double delta : new double[] {0.25, 0.5, 0.75, 0.9}) {
            double expected = (1 - delta) * (1 - delta) * content + delta * delta * prototype + noise;
            double measured = meanSquare(deviation(delta, DegradationType.GLOBAL));
            assertThat(measured).as("mean square deviation at severity %s", delta)
                    .isCloseTo(expected, within(0.03 * expected));
            assertThat(measured).isLessThan(previous);
            previous = measured;
        }
    }

    @Test
    void prototypesShareOneDirectionAndDifferByType() {
        // averaged over frames, a fully degraded frame is mu0 + rho r_k (plus averaged-out noise)
        double[] global = frameMean(deviation(1, DegradationType.GLOBAL));
        double[] lower = frameMean(deviation(1, DegradationType.LOWER_OCCLUSION));
        double[] pose = frameMean(deviation(1, DegradationType.EXTREME_POSE));
        // r_k = (R_0 + R_k) / sqrt 2: two types' prototypes correlate at 0.5
        assertThat(correlation(global, lower)).isCloseTo(0.5, within(0.15));
        assertThat(correlation(global, pose)).isCloseTo(0.5, within(0.15));
        assertThat(Math.sqrt(meanSquare(global))).isCloseTo(0.3, within(0.05));
    }

    @Test
    void poolingAveragesEachTwoByTwoBlockOfCells() {
        float[] maps = new float[2 * 16];
        for (int j = 0; j < maps.length; j++) {
            maps[j] = j;
        }
        float[] features = new float[8];
        FeatureWorld.pool(maps, features, 0);
        // channel 0: cells (0,1,4,5), (2,3,6,7), (8,9,12,13), (10,11,14,15)
        assertThat(features).containsExactly(2.5f, 4.5f, 10.5f, 12.5f, 18.5f, 20.5f, 26.5f, 28.5f);
    }

    private static double[] frameMean(double[] v) {
        int cells = WORLD.cells();
        double[] m = new double[cells];
        for (int i = 0; i < v.length; i++) {
            m[i % cells] += v[i] / FRAMES;
        }
        return m;
    }

    private static double correlation(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
