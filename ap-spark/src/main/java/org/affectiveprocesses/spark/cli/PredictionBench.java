package org.affectiveprocesses.spark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.corpora.CrossValidation;
import org.affectiveprocesses.corpora.FeatureStore;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.spark.EvaluateJob;
import org.affectiveprocesses.spark.EvaluationScores;
import org.affectiveprocesses.spark.PredictJob;
import org.affectiveprocesses.spark.PredictReport;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.apache.spark.sql.SparkSession;

/**
 * The prediction benchmark: a synthetic valence/arousal feature store whose test split holds about
 * the asked number of frames (64 features, videos of 2,500-3,500 frames), an AP trained briefly on
 * its training split (the speed of inference does not depend on how well it was trained), Spark
 * predict on {@code local[1]} and {@code local[2]} (alternating over rounds), Spark evaluate, and the single-machine
 * evaluation of {@code ap evaluate} on the same store and model, whose scores the Spark ones must
 * equal.
 */
final class PredictionBench {
    private static final int FRAMES_PER_VIDEO = 3000;
    private static final int VIDEOS_PER_SUBJECT = 6;

    private final int targetFrames;
    private final int rounds;
    private final Path dir;
    private final Map<String, String> conf;

    PredictionBench(int targetFrames, int rounds, Path dir, Map<String, String> conf) {
        this.targetFrames = targetFrames;
        this.rounds = rounds;
        this.dir = dir;
        this.conf = conf;
    }

    void run(PrintStream out) throws IOException {
        int testSubjects = Math.max(1, (int) Math.round(targetFrames / (double) (FRAMES_PER_VIDEO * VIDEOS_PER_SUBJECT)));
        SyntheticConfig config = SyntheticConfig.valenceArousal().withSeed(1).withFeatureSize(64)
                .withSubjects(2, 1, testSubjects).withVideosPerSubject(VIDEOS_PER_SUBJECT)
                .withFrames(FRAMES_PER_VIDEO - 500, FRAMES_PER_VIDEO + 500);
        long t0 = System.nanoTime();
        AffectCorpus corpus = SyntheticAffectCorpus.generate(config);
        FeatureStore store = FeatureStore.write(dir.resolve("store"), corpus);
        Path model = dir.resolve("va.apmodel");
        try (AffectiveProcess ap = AffectiveProcess.trainer(TrainingConfig.valenceArousal().withSeed(1).withSchedule(1, 30))
                .fit(corpus.split("train"), corpus.split("validation"))) {
            ap.save(model);
        }
        long testFrames = store.videoIds("test").stream().mapToLong(id -> store.header(id).frames()).sum();
        out.printf(Locale.ROOT, "%n## Prediction: synthetic store, test split %d videos, %,d frames (set up in %.0f s)%n%n",
                store.videoIds("test").size(), testFrames, (System.nanoTime() - t0) / 1e9);
        out.println("| run | round | frames | seconds | frames/s |");
        out.println("|---|---|---|---|---|");
        EvaluationScores scores = null;
        double[] seconds = new double[2];
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < 2; i++) {
                int slots = round % 2 == 1 ? i + 1 : 2 - i;
                SparkSession s = BenchSessions.start("local[" + slots + "]", conf);
                try {
                    Path output = dir.resolve("predictions-local" + slots + "-round" + round);
                    PredictReport r = PredictJob.of(store.directory(), model, output).withSplit("test").run(s);
                    row(out, "Spark predict local[" + slots + "]", round, r.frames(), r.wallSeconds());
                    seconds[slots - 1] += r.wallSeconds();
                    if (scores == null && slots == 2) {
                        long e0 = System.nanoTime();
                        scores = EvaluateJob.of(output).run(s);
                        row(out, "Spark evaluate local[2]", round, r.frames(), (System.nanoTime() - e0) / 1e9);
                    }
                } finally {
                    s.stop();
                }
            }
        }
        long c0 = System.nanoTime();
        CrossValidation.Report reference;
        try (AffectiveProcess ap = AffectiveProcess.load(model)) {
            reference = CrossValidation.of(ap.architecture().displayName())
                    .fold("test", store.split("test"), seqs -> ap.predictAll(seqs, ap.defaultOptions())).run();
        }
        row(out, "single machine (ap evaluate: predict and score)", 1, testFrames, (System.nanoTime() - c0) / 1e9);
        out.printf(Locale.ROOT, "%nPredict scaling local[2] / local[1]: %.2f (ideal 2.0)%n", seconds[0] / seconds[1]);
        double worst = Math.max(largestDifference(scores, reference.folds().get(0).model(), scores.modelName()),
                largestDifference(scores, reference.folds().get(0).backbone(), EvaluationScores.BACKBONE));
        out.printf(Locale.ROOT, "Spark scores vs ap evaluate: largest difference %.2e over %d values (%s)%n", worst,
                2 * Evaluation.METRICS.size() * (corpus.labelSpace().size() + 1), worst <= 1e-9 ? "equal to 1e-9" : "DIFFERENT");
        out.printf(Locale.ROOT, "AP CCC (test, pooled): valence %.4f, arousal %.4f%n",
                scores.value("test", scores.modelName(), Metric.CCC, "valence"),
                scores.value("test", scores.modelName(), Metric.CCC, "arousal"));
    }

    private static void row(PrintStream out, String run, int round, long frames, double seconds) {
        out.printf(Locale.ROOT, "| %s | %d | %,d | %.1f | %,.0f |%n", run, round, frames, seconds, frames / seconds);
    }

    private static double largestDifference(EvaluationScores s, EvaluationReport ref, String model) {
        double worst = 0;
        for (Metric m : Evaluation.METRICS) {
            for (String d : ref.dimensions()) {
                worst = Math.max(worst, difference(s.value("test", model, m, d), ref.value(m, d)));
            }
            worst = Math.max(worst, difference(s.mean("test", model, m), ref.mean(m)));
        }
        return worst;
    }

    private static double difference(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return 0;
        }
        return Double.isNaN(a) || Double.isNaN(b) ? Double.POSITIVE_INFINITY : Math.abs(a - b);
    }
}
