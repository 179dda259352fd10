package org.affectiveprocesses.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.AffectModel;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.Configuration;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelInfo;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.metrics.CalibrationReport;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Pooling;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static AffectSequence sequence() {
        AffectSequence.Builder b = AffectSequence.builder("s", LabelSpace.valenceArousal(), 1);
        b.addFrame(0.0, new float[] {1f}, new float[] {0.25f, -0.5f}, new float[] {0.5f, Float.NaN});
        b.addInvalidFrame(0.1);
        b.addFrame(0.2, new float[] {2f}, new float[] {0.75f, 0.125f}, new float[] {-0.25f, 1f});
        return b.build();
    }

    @Test
    void truthIsNaNWhereMissingOrWithoutAFace() {
        double[][] truth = Evaluation.truth(sequence());
        assertThat(truth).hasDimensions(3, 2);
        assertThat(truth[0]).containsExactly(0.5, Double.NaN);
        assertThat(truth[1]).containsExactly(Double.NaN, Double.NaN);
        assertThat(truth[2]).containsExactly(-0.25, 1.0);
    }

    @Test
    void pseudoLabelsAreNaNWithoutAFace() {
        double[][] pseudo = Evaluation.pseudoLabels(sequence());
        assertThat(pseudo).hasDimensions(3, 2);
        assertThat(pseudo[0]).containsExactly(0.25, -0.5);
        assertThat(pseudo[1]).containsExactly(Double.NaN, Double.NaN);
        assertThat(pseudo[2]).containsExactly(0.75, 0.125);
    }

    @Test
    void meansAreThePredictiveMeansPerFrame() {
        float nan = Float.NaN;
        Prediction p = new Prediction("s", LabelSpace.valenceArousal(),
                new float[] {0.5f, -0.125f, nan, nan, 0.25f, 1f},
                new float[] {0.1f, 0.1f, nan, nan, 0.2f, 0.2f},
                new boolean[] {true, false, true}, List.of(), 0, new float[0]);
        double[][] means = Evaluation.means(p);
        assertThat(means).hasDimensions(3, 2);
        assertThat(means[0]).containsExactly(0.5, -0.125);
        assertThat(means[1]).containsExactly(Double.NaN, Double.NaN);
        assertThat(means[2]).containsExactly(0.25, 1.0);
    }

    @Test
    void predictionsFarOutsideTheLabelRangeAreRefusedNamingWhere() {
        AffectSequence s = sequence();
        SequenceDataset data = SequenceDataset.of("d", List.of(s));
        double bound = Evaluation.MAX_ABS_PREDICTION;
        double[][] far = {{0.25, 0}, {Double.NaN, Double.NaN}, {0, -1.5 * bound}};
        assertThatThrownBy(() -> Evaluation.requireInLabelRange(data, s, far))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-150.0")
                .hasMessageContaining("arousal").hasMessageContaining("frame 2").hasMessageContaining("'s'")
                .hasMessageContaining("'d'");
        Evaluation.requireInLabelRange(data, s, new double[][] {{bound, -bound}, {Double.NaN, Double.NaN}, {0, 0}});
    }

    @Test
    void aModelWithSigmaIsScoredForCalibrationToo() {
        AffectSequence s = sequence();
        Prediction p = new Prediction("s", LabelSpace.valenceArousal(), new float[] {0.25f, 0f, 0f, 0f, 0f, 0.5f},
                new float[] {0.5f, 1f, Float.NaN, Float.NaN, 0.25f, 1f}, new boolean[] {true, false, true}, List.of(), 0,
                new float[0]);
        EvaluationReport r = Evaluation.of("m", SequenceDataset.of("d", List.of(s, renamed(s))),
                seqs -> seqs.stream().map(x -> p).toList(), Pooling.POOLED);
        // valence z = 0.5, -1; arousal z = 0.5 (twice each)
        assertThat(r.calibration().value(CalibrationReport.Measure.COVERAGE_1_SIGMA, "valence")).isEqualTo(1.0);
        assertThat(r.calibration().frames(CalibrationReport.POOLED)).isEqualTo(6);
        assertThat(Evaluation.stds(p)[2]).containsExactly(0.25, 1.0);
    }

    @Test
    void dataOfAnotherCorpusOrTheTrainingDataAreNamed() {
        SequenceDataset test = SequenceDataset.of("synthetic-va(seed 1)/test", List.of(sequence()));
        SequenceDataset train = SequenceDataset.of("synthetic-va(seed 1)/train", List.of(renamed(sequence())));
        SequenceDataset other = SequenceDataset.of("synthetic-va(seed 3)/test", List.of(sequence()));
        AffectModel model = model(new Provenance("v", "djl", "", Configuration.textOnly("c"), train.identity(),
                "synthetic-va(seed 1)/validation (1 sequences, 3 frames, dx 1, valence-arousal)", Map.of(), 1));
        assertThat(Evaluation.dataWarnings(model, test)).isEmpty();
        assertThat(Evaluation.dataWarnings(model, train)).singleElement().asString().contains("trained on");
        assertThat(Evaluation.dataWarnings(model, other)).singleElement().asString()
                .contains("trained on 'synthetic-va(seed 1)'").contains("comes from 'synthetic-va(seed 3)'");
        assertThat(Evaluation.dataWarnings(model(Provenance.untrained("v", "djl", "none")), other)).isEmpty();
    }

    @Test
    void aCorpusOfTheSameNameMadeFromAnotherSourceIsNamed() {
        SequenceDataset train = SequenceDataset.of("synthetic-va(seed 1)/train", "0ec205f1", List.of(renamed(sequence())));
        SequenceDataset test = SequenceDataset.of("synthetic-va(seed 1)/test", "0ec205f1", List.of(sequence()));
        SequenceDataset regenerated = SequenceDataset.of("synthetic-va(seed 1)/test", "9f00aa17", List.of(sequence()));
        SequenceDataset unknown = SequenceDataset.of("synthetic-va(seed 1)/test", List.of(sequence()));
        AffectModel model = model(new Provenance("v", "djl", "", Configuration.textOnly("c"), train.identity(),
                "", Map.of(), 1));
        assertThat(model.info().provenance().trainingData()).contains("synthetic-va(seed 1)/train")
                .endsWith(", source 0ec205f1)");
        assertThat(Evaluation.dataWarnings(model, test)).isEmpty();
        assertThat(Evaluation.dataWarnings(model, regenerated)).singleElement().asString()
                .contains("trained on 'synthetic-va(seed 1)' made from source 0ec205f1")
                .contains("'synthetic-va(seed 1)/test' was made from source 9f00aa17");
        // a source known on one side only is no evidence either way
        assertThat(Evaluation.dataWarnings(model, unknown)).isEmpty();
        AffectModel older = model(new Provenance("v", "djl", "", Configuration.textOnly("c"),
                SequenceDataset.of("synthetic-va(seed 1)/train", List.of(renamed(sequence()))).identity(), "", Map.of(), 1));
        assertThat(Evaluation.dataWarnings(older, regenerated)).isEmpty();
        // another corpus is named as such, whatever the sources
        SequenceDataset otherSeed = SequenceDataset.of("synthetic-va(seed 3)/test", "9f00aa17", List.of(sequence()));
        assertThat(Evaluation.dataWarnings(model, otherSeed)).singleElement().asString()
                .contains("comes from 'synthetic-va(seed 3)'");
    }

    private static AffectSequence renamed(AffectSequence s) {
        AffectSequence.Builder b = AffectSequence.builder(s.id() + "-2", s.labelSpace(), s.featureSize());
        for (int t = 0; t < s.length(); t++) {
            if (s.isValid(t)) {
                b.addFrame(s.seconds(t), s.features(t), s.pseudoLabels(t), s.labels(t));
            } else {
                b.addInvalidFrame(s.seconds(t));
            }
        }
        return b.build();
    }

    private static AffectModel model(Provenance provenance) {
        return new AffectModel() {
            @Override
            public ModelInfo info() {
                return new ModelInfo("test", "test", LabelSpace.valenceArousal(), 1, 0, provenance);
            }

            @Override
            public String engineName() {
                return "none";
            }

            @Override
            public Complexity complexity(int windowLength) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Prediction predict(AffectSequence sequence) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void save(Path file) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
    }
}
