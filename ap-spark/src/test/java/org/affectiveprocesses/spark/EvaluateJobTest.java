package org.affectiveprocesses.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Spark evaluation against ap-metrics's EvaluationReport on prediction tables written by hand,
 * with the cases a real corpus has: unlabelled frames, frames without a face, a constant truth, a
 * sequence equal to its prediction, a sequence with one labelled frame, large offsets.
 */
class EvaluateJobTest {
    private static final SparkSession SPARK = SparkTestSession.get();
    private static final PredictionSchema SCHEMA = PredictionSchema.of(LabelSpace.valenceArousal(), "AP");

    @TempDir
    Path tmp;

    /** One video's values as [frame][dim]; NaN = null in the table. */
    record Video(String id, boolean[] face, double[][] truth, double[][] mean, double[][] pseudo) {
    }

    @ParameterizedTest
    @EnumSource(Pooling.class)
    void scoresEqualEvaluationReport(Pooling pooling) {
        List<Video> videos = videos();
        Path table = write(videos, "test");
        EvaluationScores scores = EvaluateJob.of(table).withPooling(pooling).run(SPARK);
        EvaluationReport.Builder model = EvaluationReport.builder(SCHEMA.dimensions()).modelName("AP");
        EvaluationReport.Builder backbone = EvaluationReport.builder(SCHEMA.dimensions()).modelName("Backbone");
        for (Video v : videos) {
            model.addSequence(v.id(), v.truth(), v.mean());
            backbone.addSequence(v.id(), v.truth(), v.pseudo());
        }
        Metric[] metrics = Evaluation.METRICS.toArray(Metric[]::new);
        PredictJobTest.assertSame(scores, "test", model.build(pooling, metrics), backbone.build(pooling, metrics), 1e-9);
    }

