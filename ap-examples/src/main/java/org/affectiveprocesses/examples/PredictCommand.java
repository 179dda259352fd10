package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.output.ProgressLine;
import org.affectiveprocesses.video.output.VideoExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ap predict}: a video in, a per-frame CSV out; with an Affective Process trained for the
 * backbone ({@code --model}), the AP's per-frame mean and standard deviation columns too.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Video -> per-frame CSV (face found, detector confidence, valence, arousal, emotion"
                + " probabilities) and, with --model, the Affective Process's mean and std per dimension.",
            "The CSV is written only when the whole video was read."})
public final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VIDEO", description = "a video file (mp4, avi, webm, ...) or a folder of images")
    Path video;

    @Option(names = "--model", paramLabel = "FILE.apmodel",
            description = "an Affective Process trained on this backbone's features (adds ap_*_mean/std columns)")
    Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv",
            description = "the per-frame CSV (default: <video name>.csv in the current folder)")
    Path output;

    @Option(names = "--detector", description = "face detector: blazeface (default), blazeface-front, "
            + "blazeface-back, haar, lbp")
    String detector = "blazeface";

    @Option(names = "--backbone", description = "per-frame backbone (default: ${DEFAULT-VALUE})")
    String backbone = "face-expression";

    @Option(names = "--fps", description = "frame rate given to a folder of images (default: ${DEFAULT-VALUE})")
    double fps = 30;

    @Option(names = "--bench", description = "print where the time went: decode, detect, backbone, temporal model")
    boolean bench;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        ExtractCommand.singleThreadedPyTorch();
        Path table = output != null ? output : Path.of(ExtractCommand.baseName(video) + ".csv");
        AffectRecognizer.Builder b = AffectRecognizer.builder().folderFrameRate(fps);
        if (model != null) {
            b.process(AffectiveProcess.load(model));
        }
        ProgressLine progress = new ProgressLine(System.err);
        VideoExport.Result r;
        try (AffectRecognizer recognizer = b.backbone(backbone).detector(detector).build()) {
            r = VideoExport.run(recognizer, video, table, null, quiet ? (f, d, s) -> { } : progress);
        } finally {
            progress.finish();
        }
        ExtractCommand.report(r, bench);
        System.out.println("wrote " + table);
        return 0;
    }
}
