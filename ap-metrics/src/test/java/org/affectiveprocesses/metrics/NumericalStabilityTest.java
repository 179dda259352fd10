package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A large common offset must not change the correlations. The signals are multiples of 2^-20
 * no larger than 4 in magnitude, so {@code 1e8 + signal} is exactly representable (the spacing
 * of doubles near 1e8 is 2^-26) and any difference comes from the algorithm alone. A one-pass
 * "sum of squares minus square of sum" formula loses every digit here.
 */
class NumericalStabilityTest {

    private static final double OFFSET = 1e8;
    private static final double RELATIVE = 1e-9;

    @Test
    void smallSeriesWithLargeOffset() {
        double[] truth = {1, 2, 3, 4};
        double[] prediction = {2, 2, 3, 5};
        double[] shiftedTruth = shift(truth);
        double[] shiftedPrediction = shift(prediction);
        assertThat(Ccc.of(shiftedTruth, shiftedPrediction)).isCloseTo(5.0 / 6.0, within(1e-15));
        assertThat(Pearson.of(shiftedTruth, shiftedPrediction))
                .isCloseTo(Math.sqrt(5.0 / 6.0), within(1e-15));
        for (IccType type : IccType.values()) {
            assertThat(Icc.of(type, shiftedTruth, shiftedPrediction))
                    .isCloseTo(Icc.of(type, truth, prediction), within(1e-15));
        }
    }

    @Test
    void shroutFleissTableWithLargeOffset() {
        double[][] ratings = {
            {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7},
        };
        double[][] shifted = new double[ratings.length][];
        for (int i = 0; i < ratings.length; i++) {
            shifted[i] = shift(ratings[i]);
        }
        MeanSquares plain = MeanSquares.of(ratings);
        MeanSquares offset = MeanSquares.of(shifted);
        assertThat(offset.bms()).isCloseTo(plain.bms(), within(1e-12));
        assertThat(offset.wms()).isCloseTo(plain.wms(), within(1e-12));
        assertThat(offset.jms()).isCloseTo(plain.jms(), within(1e-12));
        assertThat(offset.ems()).isCloseTo(plain.ems(), within(1e-12));
    }

    @Test
    void tenMillionFramesWithLargeOffset() {
        int n = 10_000_000;
        SplittableRandom random = new SplittableRandom(42);
        double[] truth = new double[n];
        double[] prediction = new double[n];
        for (int i = 0; i < n; i++) {
            // truth in [-1, 1]; prediction = 0.8 truth + 0.125 + noise in [-0.5, 0.5]; dyadic
            long t = random.nextLong(-(1L << 20), (1L << 20) + 1);
            long noise = random.nextLong(-(1L << 19), (1L << 19) + 1);
            truth[i] = t / (double) (1 << 20);
            prediction[i] = (Math.round(0.8 * t) + (1L << 17) + noise) / (double) (1 << 20);
        }
        double ccc = Ccc.of(truth, prediction);
        double pcc = Pearson.of(truth, prediction);
        double icc = Icc.of(IccType.ICC_3_1, truth, prediction);
        // Population values: var(t) = 1/3, cov = 0.8/3, var(p) = 0.64/3 + 1/12, bias 1/8
        assertThat(pcc).isCloseTo(0.8 / 3 / Math.sqrt((0.64 / 3 + 1.0 / 12) / 3), within(2e-3));
        assertThat(ccc).isCloseTo(1.6 / 3 / (1.0 / 3 + 0.64 / 3 + 1.0 / 12 + 1.0 / 64),
                within(2e-3));

        double truthSeven = truth[7];
        shiftInPlace(truth);
        shiftInPlace(prediction);
        assertThat(truth[7] - OFFSET).isEqualTo(truthSeven); // the shifted inputs are exact

        assertRelativelyClose(Ccc.of(truth, prediction), ccc);
        assertRelativelyClose(Pearson.of(truth, prediction), pcc);
        assertRelativelyClose(Icc.of(IccType.ICC_3_1, truth, prediction), icc);
    }

    private static void shiftInPlace(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] += OFFSET;
        }
    }

    private static void assertRelativelyClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
    }

    private static double[] shift(double[] values) {
        double[] shifted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            shifted[i] = OFFSET + values[i];
        }
        return shifted;
    }
}
