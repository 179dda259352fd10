package org.affectiveprocesses.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private static final List<String> DIMENSIONS = List.of("Valence", "Arousal");

    /** A report whose MAE is exactly {@code |valence|} and {@code |arousal|}. */
    private static EvaluationReport report(String model, double valence, double arousal) {
        return report(model, valence, arousal, Pooling.POOLED, DIMENSIONS);
    }

    private static EvaluationReport report(
            String model, double valence, double arousal, Pooling pooling, List<String> dims) {
        return EvaluationReport.builder(dims)
                .modelName(model)
                .addSequence("s", new double[][] {{0, 0}, {0, 0}},
                        new double[][] {{valence, arousal}, {valence, arousal}})
                .build(pooling, Metric.MAE, Metric.MSE);
    }

    @Test
    void markdownLikeThePaper() {
        ResultsTable table =
                ResultsTable.of(Metric.MAE, report("Backbone", 0.576, 0.632), report("AP", 0.5, 0.25));
        assertThat(table.toMarkdown())
                .isEqualTo(
                        "| Model | Valence | Arousal | Mean |\n"
                                + "|---|---|---|---|\n"
                                + "| Backbone | 0.576 | 0.632 | 0.604 |\n"
                                + "| AP | 0.500 | 0.250 | 0.375 |\n");
    }

    @Test
    void csvQuotesAndKeepsFullPrecision() {
        ResultsTable table = ResultsTable.of(Metric.MSE, List.of(report("AP, large", 0.5, 0.25)));
        assertThat(table.toCsv())
                .isEqualTo("Model,Valence,Arousal,Mean\n\"AP, large\",0.25,0.0625,0.15625\n");
    }

    @Test
    void markdownEscapesPipes() {
        ResultsTable table = ResultsTable.of(Metric.MAE, report("a|b", 0.5, 0.25));
        assertThat(table.toMarkdown()).contains("| a\\|b | 0.500 |");
    }

    @Test
    void getters() {
        ResultsTable table =
                ResultsTable.of(Metric.MAE, report("Backbone", 0.576, 0.632), report("AP", 0.5, 0.25));
        assertThat(table.metric()).isEqualTo(Metric.MAE);
        assertThat(table.pooling()).isEqualTo(Pooling.POOLED);
        assertThat(table.modelNames()).containsExactly("Backbone", "AP");
        assertThat(table.dimensions()).containsExactly("Valence", "Arousal");
        assertThat(table.value("AP", "Arousal")).isEqualTo(0.25);
        assertThat(table.mean("AP")).isEqualTo(0.375);
        assertThatThrownBy(() -> table.value("Nope", "Arousal"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.value("AP", "Nope"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incompatibleReportsAreRejected() {
        EvaluationReport ap = report("AP", 0.5, 0.25);
        assertThatThrownBy(() -> ResultsTable.of(Metric.MAE, ap, report("AP", 0.1, 0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats a model name");
        assertThatThrownBy(() -> ResultsTable.of(Metric.MAE, ap,
                        report("B", 0.1, 0.1, Pooling.PER_SEQUENCE_MEAN, DIMENSIONS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PER_SEQUENCE_MEAN");
        assertThatThrownBy(() -> ResultsTable.of(Metric.MAE, ap,
                        report("B", 0.1, 0.1, Pooling.POOLED, List.of("Arousal", "Valence"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimensions");
        assertThatThrownBy(() -> ResultsTable.of(Metric.CCC, ap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no CCC");
        assertThatThrownBy(() -> ResultsTable.of(Metric.MAE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
