package org.affectiveprocesses.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.core.synthetic.SyntheticAffectCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application with only the TensorFlow engine on its classpath: no DJL, the engine is found
 * without naming it, and the public API trains, predicts, saves and loads through it.
 */
class TensorFlowAloneTest {

    @Test
    void djlIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("ai.djl.engine.Engine")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.affectiveprocesses.engine.djl.DjlBackend"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theEngineIsTheDefaultWithoutNamingIt() {
        assertThat(Engine.availableNames()).containsExactly(TfBackend.NAME);
        assertThat(Engine.auto().provider().name()).isEqualTo("tensorflow");
        assertThat(Engine.named("TensorFlow").provider()).isInstanceOf(TfEngineProvider.class);
        assertThat(Engine.auto().provider().priority()).isEqualTo(TfEngineProvider.PRIORITY);
    }

    @Test
    void thePublicApiTrainsPredictsSavesAndLoads(@TempDir Path dir) throws IOException {
        SyntheticAffectCorpus corpus = SyntheticAffectCorpus.small(3);
        TrainingConfig config = TrainingConfig.valenceArousal().withSeed(2).withSchedule(1, 5).withBatchSize(4)
                .withArchitecture(ApArchitecture.paper().withSizes(16, 8))
                .withValidation(InferenceOptions.paper().withWindowLength(30).withContextSize(10));
        Path file = dir.resolve("tf.apmodel");
        AffectSequence s = corpus.split("test").get(0).subsequence(0, 45);
        Prediction before;
        try (AffectiveProcess ap = AffectiveProcess.trainer(config).listener(TrainingListener.silent())
                .fit(corpus.split("train"), corpus.split("validation"))) {
            assertThat(ap.info().provenance().engine()).isEqualTo("tensorflow");
            before = ap.predict(s, ap.defaultOptions().withSamples(2, 4));
            ap.save(file);
        }
        try (AffectiveProcess loaded = AffectiveProcess.load(file)) {
            Prediction after = loaded.predict(s, loaded.defaultOptions().withSamples(2, 4));
            for (int t = 0; t < s.length(); t++) {
                assertThat(after.mean(t, 0)).isEqualTo(before.mean(t, 0));
                assertThat(after.sample(1, t, 1)).isEqualTo(before.sample(1, t, 1));
            }
        }
    }

    @Test
    void theGpuDeviceNeedsTheGpuNatives() {
        SyntheticAffectCorpus corpus = SyntheticAffectCorpus.small(3);
        TrainingConfig config = TrainingConfig.valenceArousal().withSchedule(1, 1).withBatchSize(2)
                .withArchitecture(ApArchitecture.paper().withSizes(8, 8));
        Engine gpu = Engine.auto().onDevice("gpu");
        if (TfDevices.gpuAvailable()) {
            try (AffectiveProcess ap = AffectiveProcess.trainer(config, gpu).listener(TrainingListener.silent())
                    .fit(corpus.split("train"), corpus.split("validation"))) {
                assertThat(ap.predict(corpus.split("test").get(0)).isPredicted(0)).isTrue();
            }
        } else {
            assertThatThrownBy(() -> AffectiveProcess.trainer(config, gpu).fit(corpus.split("train"), corpus.split("validation")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("linux-x86_64-gpu")
                    .hasMessageContaining("device cpu");
        }
    }

    @Test
    void sgemmIsMeasuredAndItsArgumentsChecked() {
        assertThat(TfSgemm.gflops(64, 2, 1)).isPositive().isFinite();
        assertThatThrownBy(() -> TfSgemm.gflops(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n, reps and rounds");
    }
}
