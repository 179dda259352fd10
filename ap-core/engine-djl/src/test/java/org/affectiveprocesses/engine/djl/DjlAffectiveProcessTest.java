package org.affectiveprocesses.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.EngineNotFoundException;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.synthetic.SyntheticAffectCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training, prediction, windows, files and errors of the AP on the DJL engine. */
class DjlAffectiveProcessTest {
    private static SyntheticAffectCorpus corpus;
    private static AffectiveProcess trained;
    private static final List<Double> LOSSES = new ArrayList<>();

    static TrainingConfig quick(long seed) {
        return TrainingConfig.valenceArousal().withSeed(seed).withSchedule(3, 40).withBatchSize(8)
                .withLearningRate(1e-3).withArchitecture(ApArchitecture.paper().withSizes(32, 16))
                .withValidation(InferenceOptions.paper().withWindowLength(40).withContextSize(20));
    }

    @BeforeAll
    static void train() {
        corpus = SyntheticAffectCorpus.small(5);
        trained = AffectiveProcess.trainer(quick(1)).listener(new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                LOSSES.add(report.meanLoss());
            }
        }).fit(corpus.split("train"), corpus.split("validation"));
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void theDjlEngineIsFoundWithoutNamingIt() {
        assertThat(Engine.availableNames()).contains("djl");
        assertThat(Engine.auto().provider().name()).isEqualTo("djl");
        assertThatThrownBy(() -> Engine.named("nosuch").provider())
                .isInstanceOf(EngineNotFoundException.class).hasMessageContaining("available: [");
    }

    @Test
    void trainingLowersTheLossAndRecordsProvenance() {
        assertThat(LOSSES).hasSize(3);
        assertThat(LOSSES.get(2)).isLessThan(LOSSES.get(0));
        assertThat(trained.info().provenance().engine()).isEqualTo("djl");
        assertThat(trained.info().provenance().bestEpoch()).isBetween(1, 3);
        assertThat(trained.info().provenance().validationScores()).containsKey("CCC mean");
        assertThat(trained.info().provenance().trainingData()).contains("train");
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        try (AffectiveProcess again = AffectiveProcess.trainer(quick(1)).listener(TrainingListener.silent())
                .fit(corpus.split("train"), corpus.split("validation"))) {
            assertThat(((WindowedAffectiveProcess) again).weights()).isEqualTo(((WindowedAffectiveProcess) trained).weights());
        }
    }

    @Test
    void everyFrameIsPredictedWithPositiveStd() {
        AffectSequence s = corpus.split("test").get(0);
        Prediction p = trained.predict(s);
        assertThat(p.length()).isEqualTo(s.length());
        for (int t = 0; t < s.length(); t++) {
            assertThat(p.isPredicted(t)).isTrue();
            assertThat(p.std(t, 0)).isPositive();
            assertThat(p.mean(t, 1)).isBetween(-3f, 3f);
        }
        for (ContextWindow w : p.windows()) {
            assertThat(w.contextSize()).isEqualTo(Math.min(20, w.length()));
        }
    }

    @Test
    void saveThenLoadGivesIdenticalPredictions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.apmodel");
        trained.save(file);
        AffectSequence s = corpus.split("test").get(1);
        InferenceOptions o = trained.defaultOptions().withSamples(3, 9);
        Prediction before = trained.predict(s, o);
        try (AffectiveProcess loaded = AffectiveProcess.load(file)) {
            Prediction after = loaded.predict(s, o);
            for (int t = 0; t < s.length(); t++) {
                for (int d = 0; d < 2; d++) {
                    assertThat(after.mean(t, d)).isEqualTo(before.mean(t, d));
                    assertThat(after.std(t, d)).isEqualTo(before.std(t, d));
                    assertThat(after.sample(2, t, d)).isEqualTo(before.sample(2, t, d));
                }
            }
            assertThat(loaded.info().provenance()).isEqualTo(trained.info().provenance());
            assertThat(loaded.defaultOptions()).isEqualTo(trained.defaultOptions());
        }
    }

    @Test
    void truncatedModelFileIsAClearCheckedError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.apmodel");
        trained.save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> AffectiveProcess.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void functionSamplesAreCoherentAndSpreadAroundTheMean() {
        AffectSequence s = corpus.split("test").get(0).subsequence(0, 40);
        Prediction p = trained.predict(s, trained.defaultOptions().withSamples(8, 1));
        assertThat(p.numSamples()).isEqualTo(8);
        double spread = 0;
        for (int n = 0; n < 8; n++) {
            spread += Math.abs(p.sample(n, 10, 0) - p.mean(10, 0));
        }
        assertThat(spread).isPositive();
        // the same seed gives the same samples; another seed other samples
        Prediction again = trained.predict(s, trained.defaultOptions().withSamples(8, 1));
        Prediction other = trained.predict(s, trained.defaultOptions().withSamples(8, 2));
        assertThat(again.sample(3, 5, 1)).isEqualTo(p.sample(3, 5, 1));
        assertThat(other.sample(3, 5, 1)).isNotEqualTo(p.sample(3, 5, 1));
    }

    @Test
    void batchingDoesNotChangeResults() {
        List<AffectSequence> seqs = List.of(corpus.split("test").get(0), corpus.split("test").get(1));
        InferenceOptions o = trained.defaultOptions().withSelector(ContextSelectors.random(3)).withHop(20);
        List<Prediction> batched = trained.predictAll(seqs, o.withBatchSize(64));
        Prediction single = trained.predict(seqs.get(1), o.withBatchSize(1));
        for (int t = 0; t < seqs.get(1).length(); t++) {
            assertThat(batched.get(1).mean(t, 0)).isCloseTo(single.mean(t, 0), org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void shortSequencesUseAllFramesAsContext() {
        AffectSequence s = corpus.split("test").get(0).subsequence(0, 12);
        Prediction p = trained.predict(s);
        assertThat(p.windows()).hasSize(1);
        assertThat(p.windows().get(0).contextFrames()).hasSize(12);
    }

    @Test
    void framesWithoutAFaceGetNoPrediction() {
        AffectSequence src = corpus.split("test").get(0);
        AffectSequence.Builder b = AffectSequence.builder("gaps", src.labelSpace(), src.featureSize());
        for (int t = 0; t < 60; t++) {
            if (t % 10 == 3) {
                b.addInvalidFrame(t / 30.0);
            } else {
                b.addFrame(t / 30.0, src.features(t), src.pseudoLabels(t), src.labels(t));
            }
        }
        Prediction p = trained.predict(b.build());
        assertThat(p.isPredicted(3)).isFalse();
        assertThat(p.mean(3, 0)).isNaN();
        assertThat(p.isPredicted(4)).isTrue();
        for (int c : p.contextFrames()) {
            assertThat(c % 10).isNotEqualTo(3);
        }
    }

    @Test
    void aSequenceWithoutAnyFaceHasNoWindowAndNoPrediction() {
        AffectSequence.Builder b = AffectSequence.builder("no-face", LabelSpace.valenceArousal(), 64);
        for (int t = 0; t < 5; t++) {
            b.addInvalidFrame(t / 30.0);
        }
        Prediction p = trained.predict(b.build());
        assertThat(p.windows()).isEmpty();
        assertThat(p.isPredicted(0)).isFalse();
        assertThat(p.mean(4, 1)).isNaN();
    }

    @Test
    void wrongFeatureSizeOrLabelSpaceIsAClearError() {
        AffectSequence wrongSize = AffectSequence.of("w", LabelSpace.valenceArousal(),
                new float[][] {{1, 2, 3}}, new float[][] {{0, 0}}, null);
        assertThatThrownBy(() -> trained.predict(wrongSize)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3-d features").hasMessageContaining("64-d");
        float[][] x = {new float[64]};
        AffectSequence aus = AffectSequence.of("au", LabelSpace.bp4d(), x, new float[][] {new float[5]}, null);
        assertThatThrownBy(() -> trained.predict(aus)).hasMessageContaining("label space bp4d-au");
    }

    @Test
    void trainingOnMismatchedSplitsIsAClearError() {
        SyntheticAffectCorpus au = SyntheticAffectCorpus.generate(
                org.affectiveprocesses.core.synthetic.SyntheticConfig.small(2).withLabelSpace(LabelSpace.bp4d()));
        assertThatThrownBy(() -> AffectiveProcess.trainer(quick(1)).fit(corpus.split("train"), au.split("validation")))
                .hasMessageContaining("valence-arousal").hasMessageContaining("bp4d-au");
    }
}
