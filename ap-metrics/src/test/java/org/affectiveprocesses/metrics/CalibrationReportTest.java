package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationReportTest {
    private static final double NAN = Double.NaN;

    @Test
    void anEvaluationWithSigmaMeasuresCalibrationOverItsLabelledFrames() {
        // sequence a: frame 1 unlabelled for d0, its σ (0) is not read; sequence b: one frame
        double[][] truthA = {{1.0, 0.0}, {NAN, 0.5}, {0.0, -0.5}};
        double[][] meanA = {{0.0, 0.0}, {9.0, 0.0}, {0.0, 0.0}};
        double[][] stdA = {{0.5, 1.0}, {0.0, 1.0}, {1.0, 1.0}};
        double[][] truthB = {{0.5, 2.0}};
        double[][] meanB = {{0.0, 0.0}};
        double[][] stdB = {{1.0, 1.0}};
        EvaluationReport r = EvaluationReport.builder(List.of("v", "a")).modelName("m")
                .addSequence("a", truthA, meanA, stdA).addSequence("b", truthB, meanB, stdB)
                .build(Pooling.POOLED, Metric.CCC);
        CalibrationReport c = r.calibration();
        assertThat(c.columns()).containsExactly("v", "a", "All");
        assertThat(c.frames("v")).isEqualTo(3);
        assertThat(c.frames("a")).isEqualTo(4);
        assertThat(c.frames("All")).isEqualTo(7);
        // v: z = 2, 0, 0.5 → inside ±1σ: 2 of 3; a: z = 0, 0.5, -0.5, 2 → 3 of 4; pooled 5 of 7
        assertThat(c.value(CalibrationReport.Measure.COVERAGE_1_SIGMA, "v")).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(c.value(CalibrationReport.Measure.COVERAGE_1_SIGMA, "a")).isEqualTo(0.75);
        assertThat(c.value(CalibrationReport.Measure.COVERAGE_1_SIGMA, "All")).isCloseTo(5.0 / 7, within(1e-15));
        assertThat(c.value(CalibrationReport.Measure.COVERAGE_2_SIGMA, "All")).isEqualTo(1.0);
        assertThat(c.value(CalibrationReport.Measure.SHARPNESS, "v")).isCloseTo(2.5 / 3, within(1e-15));
        assertThat(c.value(CalibrationReport.Measure.NLL, "a")).isCloseTo(
                Calibration.nll(new double[] {0, 0.5, -0.5, 2}, new double[4], new double[] {1, 1, 1, 1}), within(1e-15));
        assertThat(c.observedFrequencies("All")).hasSize(19);
        assertThat(c.toMarkdown()).contains("| coverage ±1σ | 0.667 | 0.750 | 0.714 | 0.683 |");
        assertThat(c.toCsv()).startsWith("Calibration,v,a,All,Ideal\n");
        assertThat(r.withModelName("n").calibration()).isSameAs(c);
    }

    @Test
    void withoutSigmaThereIsNoCalibrationAndBadSigmaIsNamed() {
        EvaluationReport plain = EvaluationReport.builder(List.of("v")).addSequence("s", new double[][] {{1}, {0}},
                new double[][] {{0}, {0}}).build(Pooling.POOLED, Metric.MSE);
        assertThat(plain.hasCalibration()).isFalse();
        assertThatThrownBy(plain::calibration).isInstanceOf(IllegalStateException.class).hasMessageContaining("gave no");
        assertThatThrownBy(() -> EvaluationReport.builder(List.of("v")).addSequence("s", new double[][] {{1}, {0}},
                new double[][] {{0}, {0}}, new double[][] {{1}, {-1}}))
                .hasMessageContaining("std[1][0] of sequence 's' is -1.0");
    }
}
