package org.affectiveprocesses.engine.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.Objective;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.core.training.ClipSampler;
import org.affectiveprocesses.core.training.LearningRateSchedule;
import org.affectiveprocesses.core.training.TrainingBatch;
import org.affectiveprocesses.engine.djl.DjlBackend;
import org.affectiveprocesses.engine.tensorflow.TfBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two engines' training kernels follow the same trajectory: from the same weights, on the
 * same batches and cosine learning rates, they report the same losses step after step and end
 * with the same weights up to float rounding (about 2e-6 after 10 steps when measured; 1e-4 is
 * allowed). The deterministic AP and AP+Det+Att between them cover every layer and loss term.
 */
class TrainingAgreementTest {
    private static final int STEPS = 10;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApVariant.class, names = {"DETERMINISTIC", "LATENT_DETERMINISTIC_ATTENTION"})
    void bothEnginesTakeTheSameSteps(ApVariant variant) {
        SyntheticAffectCorpus corpus = SyntheticAffectCorpus.small(2);
        TrainingConfig config = TrainingConfig.valenceArousal().withBatchSize(6).withLearningRate(1e-3)
                .withArchitecture(ApArchitecture.paper().withVariant(variant).withSizes(32, 16))
                .withObjective(variant.isStochastic() ? Objective.NLL_REG_KL : Objective.NLL_REG);
        ApModelSpec spec = new ApModelSpec(config.architecture(), corpus.featureSize(), corpus.labelSpace());
        ApWeights initial = WeightInitializer.initialize(spec, 6);
        ClipSampler sampler = new ClipSampler(corpus.split("train"), config, spec.architecture().latentSize(), 3);
        LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(), STEPS, true);
        try (TrainingKernel djl = new DjlBackend().openTraining(initial, config, Engine.named("djl").onDevice("cpu"));
                TrainingKernel tf = new TfBackend().openTraining(initial, config, Engine.named("tensorflow").onDevice("cpu"))) {
            for (int s = 0; s < STEPS; s++) {
                TrainingBatch batch = sampler.next();
                double lr = schedule.at(s);
                double expected = djl.step(batch, lr);
                assertThat(tf.step(batch, lr)).as("loss at step %d", s).isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
            }
            double worst = djl.weights().maxAbsDifference(tf.weights());
            assertThat(worst).as("largest weight difference after %d steps", STEPS).isLessThan(1e-4);
        }
    }
}
