package org.affectiveprocesses.spark.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.metrics.Pooling;
import org.affectiveprocesses.spark.EvaluateJob;
import org.affectiveprocesses.spark.EvaluationScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ap spark evaluate}: the scores of {@code ap evaluate} from the output of {@code ap spark predict}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The output of `ap spark predict` -> the scores `ap evaluate` gives (per split, pooled over the splits"
                + " when there are several; AP and backbone), computed with Spark aggregations.",
            "Example: ap spark evaluate --master local[2] sewa-test.parquet --csv scores.csv"})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SparkOptions spark;

    @Parameters(paramLabel = "PREDICTIONS", description = "the output directory of ap spark predict")
    Path predictions;

    @Option(names = "--pooling", paramLabel = "RULE",
            description = "pooled (all frames at once, the paper; default) or per-sequence (mean over sequences)")
    String pooling = "pooled";

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the scores as the CSV of ap evaluate --csv")
    Path csv;

    @Override
    public Integer call() throws IOException {
        Pooling rule = switch (pooling.toLowerCase(Locale.ROOT)) {
            case "pooled" -> Pooling.POOLED;
            case "per-sequence" -> Pooling.PER_SEQUENCE_MEAN;
            default -> throw new ParameterException(spec.commandLine(), "--pooling must be pooled or per-sequence, got '"
                    + pooling + "'");
        };
        EvaluationScores scores = spark.run("ap-spark evaluate", EvaluateJob.of(predictions).withPooling(rule)::run);
        System.out.println("# " + scores.modelName() + " on " + predictions);
        System.out.println();
        System.out.print(scores.toMarkdown());
        if (csv != null) {
            Path parent = csv.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(csv, scores.toCsv(), StandardCharsets.UTF_8);
            System.out.println("Wrote " + csv);
        }
        return 0;
    }
}