    @Test
    void everyMetricOfTheSumsIsTheMetricOfTheSeries() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rnd.nextInt(300);
            double[] t = new double[n];
            double[] p = new double[n];
            double offset = trial % 5 == 0 ? 1e6 : 0;
            for (int i = 0; i < n; i++) {
                t[i] = trial % 7 == 0 ? 0.25 : offset + rnd.nextGaussian();
                p[i] = trial % 11 == 0 ? t[i] : trial % 13 == 0 ? -1 : offset + 0.6 * (t[i] - offset) + 0.4 * rnd.nextGaussian();
            }
            PairedSums s = sums(t, p);
            for (Metric m : Metric.values()) {
                PredictJobTest.assertClose(s.value(m), m.compute(t, p), 1e-9, "trial " + trial + " " + m);
            }
        }
    }

    @Test
    void aLabelledFrameWithoutPredictionIsNamed() {
        List<Video> videos = new ArrayList<>(videos());
        Video v = videos.get(0);
        double[][] mean = v.mean().clone();
        mean[3] = new double[] {Double.NaN, mean[3][1]};
        videos.set(0, new Video(v.id(), v.face(), v.truth(), mean, v.pseudo()));
        Path table = write(videos, "test");
        assertThatThrownBy(() -> EvaluateJob.of(table).run(SPARK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame 3").hasMessageContaining("'" + v.id() + "'").hasMessageContaining("valence");
    }

    @Test
    void aPredictionFarOutsideTheLabelRangeIsRefusedAsApEvaluateDoes() {
        List<Video> videos = new ArrayList<>(videos());
        Video v = videos.get(1);
        double[][] mean = v.mean().clone();
        mean[5] = new double[] {mean[5][0], 3e27};
        videos.set(1, new Video(v.id(), v.face(), v.truth(), mean, v.pseudo()));
        Path table = write(videos, "test");
        assertThatThrownBy(() -> EvaluateJob.of(table).run(SPARK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame 5").hasMessageContaining("'" + v.id() + "'").hasMessageContaining("arousal")
                .hasMessageContaining("no score is computed");
    }

    @Test
    void aVideoInTwoSplitsOrTwiceAndAForeignTableAreRefused() {
        Path table = write(videos(), "test");
        List<Video> again = videos().subList(0, 1);
        write(again, "validation", table, SaveMode.Append);
        assertThatThrownBy(() -> EvaluateJob.of(table).run(SPARK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in split 'test' and in split 'validation'");
        Path twice = write(again, "test");
        write(again, "test", twice, SaveMode.Append);
        assertThatThrownBy(() -> EvaluateJob.of(twice).run(SPARK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("predicted into this output twice");
        Path foreign = tmp.resolve("foreign");
        SPARK.range(5).write().parquet(foreign.toUri().toString());
        assertThatThrownBy(() -> EvaluateJob.of(foreign).run(SPARK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a prediction table");
    }

    /** The sums of a series as the Spark aggregation computes them for one video. */
    static PairedSums sums(double[] t, double[] p) {
        int n = t.length;
        double mt = 0;
        double mp = 0;
        double minT = Double.POSITIVE_INFINITY;
        double maxT = Double.NEGATIVE_INFINITY;
        double minP = Double.POSITIVE_INFINITY;
        double maxP = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            mt += t[i];
            mp += p[i];
            minT = Math.min(minT, t[i]);
            maxT = Math.max(maxT, t[i]);
            minP = Math.min(minP, p[i]);
            maxP = Math.max(maxP, p[i]);
        }
        mt /= n;
        mp /= n;
        double sdt = 0;
        double sdp = 0;
        double stt = 0;
        double spp = 0;
        double stp = 0;
        double se = 0;
        double se2 = 0;
        double sae = 0;
        for (int i = 0; i < n; i++) {
            double dt = t[i] - mt;
            double dp = p[i] - mp;
            double e = t[i] - p[i];
            sdt += dt;
            sdp += dp;
            stt += dt * dt;
            spp += dp * dp;
            stp += dt * dp;
            se += e;
            se2 += e * e;
            sae += Math.abs(e);
        }
        return new PairedSums(n, mt, mp, stt - sdt * sdt / n, spp - sdp * sdp / n, stp - sdt * sdp / n, se, se2, sae,
                minT, maxT, minP, maxP);
    }

    /** Six videos with the awkward cases; labels on a valence-arousal scale. */
    private static List<Video> videos() {
        Random rnd = new Random(11);
        List<Video> out = new ArrayList<>();
        String[] ids = {"plain", "007", "constant-truth", "exact", "one-label", "faceless-episode"};
        for (int v = 0; v < ids.length; v++) {
            int n = 40 + 10 * v;
            boolean[] face = new boolean[n];
            double[][] truth = new double[n][2];
            double[][] mean = new double[n][2];
            double[][] pseudo = new double[n][2];
            for (int t = 0; t < n; t++) {
                face[t] = !(ids[v].equals("faceless-episode") && t >= 10 && t < 25);
                for (int d = 0; d < 2; d++) {
                    double y = Math.sin(0.1 * t + v + d) * 0.6;
                    truth[t][d] = ids[v].equals("constant-truth") && d == 1 ? 0.5 : y;
                    mean[t][d] = ids[v].equals("exact") ? truth[t][d] : y * 0.8 + 0.2 * rnd.nextGaussian();
                    pseudo[t][d] = y + 0.3 * rnd.nextGaussian();
                    if (ids[v].equals("plain") && t % 7 == 0 && d == 0) {
                        truth[t][d] = Double.NaN; // unannotated
                    }
                    if (ids[v].equals("one-label") && t > 0) {
                        truth[t][d] = Double.NaN;
                    }
                    if (!face[t]) {
                        truth[t][d] = Double.NaN;
                        mean[t][d] = Double.NaN;
                        pseudo[t][d] = Double.NaN;
                    }
                    truth[t][d] = (float) truth[t][d]; // the table holds floats
                    mean[t][d] = (float) mean[t][d];
                    pseudo[t][d] = (float) pseudo[t][d];
                }
            }
            out.add(new Video(ids[v], face, truth, mean, pseudo));
        }
        return out;
    }

    private Path write(List<Video> videos, String split) {
        return write(videos, split, tmp.resolve("table-" + System.nanoTime()), SaveMode.ErrorIfExists);
    }

    private static Path write(List<Video> videos, String split, Path dir, SaveMode mode) {
        List<Row> rows = new ArrayList<>();
        for (Video v : videos) {
            for (int t = 0; t < v.face().length; t++) {
                Object[] values = new Object[5 + 8];
                values[0] = v.id();
                values[1] = split;
                values[2] = t;
                values[3] = t / 30.0;
                values[4] = v.face()[t];
                for (int d = 0; d < 2; d++) {
                    int o = 5 + 4 * d;
                    values[o] = floatOrNull(v.truth()[t][d]);
                    values[o + 1] = floatOrNull(v.pseudo()[t][d]);
                    values[o + 2] = floatOrNull(v.mean()[t][d]);
                    values[o + 3] = Double.isNaN(v.mean()[t][d]) ? null : 0.1f;
                }
                rows.add(RowFactory.create(values));
            }
        }
        SPARK.createDataFrame(rows, SCHEMA.structType()).write().mode(mode).partitionBy(PredictionSchema.VIDEO)
                .parquet(dir.toUri().toString());
        return dir;
    }

    private static Float floatOrNull(double v) {
        return Double.isNaN(v) ? null : (float) v;
    }
}
