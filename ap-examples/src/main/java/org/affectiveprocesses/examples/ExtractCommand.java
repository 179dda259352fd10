package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.output.ProgressLine;
import org.affectiveprocesses.video.output.VideoExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ap extract}: a video in, its feature file (x<sub>t</sub>, ŷ<sub>t</sub>, timestamps, face
 * boxes, validity) and a per-frame CSV out, through the default face detector and backbone.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Video -> feature file (.npz: features, pseudo-labels, timestamps, face boxes, validity)"
                + " and a per-frame CSV (face found, detector confidence, valence, arousal, emotion probabilities).",
            "Outputs are written only when the whole video was read; a frame without a face is marked invalid."})
public final class ExtractCommand implements Callable<Integer> {
    private static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";

    @Parameters(index = "0", paramLabel = "VIDEO", description = "a video file (mp4, avi, webm, ...) or a folder of images")
    Path video;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.npz",
            description = "the feature file (default: <video name>.npz in the current folder)")
    Path output;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "the per-frame CSV (default: <video name>.csv)")
    Path csv;

    @Option(names = "--detector", description = "face detector: blazeface (default), blazeface-front, "
            + "blazeface-back, haar, lbp")
    String detector = "blazeface";

    @Option(names = "--backbone", description = "per-frame backbone (default: ${DEFAULT-VALUE})")
    String backbone = "face-expression";

    @Option(names = "--fps", description = "frame rate given to a folder of images (default: ${DEFAULT-VALUE})")
    double fps = 30;

    @Option(names = "--bench", description = "print where the time went: decode, detect, backbone")
    boolean bench;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        singleThreadedPyTorch();
        Path npz = output != null ? output : Path.of(baseName(video) + ".npz");
        Path table = csv != null ? csv : Path.of(baseName(video) + ".csv");
        ProgressLine progress = new ProgressLine(System.err);
        VideoExport.Result r;
        try (AffectRecognizer recognizer = AffectRecognizer.builder().backbone(backbone).detector(detector)
                .folderFrameRate(fps).build()) {
            r = VideoExport.run(recognizer, video, table, npz, quiet ? (f, d, s) -> { } : progress);
        } finally {
            progress.finish();
        }
        report(r, bench);
        System.out.println("wrote " + npz + " and " + table);
        return 0;
    }

    /**
     * Runs PyTorch on one thread unless {@code -Dai.djl.pytorch.num_threads} says otherwise: the
     * backbone sees one small face at a time, and PyTorch's OpenMP threads spinning between calls
     * would starve the face detector and the decoder, which run in between.
     */
    static void singleThreadedPyTorch() {
        if (System.getProperty(PYTORCH_THREADS) == null) {
            System.setProperty(PYTORCH_THREADS, "1");
        }
    }

    /** The name of a video without its extension. */
    static String baseName(Path video) {
        String name = video.toAbsolutePath().normalize().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Prints the frame counts, the warning for a video without faces, the stage split and the final rate. */
    static void report(VideoExport.Result r, boolean bench) {
        if (r.faces() == 0) {
            System.out.println("warning: no face was found in any of the " + r.frames()
                    + " frames; every frame is marked invalid");
        }
        if (bench) {
            System.out.println("stages: " + r.timings().summary());
            System.out.printf(Locale.ROOT, "stage rates: decode %.1f frames/s, detect %.1f frames/s, backbone %.1f faces/s%n",
                    r.timings().decodeFramesPerSecond(), r.timings().detectFramesPerSecond(),
                    r.timings().backboneFacesPerSecond());
        }
        System.out.printf(Locale.ROOT, "%d frames (%d with a face) in %.1f s: %.1f frames/s%n", r.frames(), r.faces(),
                r.wallSeconds(), r.framesPerSecond());
    }
}
