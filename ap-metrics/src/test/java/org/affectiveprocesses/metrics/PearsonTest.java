package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PearsonTest {

    private static final double[] TRUTH = {1, 2, 3, 4};

    @Test
    void handComputedExample() {
        // As in CccTest: var(truth) = 1.25, var(pred) = 1.5, cov = 1.25,
        // PCC = 1.25 / sqrt(1.875), PCC^2 = 1.5625 / 1.875 = 5/6.
        assertThat(Pearson.of(TRUTH, new double[] {2, 2, 3, 5}))
                .isCloseTo(Math.sqrt(5.0 / 6.0), within(1e-15));
    }

    @Test
    void perfectCorrelationsAreExact() {
        assertThat(Pearson.of(TRUTH, TRUTH.clone())).isEqualTo(1.0);
        assertThat(Pearson.of(TRUTH, new double[] {-2, -4, -6, -8})).isEqualTo(-1.0);
    }

    @Test
    void invariantToPositiveScaleAndShift() {
        double[] prediction = {0.3, 2.2, 2.9, 4.8};
        double[] transformed = new double[prediction.length];
        for (int i = 0; i < prediction.length; i++) {
            transformed[i] = 3.0 * prediction[i] + 7.0;
        }
        assertThat(Pearson.of(TRUTH, transformed))
                .isCloseTo(Pearson.of(TRUTH, prediction), within(1e-14));
    }

    @Test
    void isSymmetric() {
        double[] prediction = {0.3, 2.2, 2.9, 4.8};
        assertThat(Pearson.of(prediction, TRUTH)).isEqualTo(Pearson.of(TRUTH, prediction));
    }

    @Test
    void constantSeriesIsUndefined() {
        assertThat(Pearson.of(TRUTH, new double[] {0.1, 0.1, 0.1, 0.1})).isNaN();
        assertThat(Pearson.of(new double[] {0.1, 0.1, 0.1, 0.1}, TRUTH)).isNaN();
        assertThat(Pearson.of(new double[] {3, 3}, new double[] {3, 3})).isNaN();
    }
}
