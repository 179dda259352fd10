package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorsTest {

    // errors (pred - truth) = 1, -2, 0, 3: squares 1, 4, 0, 9; absolute 1, 2, 0, 3
    private static final double[] TRUTH = {1, 2, 3, 4};
    private static final double[] PREDICTION = {2, 0, 3, 7};

    @Test
    void mse() {
        assertThat(Errors.mse(TRUTH, PREDICTION)).isEqualTo(14.0 / 4.0);
    }

    @Test
    void rmse() {
        assertThat(Errors.rmse(TRUTH, PREDICTION)).isCloseTo(Math.sqrt(3.5), within(1e-15));
    }

    @Test
    void mae() {
        assertThat(Errors.mae(TRUTH, PREDICTION)).isEqualTo(6.0 / 4.0);
    }

    @Test
    void perfectPredictionHasNoError() {
        assertThat(Errors.mse(TRUTH, TRUTH)).isZero();
        assertThat(Errors.rmse(TRUTH, TRUTH)).isZero();
        assertThat(Errors.mae(TRUTH, TRUTH)).isZero();
    }

    @Test
    void areSymmetric() {
        assertThat(Errors.mse(PREDICTION, TRUTH)).isEqualTo(Errors.mse(TRUTH, PREDICTION));
        assertThat(Errors.mae(PREDICTION, TRUTH)).isEqualTo(Errors.mae(TRUTH, PREDICTION));
    }

    @Test
    void constantSeriesAreFine() {
        assertThat(Errors.mae(new double[] {1, 1}, new double[] {0.5, 0.5})).isEqualTo(0.5);
    }
}
