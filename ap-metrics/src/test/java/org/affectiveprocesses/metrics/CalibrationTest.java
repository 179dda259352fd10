package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    // four frames with standardised errors z = (y - μ)/σ of 0.5, -1.5, 2.5, 0 (σ = 1, 2, 0.4, 3)
    private static final double[] Y = {1.5, -3.0, 1.0, 2.0};
    private static final double[] MU = {1.0, 0.0, 0.0, 2.0};
    private static final double[] SIGMA = {1.0, 2.0, 0.4, 3.0};

    @Test
    void coverageCountsTheFramesInsideTheInterval() {
        // |z| <= 1 for z = 0.5 and 0; |z| <= 2 also for -1.5
        assertThat(Calibration.coverageWithinSigmas(Y, MU, SIGMA, 1)).isEqualTo(0.5);
        assertThat(Calibration.coverageWithinSigmas(Y, MU, SIGMA, 2)).isEqualTo(0.75);
        assertThat(Calibration.coverage(Y, MU, SIGMA, 0.6826894921370859)).isEqualTo(0.5);
        assertThat(Calibration.coverage(Y, MU, SIGMA, 0.9544997361036416)).isEqualTo(0.75);
        assertThat(Calibration.nominalCoverage(1)).isCloseTo(0.6826894921370859, within(1e-15));
        assertThat(Calibration.nominalCoverage(2)).isCloseTo(0.9544997361036416, within(1e-15));
        assertThat(Calibration.halfWidth(0.95)).isCloseTo(1.959963984540054, within(1e-13));
    }

    @Test
    void nllIsTheMeanGaussianNegativeLogLikelihood() {
        double expected = 0;
        double[] z = {0.5, -1.5, 2.5, 0};
        for (int i = 0; i < 4; i++) {
            expected += Math.log(SIGMA[i]) + 0.5 * z[i] * z[i] + 0.5 * Math.log(2 * Math.PI);
        }
        assertThat(Calibration.nll(Y, MU, SIGMA)).isCloseTo(expected / 4, within(1e-14));
        // a standard normal truth under N(0, 1): log-likelihood 0.9189... at z = 0
        assertThat(Calibration.nll(new double[] {0, 0}, new double[] {0, 0}, new double[] {1, 1}))
                .isCloseTo(0.9189385332046727, within(1e-15));
    }

    @Test
    void observedFrequenciesAndTheCalibrationErrorFollowKuleshov() {
        // Φ(z) = 0.6915, 0.0668, 0.9938, 0.5
        double[] levels = {0.1, 0.5, 0.7, 0.99};
        assertThat(Calibration.observedFrequencies(Y, MU, SIGMA, levels)).containsExactly(0.25, 0.5, 0.75, 0.75);
        double expected = Math.pow(0.1 - 0.25, 2) + 0 + Math.pow(0.7 - 0.75, 2) + Math.pow(0.99 - 0.75, 2);
        assertThat(Calibration.calibrationError(Y, MU, SIGMA, levels)).isCloseTo(expected, within(1e-15));
        assertThat(Calibration.levels()).hasSize(19).startsWith(0.05).endsWith(0.95);
    }

    @Test
    void sharpnessIsTheMeanSigma() {
        assertThat(Calibration.sharpness(SIGMA)).isCloseTo(1.6, within(1e-15));
    }

    @Test
    void varianceScalingRecoversAKnownMiscalibration() {
        // truth drawn from N(μ, (2.5 σ)²) while the model says σ: the fitted scale is 2.5
        SplittableRandom rng = new SplittableRandom(7);
        int n = 200_000;
        double[] y = new double[n];
        double[] mu = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = rng.nextGaussian();
            sigma[i] = 0.1 + rng.nextDouble();
            y[i] = mu[i] + 2.5 * sigma[i] * rng.nextGaussian();
        }
        double s = Calibration.varianceScale(y, mu, sigma);
        assertThat(s).isCloseTo(2.5, within(0.02));
        // the scale minimises the NLL: a little more or less is worse
        double[] scaled = scale(sigma, s);
        double best = Calibration.nll(y, mu, scaled);
        assertThat(Calibration.nll(y, mu, scale(sigma, s * 1.05))).isGreaterThan(best);
        assertThat(Calibration.nll(y, mu, scale(sigma, s / 1.05))).isGreaterThan(best);
        // and, the errors being Gaussian, it calibrates the intervals
        assertThat(Calibration.coverageWithinSigmas(y, mu, scaled, 1)).isCloseTo(0.6827, within(0.005));
        assertThat(Calibration.coverageWithinSigmas(y, mu, scaled, 2)).isCloseTo(0.9545, within(0.003));
        assertThat(Calibration.calibrationError(y, mu, scaled)).isLessThan(1e-4);
        assertThat(Calibration.calibrationError(y, mu, sigma)).isGreaterThan(0.1);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Calibration.nll(Y, MU, new double[] {1, 0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("std[1] is 0.0");
        assertThatThrownBy(() -> Calibration.nll(Y, MU, new double[] {1, 1}))
                .hasMessageContaining("truth and std differ in length");
        assertThatThrownBy(() -> Calibration.coverage(Y, MU, SIGMA, 1.0)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> Calibration.coverage(new double[] {1, Double.NaN}, new double[] {0, 0},
                new double[] {1, 1}, 0.5)).hasMessageContaining("truth[1] is NaN");
        assertThatThrownBy(() -> Calibration.sharpness(new double[] {1})).hasMessageContaining("at least 2");
    }

    private static double[] scale(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = s * v[i];
        }
        return out;
    }
}
