package org.affectiveprocesses.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.api.spi.EngineProvider;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.BackendEngineProvider;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApReference;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.training.ProtocolTrainer;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an engine must do as a whole, through the engine-neutral core: be registered under its
 * name, train with the protocol (lower loss, same seed gives the same weights), predict every
 * frame with the shapes, values and context the reference gives, draw seeded function samples
 * that do not depend on batching, save and load its models, and reject misuse clearly. It trains
 * one small model (64 features, hidden 32, latent 16) once per engine. Live streams ({@link
 * AffectiveProcess#stream}) must give what the batch API gives ({@link StreamConformance}). An
 * engine module runs it by subclassing with its {@link ApBackend}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineConformanceTest {
    private SyntheticAffectCorpus corpus;
    private WindowedAffectiveProcess trained;
    private final List<Double> losses = new ArrayList<>();

    /** The engine under test. */
    protected abstract ApBackend backend();

    /** The engine choice passed to the backend (CPU). */
    protected Engine engine() {
        return Engine.named(backend().name()).onDevice("cpu");
    }

    /** A short protocol on a small model: 3 epochs of 40 steps, validation windows of 40 with C = 20. */
    static TrainingConfig quick(long seed) {
        return TrainingConfig.valenceArousal().withSeed(seed).withSchedule(3, 40).withBatchSize(8)
                .withLearningRate(1e-3).withArchitecture(ApArchitecture.paper().withSizes(32, 16))
                .withValidation(InferenceOptions.paper().withWindowLength(40).withContextSize(20));
    }

    @BeforeAll
    void train() {
        corpus = SyntheticAffectCorpus.small(5);
        trained = (WindowedAffectiveProcess) new ProtocolTrainer(backend(), quick(1), engine())
                .listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochReport report) {
                        losses.add(report.meanLoss());
                    }
                }).fit(corpus.split("train"), corpus.split("validation"));
    }

    @AfterAll
    void close() {
        trained.close();
    }

    @Test
    void theEngineIsRegisteredUnderItsName() {
        assertThat(Engine.availableNames()).contains(backend().name());
        EngineProvider p = Engine.named(backend().name()).provider();
        assertThat(p).isInstanceOf(BackendEngineProvider.class);
        assertThat(((BackendEngineProvider) p).backend()).isInstanceOf(backend().getClass());
    }

    @Test
    void trainingLowersTheLossAndRecordsTheEngine() {
        assertThat(losses).hasSize(3);
        assertThat(losses.get(2)).isLessThan(losses.get(0));
        assertThat(trained.engineName()).isEqualTo(backend().name());
        assertThat(trained.info().provenance().engine()).isEqualTo(backend().name());
        assertThat(trained.info().provenance().bestEpoch()).isBetween(1, 3);
        assertThat(trained.info().provenance().validationScores()).containsKey("CCC mean");
        // the provenance names the training data by name and the corpus's fingerprint
        assertThat(trained.info().provenance().trainingData()).isEqualTo(corpus.split("train").identity())
                .startsWith(corpus.name() + "/train (")
                .endsWith(", source " + corpus.config().fingerprint() + ")");
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        try (WindowedAffectiveProcess again = (WindowedAffectiveProcess) new ProtocolTrainer(backend(), quick(1), engine())
                .listener(TrainingListener.silent()).fit(corpus.split("train"), corpus.split("validation"))) {
            assertThat(again.weights()).isEqualTo(trained.weights());
        }
    }

    /**
     * A model loaded on this thread, then training on another (a thread that never used the
     * engine before), gives bitwise what training on this thread gave.
     */
    @Test
    void aModelLoadedOnOneThreadThenTrainingOnAnotherGivesTheSameWeights(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.apmodel");
        trained.save(file);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (AffectiveProcess loaded = AffectiveProcess.load(file, engine())) {
            loaded.predict(corpus.split("test").get(0), loaded.defaultOptions());
            try (WindowedAffectiveProcess there = pool.submit(() -> fit(quick(1))).get()) {
                assertThat(there.weights()).isEqualTo(trained.weights());
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Two trainings started at once on two threads both finish, each with bitwise the weights it
     * has when run alone (the engine runs them side by side or queues them).
     */
    @Test
    void twoTrainingsAtOnceEachGiveTheWeightsTheyGiveAlone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<WindowedAffectiveProcess> first = pool.submit(() -> {
                start.await();
                return fit(quick(1));
            });
            Future<WindowedAffectiveProcess> second = pool.submit(() -> {
                start.await();
                return fit(quick(2));
            });
            start.countDown();
            try (WindowedAffectiveProcess a = first.get(); WindowedAffectiveProcess b = second.get();
                    WindowedAffectiveProcess alone = fit(quick(2))) {
                assertThat(a.weights()).isEqualTo(trained.weights());
                assertThat(b.weights()).isEqualTo(alone.weights());
                assertThat(b.weights()).isNotEqualTo(a.weights());
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A training that dies mid-way (a listener throws at step 53 of 120) and is continued from its
     * last checkpoint (written every 7 steps: step 49) gives the model of the uninterrupted
     * training, bit for bit: weights, best epoch, scores, standardisation, calibration and
     * everything else in the file except its creation time. A checkpoint is refused by a training
     * with another configuration.
     */
    @Test
    void aTrainingContinuedFromItsLastCheckpointEndsAsTheUninterruptedOne(@TempDir Path dir) throws IOException {
        Path checkpoint = dir.resolve("run.apckpt");
        List<String> written = new ArrayList<>();
        TrainingListener crash = new TrainingListener() {
            @Override
            public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
                if (epoch == 2 && step == 13) {
                    throw new IllegalStateException("simulated crash");
                }
            }

            @Override
            public void onCheckpoint(long completedSteps, long totalSteps, Path file) {
                written.add(completedSteps + "/" + totalSteps + " " + file.getFileName());
            }
        };
        assertThatThrownBy(() -> new ProtocolTrainer(backend(), quick(1), engine()).checkpoints(checkpoint, 7)
                .listener(crash).fit(corpus.split("train"), corpus.split("validation")))
                .hasMessage("simulated crash");
        assertThat(written).containsExactly("7/120 run.apckpt", "14/120 run.apckpt", "21/120 run.apckpt",
                "28/120 run.apckpt", "35/120 run.apckpt", "42/120 run.apckpt", "49/120 run.apckpt");
        assertThatThrownBy(() -> new ProtocolTrainer(backend(), quick(2), engine()).resumeFrom(checkpoint)
                .fit(corpus.split("train"), corpus.split("validation")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another training configuration (seed: 1 in the checkpoint, 2 now");
        List<String> resumed = new ArrayList<>();
        try (WindowedAffectiveProcess continued = (WindowedAffectiveProcess) new ProtocolTrainer(backend(), quick(1),
                engine()).checkpoints(checkpoint, 7).resumeFrom(checkpoint).listener(new TrainingListener() {
                    @Override
                    public void onResume(long completedSteps, long totalSteps, List<EpochReport> completedEpochs) {
                        resumed.add(completedSteps + "/" + totalSteps + ", " + completedEpochs.size() + " epoch");
                    }
                }).fit(corpus.split("train"), corpus.split("validation"))) {
            assertThat(resumed).containsExactly("49/120, 1 epoch");
            assertThat(continued.weights()).isEqualTo(trained.weights());
            Path a = dir.resolve("uninterrupted.apmodel");
            Path b = dir.resolve("continued.apmodel");
            trained.save(a);
            continued.save(b);
            assertThat(withoutCreationTime(ModelFile.read(b))).isEqualTo(withoutCreationTime(ModelFile.read(a)));
        }
    }

    private static ModelFile.Contents withoutCreationTime(ModelFile.Contents c) {
        Provenance p = c.provenance();
        return new ModelFile.Contents(c.spec(), c.weights(), c.standardization(), c.calibration(), c.inference(),
                new Provenance(p.sdkVersion(), p.engine(), "-", p.trainingConfig(), p.trainingData(),
                        p.validationData(), p.validationScores(), p.bestEpoch()));
    }

    private WindowedAffectiveProcess fit(TrainingConfig config) {
        return (WindowedAffectiveProcess) new ProtocolTrainer(backend(), config, engine())
                .listener(TrainingListener.silent()).fit(corpus.split("train"), corpus.split("validation"));
    }

    @Test
    void everyFrameIsPredictedWithPositiveStd() {
        AffectSequence s = corpus.split("test").get(0);
        Prediction p = trained.predict(s);
        assertThat(p.length()).isEqualTo(s.length());
        for (int t = 0; t < s.length(); t++) {
            assertThat(p.isPredicted(t)).isTrue();
            for (int d = 0; d < 2; d++) {
                assertThat(p.std(t, d)).isPositive();
                assertThat(p.mean(t, d)).isBetween(-3f, 3f);
            }
        }
        for (ContextWindow w : p.windows()) {
            assertThat(w.contextSize()).isEqualTo(Math.min(20, w.length()));
        }
    }

    @Test
    void aWindowMatchesTheReferenceAndItsContextHasTheLowestSigma() {
        AffectSequence s = corpus.split("test").get(1).subsequence(0, 40);
        Prediction p = trained.predict(s);
        assertThat(p.windows()).hasSize(1);
        int[] context = p.windows().get(0).contextFrames();
        double[][] x = new double[40][];
        double[][] y = new double[40][];
        for (int t = 0; t < 40; t++) {
            x[t] = toDouble(s.features(t));
            y[t] = toDouble(s.pseudoLabels(t));
        }
        // the trained weights read standardised features; folded, they read the raw ones
        ApReference.WindowResult r = new ApReference(trained.inputStandardization().foldInto(trained.weights()))
                .predict(x, y, context, new double[0][]);
        for (int t = 0; t < 40; t++) {
            for (int d = 0; d < 2; d++) {
                assertThat((double) p.mean(t, d)).isCloseTo(r.mean()[t][d], within(1e-4));
                // the model reports σ calibrated on the validation split
                assertThat((double) p.std(t, d)).isCloseTo(r.std()[t][d] * trained.calibration().scale(d), within(1e-4));
            }
        }
        boolean[] chosen = new boolean[40];
        double highestChosen = Double.NEGATIVE_INFINITY;
        for (int c : context) {
            chosen[c] = true;
            highestChosen = Math.max(highestChosen, r.frameSigmaNorms()[c]);
        }
        for (int t = 0; t < 40; t++) {
            if (!chosen[t]) {
                assertThat(r.frameSigmaNorms()[t]).as("σ of frame %d, left out of the context", t)
                        .isGreaterThanOrEqualTo(highestChosen - 1e-5);
            }
        }
    }

    @Test
    void functionSamplesAreSeededSpreadAndIndependentOfBatching() {
        List<AffectSequence> seqs = List.of(corpus.split("test").get(0).subsequence(0, 90),
                corpus.split("test").get(1).subsequence(0, 60));
        InferenceOptions o = trained.defaultOptions().withSamples(6, 1);
        List<Prediction> batched = trained.predictAll(seqs, o);
        Prediction single;
        Prediction again;
        try (WindowedAffectiveProcess one = WindowedAffectiveProcess.open(backend(), engine().withBatchSize(1),
                trained.contents())) {
            single = one.predict(seqs.get(1), o);
            again = one.predict(seqs.get(1), o);
        }
        Prediction other = trained.predict(seqs.get(1), o.withSamples(6, 2));
        double spread = 0;
        for (int t = 0; t < 60; t++) {
            for (int n = 0; n < 6; n++) {
                assertThat(single.sample(n, t, 0)).isCloseTo(batched.get(1).sample(n, t, 0), within(1e-5f));
                assertThat(Float.isFinite(single.sample(n, t, 1))).isTrue();
                spread += Math.abs(single.sample(n, t, 0) - single.mean(t, 0));
            }
            assertThat(single.mean(t, 0)).isCloseTo(batched.get(1).mean(t, 0), within(1e-5f));
        }
        assertThat(spread).isPositive();
        assertThat(other.sample(3, 5, 1)).isNotEqualTo(single.sample(3, 5, 1));
        assertThat(again.sample(3, 5, 1)).isEqualTo(single.sample(3, 5, 1));
    }

    @Test
    void aSequencesPredictionDoesNotDependOnTheOtherSequencesOfTheCall() {
        SequenceDataset test = corpus.split("test");
        AffectSequence alone = test.get(0).subsequence(0, 150);
        List<AffectSequence> crowd = List.of(test.get(1).subsequence(0, 80), alone, test.get(1).subsequence(80, 180));
        InferenceOptions o = trained.defaultOptions().withSamples(3, 1);
        Prediction single = trained.predictAll(List.of(alone), o).get(0);
        Prediction among = trained.predictAll(crowd, o).get(1);
        for (int t = 0; t < alone.length(); t++) {
            for (int d = 0; d < alone.labelSize(); d++) {
                assertThat(among.mean(t, d)).as("frame %d dim %d", t, d).isEqualTo(single.mean(t, d));
                assertThat(among.std(t, d)).as("frame %d dim %d", t, d).isEqualTo(single.std(t, d));
                assertThat(among.sample(2, t, d)).as("frame %d dim %d", t, d).isEqualTo(single.sample(2, t, d));
            }
        }
    }

    @Test
    void aSavedModelLoadsBackWithIdenticalPredictions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.apmodel");
        trained.save(file);
        AffectSequence s = corpus.split("test").get(1);
        InferenceOptions o = trained.defaultOptions().withSamples(3, 9);
        Prediction before = trained.predict(s, o);
        try (AffectiveProcess loaded = AffectiveProcess.load(file, engine())) {
            assertThat(loaded.engineName()).isEqualTo(backend().name());
            assertThat(((WindowedAffectiveProcess) loaded).weights()).isEqualTo(trained.weights());
            assertThat(loaded.info().provenance()).isEqualTo(trained.info().provenance());
            Prediction after = loaded.predict(s, o);
            for (int t = 0; t < s.length(); t++) {
                for (int d = 0; d < 2; d++) {
                    assertThat(after.mean(t, d)).isEqualTo(before.mean(t, d));
                    assertThat(after.std(t, d)).isEqualTo(before.std(t, d));
                    assertThat(after.sample(2, t, d)).isEqualTo(before.sample(2, t, d));
                }
            }
        }
    }

    @Test
    void aTruncatedModelFileIsAClearCheckedError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.apmodel");
        trained.save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> AffectiveProcess.load(file, engine())).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aSequenceShorterThanAWindowUsesAllItsFramesAsContext() {
        Prediction p = trained.predict(corpus.split("test").get(0).subsequence(0, 12));
        assertThat(p.windows()).hasSize(1);
        assertThat(p.windows().get(0).contextFrames()).hasSize(12);
    }

    @Test
    void framesWithoutAFaceGetNoPredictionAndAreNeverContext() {
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
    void sequencesThatDoNotFitTheModelAreAClearError() {
        AffectSequence wrongSize = AffectSequence.of("w", LabelSpace.valenceArousal(),
                new float[][] {{1, 2, 3}}, new float[][] {{0, 0}}, null);
        assertThatThrownBy(() -> trained.predict(wrongSize)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3-d features").hasMessageContaining("64-d");
        AffectSequence aus = AffectSequence.of("au", LabelSpace.bp4d(), new float[][] {new float[64]},
                new float[][] {new float[5]}, null);
        assertThatThrownBy(() -> trained.predict(aus)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label space bp4d-au");
        SyntheticAffectCorpus au = SyntheticAffectCorpus.generate(SyntheticConfig.small(2).withLabelSpace(LabelSpace.bp4d()));
        assertThatThrownBy(() -> new ProtocolTrainer(backend(), quick(1), engine())
                .fit(corpus.split("train"), au.split("validation")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bp4d-au");
    }

    @Test
    void aClosedModelRefusesToPredict() {
        WindowedAffectiveProcess copy = WindowedAffectiveProcess.open(backend(), engine(), trained.contents());
        AffectSequence s = corpus.split("test").get(0).subsequence(0, 30);
        assertThat(copy.predict(s).isPredicted(0)).isTrue();
        copy.close();
        copy.close();
        assertThatThrownBy(() -> copy.predict(s)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void theGpuDeviceRunsOrIsAClearError() {
        AffectSequence s = corpus.split("test").get(0).subsequence(0, 30);
        try (WindowedAffectiveProcess gpu = WindowedAffectiveProcess.open(backend(), engine().onDevice("gpu"),
                trained.contents())) {
            assertThat(gpu.predict(s).mean(3, 0)).isCloseTo(trained.predict(s).mean(3, 0), within(1e-3f));
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("gpu");
        }
    }

    @Test
    void aDeterministicApRejectsSigmaSelectionAndSamples() {
        TrainingConfig det = quick(1).withArchitecture(quick(1).architecture().withVariant(
                org.affectiveprocesses.api.ApVariant.DETERMINISTIC)).withSchedule(1, 2)
                .withValidation(quick(1).validation().withSelector(ContextSelectors.random(1)));
        try (AffectiveProcess ap = new ProtocolTrainer(backend(), det, engine()).listener(TrainingListener.silent())
                .fit(corpus.split("train"), corpus.split("validation"))) {
            AffectSequence s = corpus.split("test").get(0).subsequence(0, 50);
            assertThat(ap.predict(s).isPredicted(49)).isTrue();
            assertThatThrownBy(() -> ap.predict(s, ap.defaultOptions().withSelector(ContextSelectors.lowestSigma())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("σ");
            assertThatThrownBy(() -> ap.predict(s, ap.defaultOptions().withSamples(2, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample");
        }
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Test
    void trainingStandardisesTheInputsCalibratesSigmaAndRecordsHow() {
        assertThat(trained.inputStandardization().isIdentity()).isFalse();
        assertThat(trained.inputStandardization().frames()).isEqualTo(validFrames(corpus.split("train")));
        UncertaintyCalibration c = trained.calibration();
        assertThat(c.method()).isEqualTo(UncertaintyCalibration.Method.VARIANCE_SCALING);
        assertThat(c.data()).isEqualTo(corpus.split("validation").identity());
        assertThat(c.nllAfter()).isLessThanOrEqualTo(c.nllBefore());
        assertThat(TrainingConfig.fromConfiguration(trained.info().provenance().trainingConfig())).isEqualTo(quick(1));
        // the fitted scales are a fixed point: refitting the calibrated model changes nothing
        try (AffectiveProcess again = trained.recalibrate(corpus.split("validation"))) {
            for (int d = 0; d < 2; d++) {
                assertThat(again.calibration().scale(d)).isCloseTo(c.scale(d), within(1e-9 * c.scale(d)));
            }
        }
    }

    @Test
    void theFoldedStandardisationGivesWhatStandardisedFeaturesGiveTheUnfoldedWeights() {
        InputStandardization st = trained.inputStandardization();
        AffectSequence raw = corpus.split("test").get(0).subsequence(0, 100);
        // the same id: the sampling noise is keyed by sequence id and window start
        AffectSequence.Builder b = AffectSequence.builder(raw.id(), raw.labelSpace(), raw.featureSize());
        for (int t = 0; t < raw.length(); t++) {
            float[] x = raw.features(t);
            st.standardize(x, 0);
            b.addFrame(x, raw.pseudoLabels(t), raw.labels(t));
        }
        ModelFile.Contents m = trained.contents();
        ModelFile.Contents unfolded = new ModelFile.Contents(m.spec(), m.weights(),
                InputStandardization.identity(m.spec().featureSize()), m.calibration(), m.inference(), m.provenance());
        InferenceOptions o = trained.defaultOptions().withSamples(2, 3);
        Prediction folded = trained.predict(raw, o);
        try (WindowedAffectiveProcess plain = WindowedAffectiveProcess.open(backend(), engine(), unfolded)) {
            Prediction expected = plain.predict(b.build(), o);
            assertThat(folded.windows()).hasSameSizeAs(expected.windows());
            for (int w = 0; w < folded.windows().size(); w++) {
                assertThat(folded.windows().get(w).contextFrames()).isEqualTo(expected.windows().get(w).contextFrames());
            }
            for (int t = 0; t < raw.length(); t++) {
                for (int d = 0; d < 2; d++) {
                    assertThat(folded.mean(t, d)).isCloseTo(expected.mean(t, d), within(1e-4f));
                    assertThat(folded.std(t, d)).isCloseTo(expected.std(t, d), within(1e-4f));
                    assertThat(folded.sample(1, t, d)).isCloseTo(expected.sample(1, t, d), within(1e-4f));
                }
            }
        }
    }

    @Test
    void theCalibrationScalesSigmaAndTheSpreadOfSamplesPerDimension() {
        ModelFile.Contents m = trained.contents();
        AffectSequence s = corpus.split("test").get(1).subsequence(0, 80);
        InferenceOptions o = trained.defaultOptions().withSamples(3, 8);
        Prediction p1;
        Prediction p2;
        try (WindowedAffectiveProcess none = WindowedAffectiveProcess.open(backend(), engine(), new ModelFile.Contents(
                m.spec(), m.weights(), m.standardization(), UncertaintyCalibration.none(2), m.inference(),
                m.provenance()));
                WindowedAffectiveProcess scaled = WindowedAffectiveProcess.open(backend(), engine(),
                        new ModelFile.Contents(m.spec(), m.weights(), m.standardization(),
                                new UncertaintyCalibration(UncertaintyCalibration.Method.VARIANCE_SCALING,
                                        new double[] {2.0, 0.5}, "test", 10, 1, 0.5), m.inference(), m.provenance()))) {
            p1 = none.predict(s, o);
            p2 = scaled.predict(s, o);
        }
        double[] factor = {2.0, 0.5};
        for (int t = 0; t < s.length(); t++) {
            for (int d = 0; d < 2; d++) {
                assertThat(p2.mean(t, d)).isEqualTo(p1.mean(t, d));
                assertThat((double) p2.std(t, d)).isCloseTo(factor[d] * p1.std(t, d), within(1e-6));
                for (int n = 0; n < 3; n++) {
                    assertThat((double) p2.sample(n, t, d) - p2.mean(t, d))
                            .isCloseTo(factor[d] * (p1.sample(n, t, d) - p1.mean(t, d)), within(1e-5));
                }
            }
        }
    }

    @Test
    void aVersionOneModelFilePredictsAsItDidWhenItWasWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("version1.apmodel");
        try (var in = ModelFile.class.getResourceAsStream("version1.apmodel");
                var golden = ModelFile.class.getResourceAsStream("version1-predictions.json")) {
            Files.copy(in, file);
            JsonNode expected = new ObjectMapper().readTree(golden);
            AffectSequence s = ConformanceFixtures.version1Sequence();
            try (AffectiveProcess ap = AffectiveProcess.load(file, engine())) {
                Prediction p = ap.predict(s);
                for (int t = 0; t < s.length(); t++) {
                    for (int d = 0; d < 2; d++) {
                        int i = t * 2 + d;
                        assertThat((double) p.mean(t, d)).isCloseTo(expected.get("mean").get(i).doubleValue(), within(1e-6));
                        assertThat((double) p.std(t, d)).isCloseTo(expected.get("std").get(i).doubleValue(), within(1e-6));
                        for (int n = 0; n < 2; n++) {
                            assertThat((double) p.sample(n, t, d))
                                    .isCloseTo(expected.get("samples").get(i * 2 + n).doubleValue(), within(1e-6));
                        }
                    }
                }
                for (int w = 0; w < p.windows().size(); w++) {
                    int[] ctx = new ObjectMapper().convertValue(expected.get("contexts").get(w), int[].class);
                    assertThat(p.windows().get(w).contextFrames()).containsExactly(ctx);
                }
            }
        }
    }

    @Test
    void windowsReportTheSigmaNormsThatSelectedTheirContext() {
        Prediction p = trained.predict(corpus.split("test").get(0).subsequence(0, 70));
        ContextWindow w = p.windows().get(0);
        double worstChosen = Double.NEGATIVE_INFINITY;
        for (int c : w.contextFrames()) {
            worstChosen = Math.max(worstChosen, w.sigmaNorm(c));
        }
        int below = 0;
        for (int t = w.start(); t < w.start() + w.length(); t++) {
            if (w.sigmaNorm(t) < worstChosen) {
                below++;
            }
        }
        assertThat(below).isLessThan(w.contextSize());
        assertThat(w.frameSigmaNorms()).hasSize(w.length());
        assertThat(Arrays.stream(w.frameSigmaNorms()).allMatch(v -> v > 0)).isTrue();
    }

    @Test
    void aStreamSettlesToWhatTheBatchApiGivesAndItsProvisionalEstimatesToThoseOfThePrefixes() {
        // the trained model: standardised inputs, calibrated σ; frames without a face; samples
        AffectSequence s = StreamConformance.withGaps(corpus.split("test").get(1), 150);
        InferenceOptions o = trained.defaultOptions().withWindowLength(30).withContextSize(12).withSamples(3, 5);
        StreamConformance.assertMatchesBatch(trained, o, s, 4, 1e-5);
        StreamConformance.assertMatchesBatch(trained, o.withHop(10).withSamples(0, 0), s, 6, 1e-5);
    }

    @Test
    void streamsOfEveryVariantThatSelectsBySigmaMatchTheBatchApi() {
        AffectSequence s = StreamConformance.randomSequence("variants", 120, ConformanceFixtures.DX, 12);
        InferenceOptions o = StreamConformance.smallOptions();
        for (ApVariant v : ApVariant.values()) {
            if (!v.isStochastic()) {
                continue;
            }
            try (WindowedAffectiveProcess ap = StreamConformance.randomModel(backend(), engine(), v, o, 5)) {
                StreamConformance.assertMatchesBatch(ap, o, s, 3, 1e-5);
                StreamConformance.assertMatchesBatch(ap, o.withSelector(ContextSelectors.highestSigma()).withHop(8), s, 5,
                        1e-5);
            }
        }
    }

    private static long validFrames(org.affectiveprocesses.api.SequenceDataset data) {
        long n = 0;
        for (AffectSequence s : data) {
            for (int t = 0; t < s.length(); t++) {
                n += s.isValid(t) ? 1 : 0;
            }
        }
        return n;
    }
}
