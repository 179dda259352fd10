package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.backbone.Backbones;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.face.FaceDetectors;
import org.affectiveprocesses.video.output.ProgressLine;
import org.affectiveprocesses.video.output.VideoExport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code ap extract} and {@code ap predict} share: the video, the face detector, the backbone,
 * the frame rate of a folder of images and the progress bar, and the run through the video that
 * writes their outputs.
 */
final class VideoOptions {
    private static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";

    @Parameters(index = "0", paramLabel = "VIDEO", description = "a video file (mp4, avi, webm, ...) or a folder of images")
    Path video;

    @Option(names = "--detector", description = "face detector: blazeface (default), blazeface-front, "
            + "blazeface-back, haar, lbp")
    String detector = "blazeface";

    @Option(names = "--backbone", description = "per-frame backbone (default: ${DEFAULT-VALUE})")
    String backbone = "face-expression";

    @Option(names = "--fps", description = "frame rate given to a folder of images (default: ${DEFAULT-VALUE})")
    double fps = 30;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * Checks, before any work, the detector and backbone names (a usage error) and the outputs
     * ({@link Outputs}).
     *
     * @param outputs the files to write, each with the option that names it
     */
    void checkBeforeWork(List<Map.Entry<Path, String>> outputs) throws IOException {
        if (!FaceDetectors.NAMES.contains(detector)) {
            throw new ParameterException(spec.commandLine(), "unknown --detector '" + detector + "'; expected one of "
                    + FaceDetectors.NAMES);
        }
        if (!Backbones.available().containsKey(backbone)) {
            throw new ParameterException(spec.commandLine(), "unknown --backbone '" + backbone + "'; available: "
                    + Backbones.available().keySet());
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new ParameterException(spec.commandLine(), "--fps must be positive, got " + fps);
        }
        Set<Path> distinct = new HashSet<>();
        for (Map.Entry<Path, String> e : outputs) {
            if (!distinct.add(e.getKey().toAbsolutePath().normalize())) {
                throw new ParameterException(spec.commandLine(), e.getValue() + " names " + e.getKey()
                        + ", which another output already names");
            }
            Outputs.checkFile(e.getKey(), e.getValue());
        }
    }

    /** The output file given, or else {@code <video name><extension>} in the current folder. */
    Path outputOr(Path given, String extension) {
        return given != null ? given : Path.of(baseName(video) + extension);
    }

    /**
     * Reads the whole video through the detector and the backbone, and the Affective Process if one
     * is given, with a progress bar on standard error unless {@code --quiet}.
     *
     * @param model an Affective Process trained on the backbone's features, or null for none
     * @param csv the per-frame CSV to write
     * @param npz the feature file to write, or null for none
     */
    VideoExport.Result export(Path model, Path csv, Path npz) throws IOException {
        singleThreadedPyTorch();
        AffectRecognizer.Builder b = AffectRecognizer.builder().folderFrameRate(fps);
        if (model != null) {
            b.process(AffectiveProcess.load(model));
        }
        ProgressLine progress = new ProgressLine(System.err, System.console() != null);
        try (AffectRecognizer recognizer = b.backbone(backbone).detector(detector).build()) {
            return VideoExport.run(recognizer, video, csv, npz, quiet ? (f, d, s) -> { } : progress);
        } finally {
            progress.finish();
        }
    }

    /**
     * Runs PyTorch on one thread unless {@code -Dai.djl.pytorch.num_threads} says otherwise: the
     * backbone sees one small face at a time, and PyTorch's OpenMP threads spinning between calls
     * would starve the face detector and the decoder, which run in between.
     */
    private static void singleThreadedPyTorch() {
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
