package org.affectiveprocesses.spark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.spark.PredictJob;
import org.affectiveprocesses.spark.PredictReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ap spark predict}: a feature store and a model file to per-frame predictions in Parquet. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A feature store and a model file -> per-frame AP mean and std, the backbone's pseudo-labels and the"
                + " ground truth, as Parquet partitioned by video (columns: docs/spark.md).",
            "Example: ap spark predict --master local[2] --store sewa-store -m sewa.apmodel --split test -o sewa-test.parquet"})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    SparkOptions spark;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "the feature store")
    Path store;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "the model file (.apmodel)")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the Parquet output directory")
    Path output;

    @Option(names = {"-s", "--split"}, paramLabel = "SPLIT", description = "predict one split (default: every video)")
    String split;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "when the output exists: errorifexists (default), overwrite, or append (another fold)")
    String mode = "errorifexists";

    @Override
    public Integer call() throws IOException {
        PredictJob job = PredictJob.of(store, model, output).withMode(mode);
        if (split != null) {
            job = job.withSplit(split);
        }
        PredictReport r = spark.run("ap-spark predict", job::run);
        System.out.printf(Locale.ROOT, "%d videos, %d frames in %.1f s (%.0f frames/s) -> %s%n", r.videos(), r.frames(),
                r.wallSeconds(), r.framesPerSecond(), r.output());
        return 0;
    }
}
