package org.affectiveprocesses.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.corpora.CrossValidation;
import org.affectiveprocesses.corpora.FeatureStore;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;
import org.affectiveprocesses.spark.PredictionSchema.Value;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * predict and evaluate on a small synthetic feature store with a briefly trained AP: the Spark
 * output must be the single-machine API's numbers, and the scores those of {@code ap evaluate}
 * (CrossValidation, as the command runs it).
 */
class PredictJobTest {
    @TempDir
    static Path tmp;
    static FeatureStore store;
    static Path model;
    /** The test split's predictions, scored by several tests. */
    static Path testPredictions;
    static final SparkSession SPARK = SparkTestSession.get();

    @BeforeAll
    static void storeModelAndTestPredictions() throws IOException {
        AffectCorpus corpus = SyntheticAffectCorpus.generate(SyntheticConfig.small(3));
        store = FeatureStore.write(tmp.resolve("store"), corpus);
        model = tmp.resolve("va.apmodel");
        try (AffectiveProcess ap = AffectiveProcess.trainer(TrainingConfig.valenceArousal().withSeed(1).withSchedule(1, 20))
                .fit(corpus.split("train"), corpus.split("validation"))) {
            ap.save(model);
        }
        testPredictions = tmp.resolve("test");
        PredictJob.of(store.directory(), model, testPredictions).withSplit("test").run(SPARK);
    }

    @Test
    void everyFrameIsTheSingleMachinePrediction() throws IOException {
        Path out = tmp.resolve("all");
        PredictReport report = PredictJob.of(store.directory(), model, out).run(SPARK);
        assertThat(report.videos()).isEqualTo(store.videoIds().size());
        assertThat(report.frames()).isEqualTo(store.frames());
        org.apache.spark.sql.Dataset<Row> inMemory = PredictJob.of(store.directory(), model, out).withSplit("test")
                .predictions(SPARK);
        String[] columns = inMemory.columns();
        org.apache.spark.sql.Dataset<Row> written = readBack(testPredictions)
                .select(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length));
        assertThat(inMemory.count()).isEqualTo(written.count());
        assertThat(inMemory.except(written).count()).as("the DataFrame of the test split is what run() wrote").isZero();

