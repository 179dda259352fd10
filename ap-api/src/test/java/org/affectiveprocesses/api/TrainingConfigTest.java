package org.affectiveprocesses.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.affectiveprocesses.metrics.Metric;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void presetsAreThePapersProtocol() {
        TrainingConfig va = TrainingConfig.valenceArousal();
        assertThat(va.batchSize()).isEqualTo(16);
        assertThat(va.learningRate()).isEqualTo(2.5e-4);
        assertThat(va.weightDecay()).isEqualTo(1e-4);
        assertThat(va.epochs() * va.iterationsPerEpoch()).isEqualTo(25_000);
        assertThat(va.objective()).isEqualTo(Objective.NLL_REG);
        assertThat(va.minClipLength()).isEqualTo(35);
        assertThat(va.maxClipLength()).isEqualTo(70);
        assertThat(va.groundTruthContextProbability()).isEqualTo(0.5);
        assertThat(va.validation().contextSize()).isEqualTo(40);
        TrainingConfig au = TrainingConfig.actionUnits();
        assertThat(au.batchSize()).isEqualTo(6);
        assertThat(au.learningRate()).isEqualTo(1e-4);
        assertThat(au.weightDecay()).isEqualTo(5e-4);
        assertThat(au.selectionMetric()).isEqualTo(Metric.ICC_3_1);
    }

    @Test
    void withersCopyAndValidate() {
        TrainingConfig c = TrainingConfig.valenceArousal().withSeed(3).withSchedule(2, 10);
        assertThat(c.seed()).isEqualTo(3);
        assertThat(c.totalSteps()).isEqualTo(20);
        assertThat(TrainingConfig.valenceArousal().seed()).isZero();
        assertThatThrownBy(() -> c.withBatchSize(0)).hasMessageContaining("batchSize must be >= 1");
        assertThatThrownBy(() -> c.toBuilder().clipLength(70, 35).build()).hasMessageContaining("minClipLength");
    }

    @Test
    void deterministicApRejectsKlAndSwitchesSelectionToRandom() {
        TrainingConfig det = TrainingConfig.valenceArousal()
                .withArchitecture(ApArchitecture.paper().withVariant(ApVariant.DETERMINISTIC));
        assertThat(det.validation().selector().name()).isEqualTo("random");
        assertThatThrownBy(() -> det.withObjective(Objective.NLL_KL)).hasMessageContaining("needs a latent distribution");
    }

    @Test
    void lossWeightsAndAdamEpsilonMustBeFinite() {
        TrainingConfig c = TrainingConfig.valenceArousal();
        assertThatThrownBy(() -> c.toBuilder().lambdas(Double.POSITIVE_INFINITY, 1).build())
                .hasMessageContaining("loss weights must be finite and >= 0, got Infinity, 1.0");
        assertThatThrownBy(() -> c.toBuilder().lambdas(1, Double.NaN).build()).hasMessageContaining("loss weights");
        assertThatThrownBy(() -> c.toBuilder().adamEpsilon(Double.POSITIVE_INFINITY).build())
                .hasMessageContaining("adamEpsilon must be positive and finite, got Infinity");
    }

    @Test
    void functionSamplesAreBounded() {
        InferenceOptions o = InferenceOptions.paper();
        assertThat(o.withSamples(InferenceOptions.MAX_SAMPLES, 1).numSamples()).isEqualTo(1000);
        assertThatThrownBy(() -> o.withSamples(Integer.MAX_VALUE, 1))
                .hasMessageContaining("numSamples must be in [0, 1000], got 2147483647");
        assertThatThrownBy(() -> o.withSamples(-1, 1)).hasMessageContaining("numSamples");
    }
}
