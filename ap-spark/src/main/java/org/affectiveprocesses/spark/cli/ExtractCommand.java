package org.affectiveprocesses.spark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.spark.ExtractJob;
import org.affectiveprocesses.spark.ExtractReport;
import org.affectiveprocesses.spark.VideoInputs;
import org.affectiveprocesses.spark.VideoOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ap spark extract}: videos to a feature store, one task per video. */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Videos -> a feature store (<stem>.npz per video, as `ap extract` writes it, and csv/<stem>.csv),"
                + " one Spark task per video.",
            "Videos already in the store are skipped; a video that fails is recorded in <store>/_errors and the job goes on.",
            "Exit code 3 when some videos failed.",
            "Example: ap spark extract --master local[2] /data/affwild2/videos --store /data/affwild2/features"})
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SparkOptions spark;

    @Parameters(paramLabel = "VIDEO|DIR", arity = "0..*",
            description = "video files, or directories of video files (any depth; mp4, avi, mkv, webm, mov, ...)")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--list", paramLabel = "FILE", description = "a text file naming one video or image folder per line")
    Path list;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "the feature store directory")
    Path store;

    @Option(names = "--backbone", description = "per-frame backbone (default: ${DEFAULT-VALUE})")
    String backbone = "face-expression";

    @Option(names = "--detector", description = "face detector: blazeface (default), blazeface-front, blazeface-back, haar, lbp")
    String detector = "blazeface";

    @Option(names = "--fps", description = "frame rate given to image folders (default: ${DEFAULT-VALUE})")
    double fps = 30;

    @Override
    public Integer call() throws IOException {
        if (inputs.isEmpty() && list == null) {
            throw new ParameterException(spec.commandLine(), "name the videos: VIDEO|DIR arguments or --list FILE");
        }
        List<Path> videos = new ArrayList<>(inputs.isEmpty() ? List.of() : VideoInputs.expand(inputs));
        if (list != null) {
            videos.addAll(VideoInputs.readList(list));
        }
        ExtractJob job = ExtractJob.of(videos, store).withBackbone(backbone).withDetector(detector).withFolderFrameRate(fps);
        ExtractReport r = spark.run("ap-spark extract", job::run);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%d videos: %d extracted (%d frames in %.1f s, %.1f frames/s), %d skipped (done before),"
                + " %d failed%n", r.outcomes().size(), r.withStatus(VideoOutcome.Status.EXTRACTED).size(),
                r.framesExtracted(), r.wallSeconds(), r.framesPerSecond(), r.withStatus(VideoOutcome.Status.SKIPPED).size(),
                r.failures().size());
        for (VideoOutcome f : r.failures()) {
            out.println("failed: " + f.video() + ": " + f.error());
        }
        if (!r.failures().isEmpty()) {
            out.println("the errors are in " + r.errorsTable() + "; run the same command again to retry them");
            return ApSpark.SOME_VIDEOS_FAILED;
        }
        return 0;
    }
}
