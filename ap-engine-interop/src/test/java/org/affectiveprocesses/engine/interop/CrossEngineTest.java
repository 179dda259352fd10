package org.affectiveprocesses.engine.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model file across engines: a model trained with DJL loads in TensorFlow and the other way
 * round, and both give the same predictions, σ, context and function samples on the whole
 * synthetic test split (max absolute difference ≤ 1e-4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossEngineTest {
    private static final double TOLERANCE = 1e-4;
    private static final Engine DJL = Engine.named("djl").onDevice("cpu");
    private static final Engine TF = Engine.named("tensorflow").onDevice("cpu");

    private SyntheticAffectCorpus corpus;
    private AffectiveProcess fromDjl;
    private AffectiveProcess fromTf;

    static TrainingConfig quick(ApVariant variant) {
        return TrainingConfig.valenceArousal().withSeed(4).withSchedule(2, 25).withBatchSize(8).withLearningRate(1e-3)
                .withArchitecture(ApArchitecture.paper().withVariant(variant).withSizes(32, 16))
                .withValidation(InferenceOptions.paper().withWindowLength(40).withContextSize(20));
    }

    @BeforeAll
    void train() {
        corpus = SyntheticAffectCorpus.small(7);
        fromDjl = AffectiveProcess.trainer(quick(ApVariant.LATENT), DJL).listener(TrainingListener.silent())
                .fit(corpus.split("train"), corpus.split("validation"));
        fromTf = AffectiveProcess.trainer(quick(ApVariant.LATENT_DETERMINISTIC_ATTENTION), TF)
                .listener(TrainingListener.silent()).fit(corpus.split("train"), corpus.split("validation"));
    }

    @AfterAll
    void close() {
        fromDjl.close();
        fromTf.close();
    }

    @Test
    void bothEnginesAreFoundAndDjlIsTheDefaultUnlessAnotherIsNamed() {
        assertThat(Engine.availableNames()).containsExactly("djl", "tensorflow");
        assertThat(Engine.auto().provider().name()).isEqualTo("djl");
        String before = System.getProperty(Engine.ENGINE_PROPERTY);
        try {
            System.setProperty(Engine.ENGINE_PROPERTY, "tensorflow");
            assertThat(Engine.auto().provider().name()).isEqualTo("tensorflow");
        } finally {
            if (before == null) {
                System.clearProperty(Engine.ENGINE_PROPERTY);
            } else {
                System.setProperty(Engine.ENGINE_PROPERTY, before);
            }
        }
        assertThat(fromDjl.engineName()).isEqualTo("djl");
        assertThat(fromTf.engineName()).isEqualTo("tensorflow");
    }

    @Test
    void aDjlModelLoadsInTensorFlowWithTheSamePredictions(@TempDir Path dir) throws IOException {
        assertSamePredictionsAfterMoving(fromDjl, TF, dir.resolve("djl.apmodel"));
    }

    @Test
    void aTensorFlowModelLoadsInDjlWithTheSamePredictions(@TempDir Path dir) throws IOException {
        assertSamePredictionsAfterMoving(fromTf, DJL, dir.resolve("tf.apmodel"));
    }

    private void assertSamePredictionsAfterMoving(AffectiveProcess trained, Engine target, Path file) throws IOException {
        trained.save(file);
        List<AffectSequence> test = new ArrayList<>();
        corpus.split("test").forEach(test::add);
        InferenceOptions options = trained.defaultOptions().withSamples(3, 11).withHop(30);
        List<Prediction> expected = trained.predictAll(test, options);
        try (AffectiveProcess moved = AffectiveProcess.load(file, target)) {
            assertThat(moved.engineName()).isEqualTo(target.name());
            assertThat(moved.info().provenance()).isEqualTo(trained.info().provenance());
            List<Prediction> actual = moved.predictAll(test, options);
            double worst = 0;
            long frames = 0;
            for (int i = 0; i < test.size(); i++) {
                Prediction a = actual.get(i);
                Prediction e = expected.get(i);
                assertThat(a.windows()).hasSameSizeAs(e.windows());
                for (int w = 0; w < a.windows().size(); w++) {
                    ContextWindow aw = a.windows().get(w);
                    ContextWindow ew = e.windows().get(w);
                    assertThat(aw.contextFrames()).isEqualTo(ew.contextFrames());
                    double[] as = aw.frameSigmaNorms();
                    double[] es = ew.frameSigmaNorms();
                    for (int k = 0; k < as.length; k++) {
                        worst = Math.max(worst, Math.abs(as[k] - es[k]));
                    }
                }
                for (int t = 0; t < test.get(i).length(); t++) {
                    for (int d = 0; d < 2; d++) {
                        worst = Math.max(worst, Math.abs(a.mean(t, d) - e.mean(t, d)));
                        worst = Math.max(worst, Math.abs(a.std(t, d) - e.std(t, d)));
                        for (int n = 0; n < 3; n++) {
                            worst = Math.max(worst, Math.abs(a.sample(n, t, d) - e.sample(n, t, d)));
                        }
                    }
                    frames++;
                }
            }
            assertThat(frames).isGreaterThan(1000);
            assertThat(worst).as("largest difference of mean, σ or sample over %d frames", frames)
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }
}
