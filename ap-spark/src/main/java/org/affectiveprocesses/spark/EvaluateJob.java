package org.affectiveprocesses.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The output of a {@link PredictJob} to the scores {@code ap evaluate} gives for the same model and
 * data: per split (a cross-validation's folds, each predicted by its own model into the same
 * output) and pooled over the splits when there are several, for the AP and the backbone, every
 * metric of {@link Evaluation#METRICS} per label dimension, pooled over frames (the paper) or
 * averaged over sequences. The frames are reduced by Spark aggregations ({@link MomentTables}) to
 * a few sums per video, split and dimension; only those reach the driver.
 *
 * <pre>{@code
 * EvaluationScores s = EvaluateJob.of(Path.of("/data/predictions")).run(spark);
 * double ccc = s.value("test", "AP", Metric.CCC, "valence");
 * }</pre>
 *
 * @param predictions the output directory of a {@link PredictJob} (absolute)
 * @param pooling pooled over frames or the mean over sequences
 */
public record EvaluateJob(String predictions, Pooling pooling) implements Serializable {
    /** @throws IllegalArgumentException if the path is relative */
    public EvaluateJob {
        Objects.requireNonNull(pooling, "pooling");
        if (!Path.of(Objects.requireNonNull(predictions, "predictions")).isAbsolute()) {
            throw new IllegalArgumentException("path " + predictions + " is relative; executors need absolute paths");
        }
    }

    /** Pooled over frames, as the paper and {@code ap evaluate} by default (the path made absolute). */
    public static EvaluateJob of(Path predictions) {
        return new EvaluateJob(predictions.toAbsolutePath().normalize().toString(), Pooling.POOLED);
    }

    /** A copy with another pooling. */
    public EvaluateJob withPooling(Pooling newPooling) {
        return new EvaluateJob(predictions, newPooling);
    }

    /**
     * Scores the predictions.
     *
     * @throws IllegalArgumentException if the directory is not a prediction table, a video is in
     *     two splits or has a frame twice, a labelled frame has no prediction, or (pooled) a
     *     dimension has fewer than two labelled frames in a scope
     */
    public EvaluationScores run(SparkSession spark) {
        Dataset<Row> table = PredictionSchema.readTable(spark, Path.of(predictions));
        PredictionSchema schema = PredictionSchema.read(table.schema());
        requireInLabelRange(table, schema);
        List<String> splits = splitsOfDistinctFrames(table);
        List<String> scopes = new ArrayList<>(splits);
        if (splits.size() > 1) {
            scopes.add(EvaluationScores.POOLED);
        }
        Dataset<Row> perVideo = MomentTables.perVideo(MomentTables.pairs(table, schema)).cache();
        try {
            List<Row> videos = perVideo.collectAsList();
            requirePredictions(videos);
            EvaluationScores.Builder b = new EvaluationScores.Builder(schema.dimensions().size());
            if (pooling == Pooling.POOLED) {
                pooled(b, schema, MomentTables.combine(perVideo, PredictionSchema.SPLIT, MomentTables.MODEL,
                        MomentTables.DIMENSION).collectAsList(), splits, null);
                if (splits.size() > 1) {
                    pooled(b, schema, MomentTables.combine(perVideo, MomentTables.MODEL, MomentTables.DIMENSION)
                            .collectAsList(), List.of(EvaluationScores.POOLED), EvaluationScores.POOLED);
                }
            } else {
                perSequence(b, schema, videos, scopes);
            }
            return new EvaluationScores(pooling, schema.modelName(), schema.dimensions(), scopes, b.values());
        } finally {
            perVideo.unpersist();
        }
    }

    /**
     * Refuses, before any score, a predicted mean beyond ±{@link Evaluation#MAX_ABS_PREDICTION}, as
     * {@code ap evaluate} does ({@link Evaluation#requireInLabelRange}), naming the video and frame.
     */
    private static void requireInLabelRange(Dataset<Row> table, PredictionSchema schema) {
        int dims = schema.dimensions().size();
        Column far = null;
        List<Column> selected = new ArrayList<>(List.of(col(PredictionSchema.VIDEO), col(PredictionSchema.FRAME)));
        for (int d = 0; d < dims; d++) {
            Column mean = col(schema.column(d, PredictionSchema.Value.MEAN));
            Column beyond = abs(mean).gt(Evaluation.MAX_ABS_PREDICTION);
            far = far == null ? beyond : far.or(beyond);
            selected.add(mean);
        }
        // one scan for every dimension; the offending dimension is found in the row it returns
        List<Row> rows = table.filter(far).select(selected.toArray(Column[]::new)).limit(1).collectAsList();
        if (rows.isEmpty()) {
            return;
        }
        Row r = rows.get(0);
        for (int d = 0; d < dims; d++) {
            double value = ((Number) r.get(2 + d)).doubleValue();
            if (Math.abs(value) > Evaluation.MAX_ABS_PREDICTION) {
                throw Evaluation.outOfLabelRange(value, schema.dimensions().get(d),
                        "frame " + r.get(1) + " of '" + r.get(0) + "'");
            }
        }
    }

    /** One value per metric from the sums of each (scope, model, dimension); every one must exist. */
    private static void pooled(EvaluationScores.Builder b, PredictionSchema schema, List<Row> rows, List<String> scopes,
            String scope) {
        Map<String, PairedSums> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            String s = scope != null ? scope : r.getString(r.fieldIndex(PredictionSchema.SPLIT));
            byKey.put(s + "/" + r.getString(r.fieldIndex(MomentTables.MODEL)) + "/"
                    + r.getString(r.fieldIndex(MomentTables.DIMENSION)), MomentTables.sums(r));
        }
        for (String s : scopes) {
            for (String model : List.of(schema.modelName(), MomentTables.BACKBONE)) {
                for (int d = 0; d < schema.dimensions().size(); d++) {
                    String dim = schema.dimensions().get(d);
                    PairedSums sums = byKey.get(s + "/" + model + "/" + dim);
                    long n = sums == null ? 0 : sums.n();
                    if (n < 2) {
                        throw new IllegalArgumentException("dimension '" + dim + "' has " + n + " labelled frames in "
                                + s + "; pooled metrics need at least 2");
                    }
                    for (Metric m : Evaluation.METRICS) {
                        b.put(s, model, m, d, sums.value(m));
                    }
                }
            }
        }
    }

    /**
     * The mean over sequences of each metric, leaving out sequences with fewer than two labelled
     * frames or an undefined value (as {@code ap-metrics}'s per-sequence pooling); NaN if none is left.
     */
    private static void perSequence(EvaluationScores.Builder b, PredictionSchema schema, List<Row> videos,
            List<String> scopes) {
        for (String s : scopes) {
            for (String model : List.of(schema.modelName(), MomentTables.BACKBONE)) {
                for (int d = 0; d < schema.dimensions().size(); d++) {
                    String dim = schema.dimensions().get(d);
                    for (Metric m : Evaluation.METRICS) {
                        double sum = 0;
                        int included = 0;
                        for (Row r : videos) {
                            boolean inScope = s.equals(EvaluationScores.POOLED)
                                    || s.equals(r.getString(r.fieldIndex(PredictionSchema.SPLIT)));
                            PairedSums sums = MomentTables.sums(r);
                            if (inScope && model.equals(r.getString(r.fieldIndex(MomentTables.MODEL)))
                                    && dim.equals(r.getString(r.fieldIndex(MomentTables.DIMENSION))) && sums.n() >= 2) {
                                double v = sums.value(m);
                                if (!Double.isNaN(v)) {
                                    sum += v;
                                    included++;
                                }
                            }
                        }
                        b.put(s, model, m, d, included == 0 ? Double.NaN : sum / included);
                    }
                }
            }
        }
    }

    /**
     * The splits, sorted, after checking that every video is in one split and has every frame once
     * (frames 0..T-1 in T rows: a fold appended twice would count twice).
     */
    private static List<String> splitsOfDistinctFrames(Dataset<Row> table) {
        List<Row> videos = table.groupBy(PredictionSchema.VIDEO)
                .agg(count(lit(1)).as("rows"), max(PredictionSchema.FRAME).as("last"),
                        min(PredictionSchema.SPLIT).as("firstSplit"), max(PredictionSchema.SPLIT).as("lastSplit"))
                .collectAsList();
        TreeSet<String> splits = new TreeSet<>();
        for (Row r : videos) {
            String video = r.getString(0);
            String first = r.getString(r.fieldIndex("firstSplit"));
            String last = r.getString(r.fieldIndex("lastSplit"));
            if (!first.equals(last)) {
                throw new IllegalArgumentException("video '" + video + "' is in split '" + first + "' and in split '"
                        + last + "'; the splits of an evaluation must be disjoint");
            }
            long rows = r.getLong(r.fieldIndex("rows"));
            int frames = r.getInt(r.fieldIndex("last")) + 1;
            if (rows != frames) {
                throw new IllegalArgumentException("video '" + video + "' has " + rows + " rows for " + frames
                        + " frames; was it predicted into this output twice?");
            }
            splits.add(first);
        }
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("the prediction table holds no rows");
        }
        return List.copyOf(splits);
    }

    /** A labelled frame must have a prediction, as {@code ap-metrics} requires. */
    private static void requirePredictions(List<Row> videos) {
        for (Row r : videos) {
            int i = r.fieldIndex(MomentTables.MISSING);
            if (!r.isNullAt(i)) {
                throw new IllegalArgumentException(r.getString(r.fieldIndex(MomentTables.MODEL)) + " has no value for '"
                        + r.getString(r.fieldIndex(MomentTables.DIMENSION)) + "' at frame " + r.getInt(i) + " of video '"
                        + r.getString(r.fieldIndex(PredictionSchema.VIDEO)) + "', which is labelled");
            }
        }
    }
}
