package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.output.ProgressLine;
import org.affectiveprocesses.video.output.VideoExport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code ap extract} and {@code ap predict} share besides the recognizer's options ({@link
 * RecognizerOptions}): the video, the progress bar, the checks of their outputs and the run through
 * the video that writes them.
 */
final class VideoOptions {

    @Parameters(index = "0", paramLabel = "VIDEO", description = "a video file (mp4, avi, webm, ...) or a folder of images")
    Path video;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * Checks, before any work, the recognizer's options (usage errors) and the outputs ({@link
     * Outputs}).
     *
     * @param recognizer the detector, backbone and the rest
     * @param model the Affective Process's file, or null for none
     * @param outputs the files to write, each with the option that names it
     */
    void checkBeforeWork(RecognizerOptions recognizer, Path model, List<Map.Entry<Path, String>> outputs)
            throws IOException {
        recognizer.check(model);
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
     * @param options the detector, backbone and the rest
     * @param model an Affective Process trained on the backbone's features, or null for none
     * @param csv the per-face, per-frame CSV to write
     * @param npz the feature file to write, or null for none
     */
    VideoExport.Result export(RecognizerOptions options, Path model, Path csv, Path npz) throws IOException {
        AffectRecognizer.Builder b = options.builder(model);
        ProgressLine progress = new ProgressLine(System.err, System.console() != null);
        try (AffectRecognizer recognizer = b.build()) {
            return VideoExport.run(recognizer, video, csv, npz, quiet ? (f, d, s) -> { } : progress);
        } finally {
            progress.finish();
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
            System.out.println("stages (on two threads, overlapping): " + r.timings().summary());
            System.out.printf(Locale.ROOT, "stage rates: decode %.1f frames/s, detect %.1f frames/s, landmarks %.1f"
                    + " faces/s, backbone %.1f faces/s%n", r.timings().decodeFramesPerSecond(),
                    r.timings().detectFramesPerSecond(), r.timings().landmarkFacesPerSecond(),
                    r.timings().backboneFacesPerSecond());
        }
        System.out.printf(Locale.ROOT, "%d frames (%d with a face, %d face rows) in %.2f s: %.1f frames/s%n",
                r.frames(), r.faces(), r.faceRows(), r.wallSeconds(), r.framesPerSecond());
    }
}
