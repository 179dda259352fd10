package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IccTest {

    /** Shrout & Fleiss (1979), Table 2: 6 targets (rows) x 4 judges (columns). */
    private static final double[][] SHROUT_FLEISS = {
        {9, 2, 5, 8},
        {6, 1, 3, 2},
        {8, 4, 6, 8},
        {7, 1, 2, 6},
        {10, 5, 6, 9},
        {6, 2, 4, 7},
    };

    @Test
    void shroutFleissMeanSquares() {
        // By hand: row sums 24,12,26,16,30,19 (grand sum 127, N = 24, correction 127^2/24);
        // column sums 46,15,26,40; sum of squares 841.
        // SS_targets = (24^2+12^2+26^2+16^2+30^2+19^2)/4 - 127^2/24 = 728.25 - 672.0417 = 56.2083
        // SS_total   = 841 - 672.0417 = 168.9583, SS_within = 168.9583 - 56.2083 = 112.75
        // SS_judges  = (46^2+15^2+26^2+40^2)/6 - 672.0417 = 769.5 - 672.0417 = 97.4583
        // SS_error   = 112.75 - 97.4583 = 15.2917
        // BMS = 56.2083/5 = 1349/120 = 11.24   WMS = 112.75/18 = 451/72  = 6.26
        // JMS = 97.4583/3 = 2339/72  = 32.49   EMS = 15.2917/15 = 367/360 = 1.02
        MeanSquares ms = MeanSquares.of(SHROUT_FLEISS);
        assertThat(ms.targets()).isEqualTo(6);
        assertThat(ms.raters()).isEqualTo(4);
        assertThat(ms.bms()).isCloseTo(1349.0 / 120.0, within(1e-12));
        assertThat(ms.wms()).isCloseTo(451.0 / 72.0, within(1e-12));
        assertThat(ms.jms()).isCloseTo(2339.0 / 72.0, within(1e-12));
        assertThat(ms.ems()).isCloseTo(367.0 / 360.0, within(1e-12));
    }

    @Test
    void shroutFleissPublishedIccs() {
        assertThat(Icc.of(IccType.ICC_1_1, SHROUT_FLEISS)).isCloseTo(0.17, within(0.005));
        assertThat(Icc.of(IccType.ICC_2_1, SHROUT_FLEISS)).isCloseTo(0.29, within(0.005));
        assertThat(Icc.of(IccType.ICC_3_1, SHROUT_FLEISS)).isCloseTo(0.71, within(0.005));
    }

    @Test
    void shroutFleissIccsFromExactMeanSquares() {
        double bms = 1349.0 / 120.0;
        double wms = 451.0 / 72.0;
        double jms = 2339.0 / 72.0;
        double ems = 367.0 / 360.0;
        assertThat(Icc.of(IccType.ICC_1_1, SHROUT_FLEISS))
                .isCloseTo((bms - wms) / (bms + 3 * wms), within(1e-12)); // 0.1657
        assertThat(Icc.of(IccType.ICC_2_1, SHROUT_FLEISS))
                .isCloseTo((bms - ems) / (bms + 3 * ems + 4 * (jms - ems) / 6), within(1e-12));
        assertThat(Icc.of(IccType.ICC_3_1, SHROUT_FLEISS))
                .isCloseTo((bms - ems) / (bms + 3 * ems), within(1e-12)); // 0.7148
    }

    @Test
    void twoRaterFormMatchesTableForm() {
        double[] truth = {0.1, 0.5, -0.3, 0.8, 0.0};
        double[] prediction = {0.2, 0.3, -0.1, 0.9, 0.2};
        double[][] table = new double[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            table[i] = new double[] {truth[i], prediction[i]};
        }
        for (IccType type : IccType.values()) {
            assertThat(Icc.of(type, truth, prediction)).isEqualTo(Icc.of(type, table));
        }
    }

    @Test
    void icc31IgnoresAConstantOffsetButIcc21DoesNot() {
        double[] truth = {0.1, 0.5, -0.3, 0.8, 0.0, -0.6};
        double[] prediction = {0.2, 0.3, -0.1, 0.9, 0.2, -0.4};
        double[] shifted = new double[prediction.length];
        for (int i = 0; i < prediction.length; i++) {
            shifted[i] = prediction[i] + 0.5;
        }
        assertThat(Icc.of(IccType.ICC_3_1, truth, shifted))
                .isCloseTo(Icc.of(IccType.ICC_3_1, truth, prediction), within(1e-12));
        assertThat(Icc.of(IccType.ICC_2_1, truth, shifted))
                .isLessThan(Icc.of(IccType.ICC_2_1, truth, prediction) - 0.1);
    }

    @Test
    void perfectAgreementIsExactlyOne() {
        double[] series = {0.1, 0.7, -0.2, 0.35};
        for (IccType type : IccType.values()) {
            assertThat(Icc.of(type, series, series.clone())).as(type.name()).isEqualTo(1.0);
        }
    }

    @Test
    void allValuesEqualIsUndefined() {
        double[] constant = {0.1, 0.1, 0.1};
        for (IccType type : IccType.values()) {
            assertThat(Icc.of(type, constant, constant.clone())).as(type.name()).isNaN();
        }
    }

    @Test
    void twoDifferentConstantSeries() {
        // Every target is rated (0.1, 0.3): BMS = EMS = 0, WMS = 0.02, JMS = 0.06.
        double[] truth = {0.1, 0.1, 0.1};
        double[] prediction = {0.3, 0.3, 0.3};
        assertThat(Icc.of(IccType.ICC_3_1, truth, prediction)).isNaN(); // 0 / 0
        assertThat(Icc.of(IccType.ICC_1_1, truth, prediction)).isEqualTo(-1.0); // -WMS / WMS
        assertThat(Icc.of(IccType.ICC_2_1, truth, prediction)).isEqualTo(0.0); // 0 / (k JMS / n)
        MeanSquares ms = MeanSquares.of(truth, prediction);
        assertThat(ms.bms()).isZero();
        assertThat(ms.ems()).isZero();
    }

    @Test
    void icc21WithVanishingDenominatorIsUndefined() {
        // n = k = 2, rows (1,2) and (2,1): BMS = JMS = 0, EMS = 1 and
        // BMS + (k-1) EMS + k (JMS - EMS) / n = 0 + 1 - 1 = 0.
        double[][] ratings = {{1, 2}, {2, 1}};
        assertThat(Icc.of(IccType.ICC_2_1, ratings)).isNaN();
        assertThat(Icc.of(IccType.ICC_3_1, ratings)).isEqualTo(-1.0);
    }

    @Test
    void raggedOrNonFiniteTablesAreRejected() {
        assertThatThrownBy(() -> Icc.of(IccType.ICC_3_1, new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratings[1]");
        assertThatThrownBy(() -> Icc.of(IccType.ICC_3_1, new double[][] {{1, 2}, {3, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratings[1][1] is NaN");
        assertThatThrownBy(() -> Icc.of(IccType.ICC_3_1, new double[][] {{1, 2}, null}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratings[1]");
        assertThatThrownBy(() -> Icc.of(IccType.ICC_3_1, new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 targets");
        assertThatThrownBy(() -> Icc.of(IccType.ICC_3_1, new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 raters");
        assertThatThrownBy(() -> Icc.of(null, new double[][] {{1, 2}, {3, 4}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type");
    }

    @Test
    void meanSquaresRejectInvalidComponents() {
        assertThatThrownBy(() -> new MeanSquares(1, 2, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeanSquares(3, 2, -1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeanSquares(3, 2, 1, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
