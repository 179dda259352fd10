package org.affectiveprocesses.spark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ap spark bench}: throughput of the jobs on this machine, printed, never asserted.
 * Extraction: the given clips repeated to a few thousand frames, through the single-process
 * {@code ap extract} path, then Spark on {@code local[1]} and {@code local[2]}; prediction: a
 * synthetic feature store of about a million frames on {@code local[1]} and {@code local[2]},
 * and the Spark evaluation next to the single-machine one ({@code ap evaluate}'s
 * CrossValidation), whose scores must agree.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Throughput of extract (local[1] vs local[2] vs the single-process ap extract path) and of predict"
                + " (a synthetic store of about a million frames), and that the Spark scores equal ap evaluate's.",
            "Example: bash build/fetch-test-media.sh /tmp/media Megamind.avi vtest.avi && "
                + "ap spark bench /tmp/media/Megamind.avi /tmp/media/vtest.avi"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", arity = "0..*", description = "clips for the extraction benchmark")
    List<Path> clips = new ArrayList<>();

    @Option(names = "--extract-frames", paramLabel = "N", description = "frames to extract (default: ${DEFAULT-VALUE})")
    int extractFrames = 3000;

    @Option(names = "--predict-frames", paramLabel = "N", description = "frames of the synthetic store (default: ${DEFAULT-VALUE})")
    int predictFrames = 1_000_000;

    @Option(names = "--rounds", paramLabel = "N",
            description = "runs of each setting, in alternating order, for a machine whose speed drifts (default: ${DEFAULT-VALUE})")
    int rounds = 1;

    @Option(names = "--no-predict", description = "only the extraction benchmark")
    boolean noPredict;

    @Option(names = "--work", paramLabel = "DIR", description = "where to write (default: a temporary directory, deleted)")
    Path work;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting for every session")
    Map<String, String> conf = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        if (rounds < 1 || extractFrames < 1 || predictFrames < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds, --extract-frames and --predict-frames must be >= 1");
        }
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("ap-spark-bench");
        try {
            System.out.println("# ap spark bench (" + Runtime.getRuntime().availableProcessors() + " cores)");
            if (!clips.isEmpty()) {
                new ExtractionBench(clips, extractFrames, rounds, dir.resolve("extract"), conf).run(System.out);
            }
            if (!noPredict) {
                new PredictionBench(predictFrames, rounds, dir.resolve("predict"), conf).run(System.out);
            }
        } finally {
            if (work == null) {
                delete(dir);
            }
        }
        return 0;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
