package org.affectiveprocesses.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.baselines.nn.ParameterNames;
import org.affectiveprocesses.baselines.nn.TemporalNetwork;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.junit.jupiter.api.Test;

/** The windowed test protocol of a baseline. */
class BaselineModelTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();
    private static final BaselineSpec SPEC = new BaselineSpec(new ConvGruConfig(1, 4, 3, ConvAxis.TIME, 1, 8), 6, VA, false);

    private static AffectSequence sequence(String id, int frames, int featureSize, long seed) {
        return TinyData.dataset(id, VA, 1, frames, featureSize, seed).get(0);
    }

    @Test
    void aWindowOfExactlyLFramesIsTheNetworkOnTheNormalisedInput() {
        AffectSequence s = sequence("s", 8, 6, 1);
        BaselineModelFile.Contents c = RandomModels.contents(SPEC, 4, 4);
        float[] expected;
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            TemporalNetwork net = NetworkFactory.build(SPEC);
            net.initialize(m);
            ParameterNames.of(net).forEach((name, p) -> p.getArray().set(c.weights().get(name)));
            float[] x = new float[8 * 6];
            for (int t = 0; t < 8; t++) {
                for (int i = 0; i < 6; i++) {
                    x[t * 6 + i] = (s.feature(t, i) - 0.5f) / 2f;
                }
            }
            expected = net.predict(new ParameterStore(m, false), m.create(x, new Shape(1, 8, 6)), false).toFloatArray();
        }
        try (BaselineModel model = BaselineModel.open(c, org.affectiveprocesses.api.Engine.auto().onDevice("cpu"))) {
            Prediction p = model.predict(s);
            for (int t = 0; t < 8; t++) {
                for (int d = 0; d < 2; d++) {
                    assertThat(p.mean(t, d)).isCloseTo(expected[t * 2 + d], org.assertj.core.data.Offset.offset(1e-6f));
                    assertThat(p.std(t, d)).isEqualTo(0.3f + 0.1f * d);
                }
            }
            assertThat(p.windows()).hasSize(1);
            assertThat(p.windows().get(0).contextSize()).isZero();
        }
    }

    @Test
    void framesWithoutAFaceGetNoPredictionAndAreLeftOutOfWindows() {
        AffectSequence full = sequence("s", 30, 6, 2);
        AffectSequence.Builder b = AffectSequence.builder("gappy", VA, 6);
        for (int t = 0; t < 30; t++) {
            if (t >= 10 && t < 13) {
                b.addInvalidFrame(t / 30.0);
            } else {
                b.addFrame(t / 30.0, full.features(t), full.pseudoLabels(t), full.labels(t));
            }
        }
        AffectSequence gappy = b.build();
        try (BaselineModel model = RandomModels.open(SPEC, 4, 4)) {
            Prediction p = model.predict(gappy);
            for (int t = 0; t < 30; t++) {
                boolean face = t < 10 || t >= 13;
                assertThat(p.isPredicted(t)).as("frame %d", t).isEqualTo(face);
                assertThat(Float.isNaN(p.mean(t, 0))).isEqualTo(!face);
            }
            // 27 valid frames, windows of 8 every 4: starts 0, 4, ..., 16, then the last aligned to the end
            assertThat(p.windows()).hasSize(6);
            assertThat(p.windows().get(2).start()).isEqualTo(8);
            assertThat(p.windows().get(2).length()).isEqualTo(11); // 8 valid frames spanning the gap
        }
    }

    @Test
    void overlappingWindowsWidenTheirSigmaWhereTheyDisagree() {
        AffectSequence s = sequence("s", 40, 6, 3);
        try (BaselineModel model = RandomModels.open(SPEC, 4, 4)) {
            Prediction p = model.predict(s);
            assertThat(p.std(0, 0)).isEqualTo(0.3f);
            for (int t = 4; t < 36; t++) {
                assertThat(p.std(t, 0)).isGreaterThanOrEqualTo(0.3f - 1e-6f);
            }
        }
    }

    @Test
    void shortSequencesArePredictedAsOneWindow() {
        AffectSequence s = sequence("short", 3, 6, 4);
        try (BaselineModel model = RandomModels.open(SPEC, 4, 4)) {
            Prediction p = model.predict(s);
            assertThat(p.length()).isEqualTo(3);
            assertThat(p.windows()).hasSize(1);
            assertThat(p.isPredicted(2)).isTrue();
        }
    }

    @Test
    void predictAllKeepsOrderAndMatchesSinglePredictions() {
        List<AffectSequence> seqs = List.of(sequence("a", 20, 6, 5), sequence("b", 5, 6, 6), sequence("c", 33, 6, 7));
        try (BaselineModel model = RandomModels.open(SPEC, 4, 4)) {
            List<Prediction> all = model.predictAll(seqs);
            for (int i = 0; i < seqs.size(); i++) {
                Prediction one = model.predict(seqs.get(i));
                assertThat(all.get(i).sequenceId()).isEqualTo(seqs.get(i).id());
                assertThat(all.get(i).meanSeries(1)).containsExactly(one.meanSeries(1));
            }
        }
    }

    @Test
    void wrongInputsAreRefusedWithTheirSizes() {
        try (BaselineModel model = RandomModels.open(SPEC, 4, 4)) {
            assertThatThrownBy(() -> model.predict(sequence("wide", 10, 7, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'wide-0'").hasMessageContaining("7-d features")
                    .hasMessageContaining("reads 6-d features");
            AffectSequence au = TinyData.dataset("au", LabelSpace.bp4d(), 1, 10, 6, 1).get(0);
            assertThatThrownBy(() -> model.predict(au)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bp4d-au").hasMessageContaining("valence-arousal");
        }
    }

    @Test
    void aClosedModelRefusesToPredict() {
        BaselineModel model = RandomModels.open(SPEC, 4, 4);
        model.close();
        model.close();
        assertThatThrownBy(() -> model.predict(sequence("s", 10, 6, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void evaluatesLikeTheAffectiveProcess() {
        SequenceDataset data = TinyData.dataset("data", VA, 2, 25, 6, 8);
        try (BaselineModel model = RandomModels.open(SPEC, 4, 4)) {
            EvaluationReport r = Evaluation.of(model, data);
            assertThat(r.dimensions()).containsExactly("valence", "arousal");
            assertThat(r.frameCount()).isEqualTo(50);
            assertThat(r.value(Metric.MSE, "valence")).isFinite().isPositive();
            assertThat(model.info().modelType()).isEqualTo("convgru");
            assertThat(model.info().parameters()).isEqualTo(SPEC.parameterCount());
            assertThat(model.complexity(8)).isEqualTo(SPEC.complexity(8));
        }
    }

    @Test
    void pseudoLabelsWidenTheInput() {
        BaselineSpec spec = new BaselineSpec(new SelfAttentionConfig(1, 2, 8, 6, true, 8), 6, VA, true);
        assertThat(spec.inputSize()).isEqualTo(8);
        try (BaselineModel model = RandomModels.open(spec, 4, 4)) {
            Prediction p = model.predict(sequence("s", 12, 6, 9));
            assertThat(p.isPredicted(11)).isTrue();
        }
        assertThatThrownBy(() -> new BaselineSpec(new ConvGruConfig(1, 4, 3, ConvAxis.FEATURE, 3, 8), 6, VA, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 input values as 3 channels");
    }
}
