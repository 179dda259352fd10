package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.backbone.Backbones;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.face.FaceDetectors;
import org.affectiveprocesses.video.pipeline.DetectionStage;
import org.affectiveprocesses.video.pipeline.FaceSelection;
import org.affectiveprocesses.video.smoothing.OneEuroFilter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code ap extract}, {@code ap predict} and {@code ap live} share to build their recognizer:
 * the face detector and how often it runs, the backbone, the frame rate of a folder of images, which
 * faces to analyse and smoothing.
 */
final class RecognizerOptions {

    @Option(names = "--detector", description = "face detector: blazeface (default), blazeface-front, "
            + "blazeface-back, haar, lbp")
    String detector = "blazeface";

    @Option(names = "--backbone", description = "per-frame backbone (default: ${DEFAULT-VALUE})")
    String backbone = "face-expression";

    @Option(names = "--fps", description = "frame rate given to a folder of images (default: ${DEFAULT-VALUE})")
    double fps = 30;

    FaceSelection faces = FaceSelection.LARGEST;

    @Option(names = "--faces", paramLabel = "largest|all",
            description = "analyse the largest face of each frame (default) or every face (one row per face)")
    void faces(String value) {
        faces = switch (value.toLowerCase(Locale.ROOT)) {
            case "largest" -> FaceSelection.LARGEST;
            case "all" -> FaceSelection.ALL;
            default -> throw new ParameterException(spec.commandLine(), "--faces must be largest or all, got '"
                    + value + "'");
        };
    }

    @Option(names = "--detect-every", paramLabel = "N", description = "run the face detector on every N-th frame"
            + " while faces are followed, and at cuts and lost faces (default: ${DEFAULT-VALUE}; 1 = every frame)")
    int detectEvery = DetectionStage.DEFAULT_DETECTION_INTERVAL;

    @Option(names = "--smooth", description = "smooth each face's per-frame estimates with a 1-euro filter "
            + "(adds smoothed_* columns; without --model)")
    boolean smooth;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * Checks the detector and backbone names, the detection interval, the frame rate and that smoothing is not asked for
     * with a model (usage errors), before any work.
     *
     * @param apModel the Affective Process's file, or null for none
     */
    void check(Path apModel) {
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
        if (detectEvery < 1) {
            throw new ParameterException(spec.commandLine(), "--detect-every must be at least 1, got " + detectEvery);
        }
        if (apModel != null && smooth) {
            throw new ParameterException(spec.commandLine(), "--smooth smooths the backbone's estimates when there is"
                    + " no --model; with one, the Affective Process gives the temporal estimate");
        }
    }

    /**
     * The recognizer these options describe (not built yet).
     *
     * @param apModel an Affective Process trained on the backbone's features, or null for none
     * @throws IOException if the model cannot be read
     */
    AffectRecognizer.Builder builder(Path apModel) throws IOException {
        check(apModel);
        AffectRecognizer.Builder b = AffectRecognizer.builder().folderFrameRate(fps).faces(faces)
                .detectionInterval(detectEvery);
        if (apModel != null) {
            b.process(AffectiveProcess.load(apModel));
        } else if (smooth) {
            b.smoothing(OneEuroFilter.Parameters.affect());
        }
        return b.backbone(backbone).detector(detector);
    }
}
