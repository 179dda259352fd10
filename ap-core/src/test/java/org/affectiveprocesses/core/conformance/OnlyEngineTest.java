package org.affectiveprocesses.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.EngineNotFoundException;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application with one engine module on its classpath: the other engine's classes are absent,
 * the engine is found without naming it, and the public API ({@link AffectiveProcess#trainer},
 * {@link AffectiveProcess#load}) trains, predicts, saves and loads through it. An engine module
 * runs it by subclassing.
 */
public abstract class OnlyEngineTest {

    /** The engine's registered name. */
    protected abstract String engineName();

    /** Classes of the other engines, which must not be on this module's classpath. */
    protected abstract List<String> absentClasses();

    @Test
    void theOtherEnginesAreNotOnTheClasspath() {
        for (String name : absentClasses()) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theEngineIsTheDefaultWithoutNamingIt() {
        assertThat(Engine.availableNames()).containsExactly(engineName());
        assertThat(Engine.auto().provider().name()).isEqualTo(engineName());
        assertThatThrownBy(() -> Engine.named("nosuch").provider())
                .isInstanceOf(EngineNotFoundException.class).hasMessageContaining("available: [" + engineName());
    }

    @Test
    void thePublicApiTrainsPredictsSavesAndLoads(@TempDir Path dir) throws IOException {
        SyntheticAffectCorpus corpus = SyntheticAffectCorpus.small(3);
        TrainingConfig config = TrainingConfig.valenceArousal().withSeed(2).withSchedule(1, 5).withBatchSize(4)
                .withArchitecture(ApArchitecture.paper().withSizes(16, 8))
                .withValidation(InferenceOptions.paper().withWindowLength(30).withContextSize(10));
        Path file = dir.resolve("only.apmodel");
        AffectSequence s = corpus.split("test").get(0).subsequence(0, 45);
        Prediction before;
        try (AffectiveProcess ap = AffectiveProcess.trainer(config).listener(TrainingListener.silent())
                .fit(corpus.split("train"), corpus.split("validation"))) {
            assertThat(ap.info().provenance().engine()).isEqualTo(engineName());
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
}
