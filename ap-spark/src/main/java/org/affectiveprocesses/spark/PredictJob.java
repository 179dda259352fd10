package org.affectiveprocesses.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.corpora.FeatureStore;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A feature store and a model file to per-frame Affective Process predictions, written to Parquet
 * partitioned by video ({@code <output>/video=<id>/}): per frame the AP's predictive mean and
 * standard deviation, the backbone's pseudo-labels and the ground truth, in the columns of
 * {@link PredictionSchema}.
 *
 * <pre>{@code
 * PredictReport r = PredictJob.of(Path.of("/data/store"), Path.of("va.apmodel"), Path.of("/data/predictions"))
 *         .withSplit("test").run(spark);
 * }</pre>
 *
 * <p>Every video is windowed and predicted on its own, exactly as {@code AffectiveProcess.predict}
 * and {@code ap evaluate} do on one machine (the model's default test protocol), so the numbers are
 * the single-machine numbers. Tasks get videos of about equal total length; the model is loaded
 * once per executor JVM ({@link ModelHolder}). The output is committed by Spark's file committer,
 * so retried or speculative tasks leave no partial files.
 *
 * @param store the feature store directory (absolute)
 * @param model the model file (absolute)
 * @param output the output directory (absolute)
 * @param split the split to predict, or null for every video of the store
 * @param mode what to do when the output exists: {@code errorifexists} (default), {@code overwrite}
 *     or {@code append} (e.g. one fold of a cross-validation after another)
 */
public record PredictJob(String store, String model, String output, String split, String mode) implements Serializable {
    private static final List<String> MODES = List.of("errorifexists", "overwrite", "append");

    /** @throws IllegalArgumentException if a path is relative or the mode unknown */
    public PredictJob {
        for (String p : new String[] {Objects.requireNonNull(store, "store"), Objects.requireNonNull(model, "model"),
            Objects.requireNonNull(output, "output")}) {
            if (!Path.of(p).isAbsolute()) {
                throw new IllegalArgumentException("path " + p + " is relative; executors need absolute paths");
            }
        }
        mode = Objects.requireNonNull(mode, "mode").toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown output mode '" + mode + "'; expected one of " + MODES);
        }
    }

    /** Every video of a store, into a new output directory (paths made absolute). */
    public static PredictJob of(Path store, Path model, Path output) {
        return new PredictJob(abs(store), abs(model), abs(output), null, "errorifexists");
    }

    /** A copy that predicts one split of the store. */
    public PredictJob withSplit(String name) {
        return new PredictJob(store, model, output, Objects.requireNonNull(name, "split"), mode);
    }

    /** A copy with another output mode: {@code errorifexists}, {@code overwrite} or {@code append}. */
    public PredictJob withMode(String newMode) {
        return new PredictJob(store, model, output, split, newMode);
    }

    /**
     * Predicts and writes the output.
     *
     * @throws IllegalArgumentException if the store has no such split, or the model does not read
     *     the store's features or label space (checked before any task runs)
     * @throws IOException if the store or the model cannot be read
     */
    public PredictReport run(SparkSession spark) throws IOException {
        long t0 = System.nanoTime();
        Plan plan = plan(spark);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("ap-spark predict: " + plan.videos().size() + " videos of " + store);
        try {
            plan.predictions().write().mode(SaveMode.valueOf(saveMode())).partitionBy(PredictionSchema.VIDEO)
                    .parquet(Path.of(output).toUri().toString());
        } finally {
            jsc.setJobDescription(null);
        }
        long frames = plan.videos().stream().mapToLong(VideoBatch.Video::frames).sum();
        return new PredictReport(Path.of(output), plan.videos().size(), frames, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The predictions as a DataFrame of {@link PredictionSchema}, computed when an action runs
     * ({@link #run} writes them; the output path and mode are not used here).
     *
     * @throws IllegalArgumentException as {@link #run}
     * @throws IOException as {@link #run}
     */
    public Dataset<Row> predictions(SparkSession spark) throws IOException {
        return plan(spark).predictions();
    }

    /** What a run reads and the DataFrame it computes. */
    private record Plan(List<VideoBatch.Video> videos, Dataset<Row> predictions) {
    }

    private Plan plan(SparkSession spark) throws IOException {
        FeatureStore fs = FeatureStore.open(Path.of(store), 0);
        List<String> ids = split == null ? fs.videoIds() : fs.videoIds(split);
        AffectiveProcess ap = ModelHolder.get(model);
        if (!ap.labelSpace().equals(fs.labelSpace()) || ap.featureSize() != fs.featureSize()) {
            throw new IllegalArgumentException("model " + model + " reads " + ap.featureSize() + " features and predicts "
                    + ap.labelSpace().name() + ", but store " + store + " has " + fs.featureSize() + " features and "
                    + fs.labelSpace().name());
        }
        PredictionSchema schema = PredictionSchema.of(ap.labelSpace(), ap.architecture().displayName());
        List<VideoBatch.Video> videos = new ArrayList<>();
        for (String id : ids) {
            videos.add(new VideoBatch.Video(id, fs.file(id).toAbsolutePath().toString(), fs.header(id).frames()));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<VideoBatch> batches = VideoBatch.balance(videos, 3 * jsc.defaultParallelism());
        JavaRDD<Row> rows = jsc.parallelize(batches, batches.size())
                .flatMap(new PredictTask(model, split == null ? FeatureStore.ALL : split));
        return new Plan(videos, spark.createDataFrame(rows, schema.structType()));
    }

    private String saveMode() {
        return switch (mode) {
            case "overwrite" -> "Overwrite";
            case "append" -> "Append";
            default -> "ErrorIfExists";
        };
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
