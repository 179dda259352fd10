package org.affectiveprocesses.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.core.conformance.OnlyEngineTest;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.junit.jupiter.api.Test;

/**
 * An application with only the TensorFlow engine on its classpath ({@link OnlyEngineTest}), plus
 * what is TensorFlow's own: its name and priority, the GPU natives, its sgemm measurement.
 */
class TensorFlowAloneTest extends OnlyEngineTest {

    @Override
    protected String engineName() {
        return TfBackend.NAME;
    }

    @Override
    protected List<String> absentClasses() {
        return List.of("ai.djl.engine.Engine", "org.affectiveprocesses.engine.djl.DjlBackend");
    }

    @Test
    void itIsFoundByNameInAnyCaseWithItsPriority() {
        assertThat(Engine.named("TensorFlow").provider()).isInstanceOf(TfEngineProvider.class);
        assertThat(Engine.auto().provider().priority()).isEqualTo(TfEngineProvider.PRIORITY);
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
