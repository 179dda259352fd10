package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.metrics.Ccc;
import org.affectiveprocesses.metrics.Metric;
import org.junit.jupiter.api.Test;

/** Pooled and per-fold scores of a cross-validation. */
class CrossValidationTest {

    /** A sequence whose labels are known and whose pseudo-labels are the labels plus an offset. */
    private static AffectSequence sequence(String id, int n, double phase, float offset) {
        AffectSequence.Builder b = AffectSequence.builder(id, LabelSpace.valenceArousal(), 2);
        for (int t = 0; t < n; t++) {
            float v = (float) Math.sin(t * 0.2 + phase) * 0.5f;
            float a = (float) Math.cos(t * 0.3 + phase) * 0.4f;
            b.addFrame(new float[] {v, a}, new float[] {v + offset, a - offset}, new float[] {v, t % 5 == 0 ? Float.NaN : a});
        }
        return b.build();
    }

    /** Predicts the labels scaled by {@code gain} (NaN labels predicted as 0). */
    private static Function<List<AffectSequence>, List<Prediction>> scaled(double gain) {
        return seqs -> {
            List<Prediction> out = new ArrayList<>();
            for (AffectSequence s : seqs) {
                float[] mean = new float[s.length() * 2];
                float[] std = new float[s.length() * 2];
                boolean[] predicted = new boolean[s.length()];
                for (int t = 0; t < s.length(); t++) {
                    for (int d = 0; d < 2; d++) {
                        float y = s.label(t, d);
                        mean[t * 2 + d] = Float.isNaN(y) ? 0f : (float) (y * gain);
                        std[t * 2 + d] = 0.1f;
                    }
                    predicted[t] = true;
                }
                out.add(new Prediction(s.id(), s.labelSpace(), mean, std, predicted, List.of(), 0, new float[0]));
            }
            return out;
        };
    }

    @Test
    void poolsEveryTestFrameOfEveryFoldAndReportsEachFold() {
        SequenceDataset f1 = SequenceDataset.of("f1", List.of(sequence("a", 60, 0, 0.1f), sequence("b", 40, 1, 0.1f)));
        SequenceDataset f2 = SequenceDataset.of("f2", List.of(sequence("c", 50, 2, 0.3f)));
        List<int[]> progress = new ArrayList<>();

        CrossValidation.Report r = CrossValidation.of("AP").fold("fold1", f1, scaled(1.0)).fold("fold2", f2, scaled(0.5))
                .progress((done, total) -> progress.add(new int[] {done, total})).run();

        assertThat(r.folds()).extracting(CrossValidation.Fold::name).containsExactly("fold1", "fold2");
        assertThat(r.folds().get(0).model().value(Metric.CCC, "valence")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.folds().get(0).model().sequenceCount()).isEqualTo(2);
        assertThat(r.pooled().sequenceCount()).isEqualTo(3);
        assertThat(r.pooled().frameCount()).isEqualTo(150);
        // pooled = one CCC over the concatenated labelled frames of both folds
        List<Double> truth = new ArrayList<>();
        List<Double> pred = new ArrayList<>();
        for (AffectSequence s : List.of(f1.get(0), f1.get(1), f2.get(0))) {
            double gain = s.id().equals("c") ? 0.5 : 1.0;
            for (int t = 0; t < s.length(); t++) {
                truth.add((double) s.label(t, 0));
                pred.add(s.label(t, 0) * gain);
            }
        }
        double expected = Ccc.of(truth.stream().mapToDouble(Double::doubleValue).toArray(),
                pred.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(r.pooled().value(Metric.CCC, "valence")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(r.pooled().labelledFrameCount("arousal")).isEqualTo(120);
        assertThat(r.pooledBackbone().value(Metric.MSE, "valence")).isCloseTo((100 * 0.01 + 50 * 0.09) / 150,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(3, 3));
        String md = r.toMarkdown(Metric.CCC);
        assertThat(md).contains("| fold1 Backbone |", "| fold2 AP |", "| pooled AP |");
    }

    @Test
    void aSequenceTestedInTwoFoldsIsRejected() {
        SequenceDataset f1 = SequenceDataset.of("f1", List.of(sequence("a", 30, 0, 0.1f)));
        CrossValidation cv = CrossValidation.of("AP").fold("fold1", f1, scaled(1)).fold("fold2", f1, scaled(1));
        assertThatThrownBy(cv::run).hasMessageContaining("sequence 'a' is in the test split of fold 'fold1' and of fold 'fold2'");
        assertThatThrownBy(() -> CrossValidation.of("AP").run()).hasMessageContaining("add at least one fold");
    }

    @Test
    void oneFoldIsAPlainEvaluationWithTwoRows() {
        SequenceDataset test = SequenceDataset.of("t", List.of(sequence("a", 30, 0, 0.1f)));
        CrossValidation.Report r = CrossValidation.of("AP").fold("test", test, scaled(1)).run();
        assertThat(r.table(Metric.CCC).modelNames()).containsExactly("Backbone", "AP");
    }
}
