package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private static final double NAN = Double.NaN;

    /** One-dimension sequence as {@code [frame][dimension]}. */
    private static double[][] frames(double... values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new double[] {values[i]};
        }
        return out;
    }

    /**
     * Sequence A: truth [0,1], prediction [0,1]. CCC 1, MSE 0.
     * Sequence B: truth [0,1,0,1], prediction [1,2,1,2]: means 0.5 and 1.5, variances 0.25,
     * cov 0.25, so CCC = 0.5 / (0.25 + 0.25 + 1) = 1/3, MSE 1.
     */
    private static EvaluationReport.Builder twoSequences() {
        return EvaluationReport.builder(List.of("Valence"))
                .modelName("AP")
                .addSequence("A", frames(0, 1), frames(0, 1))
                .addSequence("B", frames(0, 1, 0, 1), frames(1, 2, 1, 2));
    }

    @Test
    void withModelNameKeepsValuesAndRejectsBlankNames() {
        EvaluationReport report = twoSequences().build(Pooling.POOLED, Metric.CCC);
        EvaluationReport renamed = report.withModelName("Backbone");
        assertThat(renamed.modelName()).isEqualTo("Backbone");
        assertThat(report.modelName()).isEqualTo("AP");
        assertThat(renamed.value(Metric.CCC, "Valence")).isEqualTo(report.value(Metric.CCC, "Valence"));
        assertThatThrownBy(() -> report.withModelName(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pooledConcatenatesAllFrames() {
        // truth [0,1,0,1,0,1], prediction [0,1,1,2,1,2]: means 1/2 and 7/6;
        // var(truth) = 1/4; prediction deviations -7/6,-1/6,-1/6,5/6,-1/6,5/6 give
        // var = (49+1+1+25+1+25)/36/6 = 17/36; cov = (7-1+1+5+1+5)/12/6 = 1/4;
        // CCC = 2 (1/4) / (1/4 + 17/36 + (2/3)^2) = (1/2) / (42/36) = 3/7.
        // MSE = (0+0+1+1+1+1)/6 = 2/3.
        EvaluationReport report = twoSequences().build(Pooling.POOLED, Metric.CCC, Metric.MSE);
        assertThat(report.value(Metric.CCC, "Valence")).isCloseTo(3.0 / 7.0, within(1e-15));
        assertThat(report.value(Metric.MSE, "Valence")).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(report.excludedSequences(Metric.CCC, "Valence")).isZero();
    }

    @Test
    void perSequenceMeanWeighsSequencesEqually() {
        // CCC (1 + 1/3) / 2 = 2/3; MSE (0 + 1) / 2 = 1/2: both differ from the pooled values.
        EvaluationReport report =
                twoSequences().build(Pooling.PER_SEQUENCE_MEAN, Metric.CCC, Metric.MSE);
        assertThat(report.value(Metric.CCC, "Valence")).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(report.value(Metric.MSE, "Valence")).isCloseTo(0.5, within(1e-15));
        assertThat(report.pooling()).isEqualTo(Pooling.PER_SEQUENCE_MEAN);
    }

    @Test
    void perSequenceMeanExcludesUndefinedAndTooShortSequences() {
        EvaluationReport report =
                twoSequences()
                        // constant truth equal to the prediction: CCC is NaN, MSE is 0
                        .addSequence("C", frames(0.5, 0.5), frames(0.5, 0.5))
                        // a single labelled frame: no metric at all
                        .addSequence("D", frames(0.2, NAN), frames(0.1, 0.9))
                        .build(Pooling.PER_SEQUENCE_MEAN, Metric.CCC, Metric.MSE);
        assertThat(report.value(Metric.CCC, "Valence")).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(report.excludedSequences(Metric.CCC, "Valence")).isEqualTo(2);
        // MSE (0 + 1 + 0) / 3
        assertThat(report.value(Metric.MSE, "Valence")).isCloseTo(1.0 / 3.0, within(1e-15));
        assertThat(report.excludedSequences(Metric.MSE, "Valence")).isEqualTo(1);
        assertThat(report.sequenceCount()).isEqualTo(4);
        assertThat(report.frameCount()).isEqualTo(10);
    }

    @Test
    void perSequenceMeanIsNanWhenEverySequenceIsExcluded() {
        EvaluationReport report =
                EvaluationReport.builder(List.of("Valence"))
                        .addSequence("C", frames(0.5, 0.5), frames(0.5, 0.5))
                        .build(Pooling.PER_SEQUENCE_MEAN, Metric.PCC);
        assertThat(report.value(Metric.PCC, 0)).isNaN();
        assertThat(report.mean(Metric.PCC)).isNaN();
        assertThat(report.excludedSequences(Metric.PCC, "Valence")).isEqualTo(1);
    }

    @Test
    void unlabelledFramesAreSkippedPerDimension() {
        double[][] truth = {{0, 0}, {NAN, 1}, {1, 2}};
        double[][] prediction = {{0, 0}, {NAN, 1}, {1, 2}}; // NaN allowed where unlabelled
        double[][] wrongWhereUnlabelled = {{0, 0}, {99, 1}, {1, 2}};
        for (double[][] p : new double[][][] {prediction, wrongWhereUnlabelled}) {
            EvaluationReport report =
                    EvaluationReport.builder(List.of("Valence", "Arousal"))
                            .addSequence("s", truth, p)
                            .build(Pooling.POOLED, Metric.CCC, Metric.MSE);
            assertThat(report.value(Metric.CCC, "Valence")).isEqualTo(1.0);
            assertThat(report.value(Metric.MSE, "Valence")).isEqualTo(0.0);
            assertThat(report.labelledFrameCount("Valence")).isEqualTo(2);
            assertThat(report.labelledFrameCount("Arousal")).isEqualTo(3);
            assertThat(report.frameCount()).isEqualTo(3);
        }
    }

    @Test
    void gettersAndMean() {
        EvaluationReport report = markdownExample();
        assertThat(report.modelName()).isEqualTo("AP");
        assertThat(report.dimensions()).containsExactly("Valence", "Arousal");
        assertThat(report.metrics()).containsExactly(Metric.CCC, Metric.MSE);
        assertThat(report.sequenceCount()).isEqualTo(1);
        assertThat(report.frameCount()).isEqualTo(4);
        assertThat(report.value(Metric.CCC, 0)).isEqualTo(report.value(Metric.CCC, "Valence"));
        assertThat(report.value(Metric.CCC, "Valence")).isCloseTo(5.0 / 6.0, within(1e-15));
        assertThat(report.mean(Metric.CCC)).isCloseTo((5.0 / 6.0 + 1.0) / 2, within(1e-15));
        assertThat(report.mean(Metric.MSE)).isEqualTo(0.25);
        assertThat(report.toString()).contains("AP", "POOLED");
    }

    /** Valence: truth [1,2,3,4], prediction [2,2,3,5] (CCC 5/6, MSE 0.5); Arousal exact. */
    private static EvaluationReport markdownExample() {
        double[][] truth = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
        double[][] prediction = {{2, 1}, {2, 2}, {3, 3}, {5, 4}};
        return EvaluationReport.builder(List.of("Valence", "Arousal"))
                .modelName("AP")
                .addSequence("video", truth, prediction)
                .build(Pooling.POOLED, Metric.CCC, Metric.MSE);
    }

    @Test
    void markdown() {
        assertThat(markdownExample().toMarkdown())
                .isEqualTo(
                        "| Metric | Valence | Arousal | Mean |\n"
                                + "|---|---|---|---|\n"
                                + "| CCC | 0.833 | 1.000 | 0.917 |\n"
                                + "| MSE | 0.500 | 0.000 | 0.250 |\n");
    }

    @Test
    void csv() {
        assertThat(markdownExample().toCsv())
                .isEqualTo(
                        "Metric,Valence,Arousal,Mean\n"
                                + "CCC,0.8333333333333334,1.0,0.9166666666666667\n"
                                + "MSE,0.5,0.0,0.25\n");
    }

    @Test
    void isImmutable() {
        double[][] truth = {{0}, {1}, {2}};
        double[][] prediction = {{0}, {1}, {2}};
        EvaluationReport.Builder builder =
                EvaluationReport.builder(List.of("Valence")).addSequence("s", truth, prediction);
        prediction[2][0] = 5; // after adding: must not matter
        EvaluationReport report = builder.build(Pooling.POOLED, Metric.MSE);
        assertThat(report.value(Metric.MSE, "Valence")).isZero();
        assertThatThrownBy(() -> report.dimensions().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> report.metrics().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void malformedSequencesAreRejectedWithTheirLocation() {
        EvaluationReport.Builder builder =
                EvaluationReport.builder(List.of("Valence", "Arousal"))
                        .addSequence("s1", new double[][] {{0, 0}, {1, 1}},
                                new double[][] {{0, 0}, {1, 1}});
        assertThatThrownBy(() -> builder.addSequence("s1", new double[][] {{0, 0}},
                        new double[][] {{0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s1' was already added");
        assertThatThrownBy(() -> builder.addSequence("s2", new double[][] {{0, 0}, {1}},
                        new double[][] {{0, 0}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truth[1] of sequence 's2' has 1 values");
        assertThatThrownBy(() -> builder.addSequence("s3", new double[][] {{0, 0}, {1, 1}},
                        new double[][] {{0, 0}, {1, NAN}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prediction[1][1] of sequence 's3' is NaN");
        assertThatThrownBy(() -> builder.addSequence("s4",
                        new double[][] {{0, Double.POSITIVE_INFINITY}}, new double[][] {{0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truth[0][1] of sequence 's4' is Infinity");
        assertThatThrownBy(() -> builder.addSequence("s5", new double[][] {{0, 0}},
                        new double[][] {{0, 0}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in frame count");
        assertThatThrownBy(() -> builder.addSequence("s6", new double[0][], new double[0][]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no frames");
        assertThatThrownBy(() -> builder.addSequence(" ", new double[][] {{0, 0}},
                        new double[][] {{0, 0}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.addSequence("s7", null, new double[][] {{0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truth of sequence 's7' must not be null");
        // the failed additions left the builder intact
        assertThat(builder.build(Pooling.POOLED, Metric.MAE).sequenceCount()).isEqualTo(1);
    }

    @Test
    void pooledNeedsTwoLabelledFramesPerDimension() {
        EvaluationReport.Builder builder =
                EvaluationReport.builder(List.of("Valence", "Arousal"))
                        .addSequence("s", new double[][] {{0, NAN}, {1, 1}},
                                new double[][] {{0, 0}, {1, 1}});
        assertThatThrownBy(() -> builder.build(Pooling.POOLED, Metric.CCC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Arousal' has 1 labelled frames");
    }

    @Test
    void badBuildArgumentsAndLookups() {
        assertThatThrownBy(() -> EvaluationReport.builder(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvaluationReport.builder(List.of("V", "V")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats 'V'");
        assertThatThrownBy(() -> EvaluationReport.builder(List.of("V")).build(Pooling.POOLED,
                        Metric.CCC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no sequence");
        assertThatThrownBy(() -> twoSequences().build(Pooling.POOLED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twoSequences().build(Pooling.POOLED, Metric.CCC, Metric.CCC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> twoSequences().build(null, Metric.CCC))
                .isInstanceOf(IllegalArgumentException.class);

        EvaluationReport report = twoSequences().build(Pooling.POOLED, Metric.CCC);
        assertThatThrownBy(() -> report.value(Metric.PCC, "Valence"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was not computed");
        assertThatThrownBy(() -> report.value(Metric.CCC, "Arousal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown dimension 'Arousal'");
        assertThatThrownBy(() -> report.value(Metric.CCC, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }
}
