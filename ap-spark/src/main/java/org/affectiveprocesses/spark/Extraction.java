package org.affectiveprocesses.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** The driver's side of an {@link ExtractJob}: what is left to do, one task per video, the errors table. */
final class Extraction {
    private Extraction() {
    }

    static ExtractReport run(SparkSession spark, ExtractJob job, FrameHook hook) throws IOException {
        long t0 = System.nanoTime();
        StoreLayout layout = new StoreLayout(Path.of(job.store()));
        layout.create();
        List<VideoOutcome> outcomes = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        for (String v : job.videos()) {
            if (layout.isDone(Path.of(v))) {
                outcomes.add(VideoOutcome.skipped(v));
            } else {
                todo.add(v);
            }
        }
        if (!todo.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            VideoTask task = new VideoTask(job, hook);
            jsc.setJobDescription("ap-spark extract: " + todo.size() + " videos into " + job.store());
            try {
                outcomes.addAll(jsc.parallelize(todo, todo.size()).map(task::run).collect());
            } finally {
                jsc.setJobDescription(null);
                layout.clearStaging();
            }
        } else {
            layout.clearStaging();
        }
        ExtractReport report = new ExtractReport(outcomes, layout.errors(), (System.nanoTime() - t0) / 1e9);
        writeErrors(spark, report);
        return report;
    }

    private static void writeErrors(SparkSession spark, ExtractReport report) {
        List<Row> rows = new ArrayList<>();
        for (VideoOutcome f : report.failures()) {
            rows.add(RowFactory.create(f.video(), f.error()));
        }
        spark.createDataFrame(rows, VideoOutcome.ERROR_SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                .option("header", true).csv(report.errorsTable().toUri().toString());
    }
}
