package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CccTest {

    private static final double[] TRUTH = {1, 2, 3, 4};

    @Test
    void identicalSeriesGiveExactlyOne() {
        double[] series = {0.3, -0.7, 0.1, 0.9, 0.25};
        assertThat(Ccc.of(series, series.clone())).isEqualTo(1.0);
    }

    @Test
    void handComputedExample() {
        // truth [1,2,3,4]: mean 2.5, deviations -1.5,-0.5,0.5,1.5, var = 5/4 = 1.25
        // pred  [2,2,3,5]: mean 3.0, deviations -1,-1,0,2,         var = 6/4 = 1.5
        // cov = (1.5 + 0.5 + 0 + 3) / 4 = 1.25; (mean difference)^2 = 0.25
        // CCC = 2 * 1.25 / (1.25 + 1.5 + 0.25) = 2.5 / 3 = 0.8333...
        assertThat(Ccc.of(TRUTH, new double[] {2, 2, 3, 5})).isCloseTo(5.0 / 6.0, within(1e-15));
    }

    @Test
    void biasLowersCccButNotPcc() {
        double[] prediction = {1.1, 1.9, 3.2, 3.9};
        double[] biased = new double[prediction.length];
        for (int i = 0; i < prediction.length; i++) {
            biased[i] = prediction[i] + 0.5;
        }
        double pcc = Pearson.of(TRUTH, biased);
        assertThat(Pearson.of(TRUTH, prediction)).isCloseTo(pcc, within(1e-12));
        assertThat(Ccc.of(TRUTH, biased)).isLessThan(pcc - 0.05);
        assertThat(Ccc.of(TRUTH, biased)).isLessThan(Ccc.of(TRUTH, prediction));
    }

    @Test
    void equalsPccWhenMeansAndVariancesAgree() {
        // pred [2,1,4,3] has mean 2.5 and variance 1.25 like truth; cov = 4 * 0.75 / 4 = 0.75
        // so PCC = 0.75 / 1.25 = 0.6 and CCC = 1.5 / 2.5 = 0.6.
        double[] prediction = {2, 1, 4, 3};
        assertThat(Ccc.of(TRUTH, prediction)).isCloseTo(0.6, within(1e-15));
        assertThat(Ccc.of(TRUTH, prediction))
                .isCloseTo(Pearson.of(TRUTH, prediction), within(1e-15));
    }

    @Test
    void isSymmetric() {
        double[] prediction = {0.5, 2.5, 2.0, 6.0};
        assertThat(Ccc.of(prediction, TRUTH)).isEqualTo(Ccc.of(TRUTH, prediction));
    }

    @Test
    void changesUnderScalingWhilePccDoesNot() {
        double[] prediction = {1.2, 1.8, 3.3, 3.9};
        double[] scaled = {3.6, 5.4, 9.9, 11.7};
        assertThat(Pearson.of(TRUTH, scaled)).isCloseTo(Pearson.of(TRUTH, prediction), within(1e-12));
        assertThat(Ccc.of(TRUTH, scaled)).isLessThan(Ccc.of(TRUTH, prediction) - 0.1);
    }

    @Test
    void reversedSeriesGiveMinusOne() {
        assertThat(Ccc.of(new double[] {-1, 0, 1}, new double[] {1, 0, -1})).isEqualTo(-1.0);
    }

    @Test
    void oneConstantSeriesGivesZero() {
        assertThat(Ccc.of(TRUTH, new double[] {0.1, 0.1, 0.1, 0.1})).isEqualTo(0.0);
        assertThat(Ccc.of(new double[] {7, 7, 7, 7}, TRUTH)).isEqualTo(0.0);
    }

    @Test
    void twoDifferentConstantsGiveZero() {
        assertThat(Ccc.of(new double[] {1, 1, 1}, new double[] {2, 2, 2})).isEqualTo(0.0);
    }

    @Test
    void twoEqualConstantsAreUndefined() {
        assertThat(Ccc.of(new double[] {0.1, 0.1, 0.1}, new double[] {0.1, 0.1, 0.1})).isNaN();
    }
}