        Map<String, List<Row>> byVideo = new HashMap<>();
        for (Row r : readBack(out).orderBy(PredictionSchema.FRAME).collectAsList()) {
            byVideo.computeIfAbsent(r.getString(r.fieldIndex(PredictionSchema.VIDEO)), k -> new ArrayList<>()).add(r);
        }
        assertThat(byVideo.keySet()).containsExactlyInAnyOrderElementsOf(store.videoIds());
        PredictionSchema schema = PredictionSchema.read(readBack(out).schema());
        try (AffectiveProcess ap = AffectiveProcess.load(model)) {
            assertThat(schema.modelName()).isEqualTo(ap.architecture().displayName());
            assertThat(schema.dimensions()).isEqualTo(ap.labelSpace().dimensions());
            for (String id : store.videoIds()) {
                AffectSequence s = FeatureFile.read(store.file(id));
                Prediction p = ap.predict(s);
                List<Row> rows = byVideo.get(id);
                assertThat(rows).hasSize(s.length());
                for (int t = 0; t < s.length(); t++) {
                    Row r = rows.get(t);
                    assertThat(r.getInt(r.fieldIndex(PredictionSchema.FRAME))).isEqualTo(t);
                    assertThat(r.getString(r.fieldIndex(PredictionSchema.SPLIT))).isEqualTo(FeatureStore.ALL);
                    assertThat(r.getBoolean(r.fieldIndex(PredictionSchema.FACE))).isEqualTo(s.isValid(t));
                    assertThat(r.getDouble(r.fieldIndex(PredictionSchema.SECONDS))).isEqualTo(s.seconds(t));
                    for (int d = 0; d < s.labelSize(); d++) {
                        String where = id + " frame " + t + " dim " + d;
                        assertThat(value(r, schema, d, Value.MEAN)).as(where).isEqualTo(p.mean(t, d));
                        assertThat(value(r, schema, d, Value.STD)).as(where).isEqualTo(p.std(t, d));
                        assertThat(value(r, schema, d, Value.PSEUDO)).as(where).isEqualTo(s.pseudoLabel(t, d));
                        assertThat(value(r, schema, d, Value.LABEL)).as(where).isEqualTo(s.label(t, d));
                    }
                }
            }
        }
    }

    /**
     * Scores equal to 1e-9 those of {@code CrossValidation} on the same per-video predictions.
     * {@code ap evaluate} predicts windows of several videos in shared batches; where the engine
     * picks batch-size-dependent kernels, a window's float32 outputs depend on the windows that
     * share its batch, so its scores agree only to float32 rounding (see docs/spark.md).
     */
    @ParameterizedTest
    @EnumSource(Pooling.class)
    void scoresAreThoseOfApEvaluate(Pooling pooling) throws IOException {
        EvaluationScores scores = EvaluateJob.of(testPredictions).withPooling(pooling).run(SPARK);
        CrossValidation.Report reference;
        try (AffectiveProcess ap = AffectiveProcess.load(model)) {
            reference = CrossValidation.of(ap.architecture().displayName()).pooling(pooling)
                    .fold("test", store.split("test"), seqs -> oneByOne(ap, seqs)).run();
        }
        assertThat(scores.scopes()).containsExactly("test");
        assertThat(scores.pooling()).isEqualTo(pooling);
        assertSame(scores, "test", reference.folds().get(0).model(), reference.folds().get(0).backbone(), 1e-9);
        assertThat(scores.toCsv().lines().count()).isEqualTo(1 + 2 * Evaluation.METRICS.size() * 3);
    }

    @Test
    void foldsAppendedToOneOutputAreScoredPerFoldAndPooled() throws IOException {
        Path out = tmp.resolve("folds");
        copyTree(testPredictions, out);
        PredictJob.of(store.directory(), model, out).withSplit("validation").withMode("append").run(SPARK);
        EvaluationScores scores = EvaluateJob.of(out).run(SPARK);
        CrossValidation.Report reference;
        try (AffectiveProcess ap = AffectiveProcess.load(model)) {
            reference = CrossValidation.of(ap.architecture().displayName())
                    .fold("validation", store.split("validation"), seqs -> oneByOne(ap, seqs))
                    .fold("test", store.split("test"), seqs -> oneByOne(ap, seqs)).run();
        }
        assertThat(scores.scopes()).containsExactly("test", "validation", EvaluationScores.POOLED);
        for (CrossValidation.Fold f : reference.folds()) {
            assertSame(scores, f.name(), f.model(), f.backbone(), 1e-9);
        }
        assertSame(scores, EvaluationScores.POOLED, reference.pooled(), reference.pooledBackbone(), 1e-9);
    }

    @Test
    void badRequestsAreRefusedBeforeAnyTask() throws IOException {
        assertThatThrownBy(() -> PredictJob.of(store.directory(), model, tmp.resolve("x")).withSplit("nope").run(SPARK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope").hasMessageContaining("test");
        FeatureStore narrow = FeatureStore.write(tmp.resolve("narrow"),
                SyntheticAffectCorpus.generate(SyntheticConfig.small(4).withFeatureSize(32)));
        assertThatThrownBy(() -> PredictJob.of(narrow.directory(), model, tmp.resolve("y")).run(SPARK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads 64 features")
                .hasMessageContaining("32 features");
        assertThatThrownBy(() -> PredictJob.of(store.directory(), model, tmp.resolve("z")).withMode("replace"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replace");
        assertThatThrownBy(() -> PredictJob.of(store.directory(), model, testPredictions).withSplit("test").run(SPARK))
                .hasMessageContaining("already exists");
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(tmp.resolve("y")).doesNotExist();
    }

    /** Every video predicted on its own, as the Spark job predicts it. */
    static List<Prediction> oneByOne(AffectiveProcess ap, List<AffectSequence> seqs) {
        return seqs.stream().map(s -> ap.predictAll(List.of(s), ap.defaultOptions()).get(0)).toList();
    }

    /** Every score equals the report's to the tolerance (NaN where the report has NaN). */
    static void assertSame(EvaluationScores scores, String scope, EvaluationReport model, EvaluationReport backbone,
            double tolerance) {
        for (Metric m : Evaluation.METRICS) {
            for (String d : model.dimensions()) {
                assertClose(scores.value(scope, scores.modelName(), m, d), model.value(m, d), tolerance,
                        scope + " " + m + " " + d);
                assertClose(scores.value(scope, EvaluationScores.BACKBONE, m, d), backbone.value(m, d), tolerance,
                        scope + " backbone " + m + " " + d);
            }
            assertClose(scores.mean(scope, scores.modelName(), m), model.mean(m), tolerance, scope + " " + m + " mean");
            assertClose(scores.mean(scope, EvaluationScores.BACKBONE, m), backbone.mean(m), tolerance,
                    scope + " backbone " + m);
        }
    }

    /** Equal to the tolerance (relative to the value when it is larger than 1), or both NaN. */
    static void assertClose(double actual, double expected, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(tolerance * Math.max(1, Math.abs(expected))));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(from)) {
            for (Path p : s.toList()) {
                java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static Float value(Row r, PredictionSchema schema, int d, Value v) {
        int i = r.fieldIndex(schema.column(d, v));
        return r.isNullAt(i) ? Float.NaN : r.getFloat(i);
    }

    private static org.apache.spark.sql.Dataset<Row> readBack(Path out) {
        return PredictionSchema.readTable(SPARK, out);
    }
}
