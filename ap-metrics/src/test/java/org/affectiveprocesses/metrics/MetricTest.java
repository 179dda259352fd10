package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricTest {

    private static final double[] TRUTH = {1, 2, 3, 4};
    private static final double[] PREDICTION = {2, 2, 3, 5};

    @Test
    void displayNames() {
        assertThat(Metric.CCC.displayName()).isEqualTo("CCC");
        assertThat(Metric.ICC_3_1.displayName()).isEqualTo("ICC(3,1)");
        assertThat(Metric.ICC_3_1.displayName()).isEqualTo(IccType.ICC_3_1.displayName());
        assertThat(Metric.RMSE.displayName()).isEqualTo("RMSE");
    }

    @Test
    void directionOfImprovement() {
        for (Metric metric : new Metric[] {Metric.CCC, Metric.PCC, Metric.ICC_1_1,
                Metric.ICC_2_1, Metric.ICC_3_1}) {
            assertThat(metric.higherIsBetter()).as(metric.name()).isTrue();
        }
        for (Metric metric : new Metric[] {Metric.MSE, Metric.RMSE, Metric.MAE}) {
            assertThat(metric.higherIsBetter()).as(metric.name()).isFalse();
        }
    }

    @Test
    void computeDelegatesToTheMatchingFunction() {
        assertThat(Metric.CCC.compute(TRUTH, PREDICTION)).isEqualTo(Ccc.of(TRUTH, PREDICTION));
        assertThat(Metric.PCC.compute(TRUTH, PREDICTION)).isEqualTo(Pearson.of(TRUTH, PREDICTION));
        assertThat(Metric.ICC_1_1.compute(TRUTH, PREDICTION))
                .isEqualTo(Icc.of(IccType.ICC_1_1, TRUTH, PREDICTION));
        assertThat(Metric.ICC_2_1.compute(TRUTH, PREDICTION))
                .isEqualTo(Icc.of(IccType.ICC_2_1, TRUTH, PREDICTION));
        assertThat(Metric.ICC_3_1.compute(TRUTH, PREDICTION))
                .isEqualTo(Icc.of(IccType.ICC_3_1, TRUTH, PREDICTION));
        assertThat(Metric.MSE.compute(TRUTH, PREDICTION)).isEqualTo(0.5);
        assertThat(Metric.RMSE.compute(TRUTH, PREDICTION)).isEqualTo(Math.sqrt(0.5));
        assertThat(Metric.MAE.compute(TRUTH, PREDICTION)).isEqualTo(0.5);
    }
}
