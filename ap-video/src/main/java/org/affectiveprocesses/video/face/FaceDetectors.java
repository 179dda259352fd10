package org.affectiveprocesses.video.face;

import java.io.IOException;
import java.util.List;

/** The face detectors of the SDK, by name. */
public final class FaceDetectors {
    /** The names {@link #byName} accepts; the first is the default. */
    public static final List<String> NAMES = List.of("blazeface", "blazeface-front", "blazeface-back",
            "haar", "lbp");

    private FaceDetectors() {
    }

    /**
     * The default detector: BlazeFace, both models ({@link BlazeFaceDetector#create()}).
     *
     * @throws IOException if its packaged model files cannot be loaded
     */
    public static FaceDetector defaultDetector() throws IOException {
        return BlazeFaceDetector.create();
    }

    /**
     * A detector by name: {@code blazeface} (default: both BlazeFace models),
     * {@code blazeface-front}, {@code blazeface-back}, {@code haar} (OpenCV's frontal-face alt2
     * Haar cascade) or {@code lbp} (OpenCV's frontal-face LBP cascade).
     *
     * @throws IllegalArgumentException naming the known detectors if the name is unknown
     * @throws IOException if the detector's files cannot be loaded
     */
    public static FaceDetector byName(String name) throws IOException {
        return switch (name) {
            case "blazeface" -> BlazeFaceDetector.create();
            case "blazeface-front" -> BlazeFaceDetector.create(BlazeFaceDetector.Variant.FRONT,
                    BlazeFaceDetector.DEFAULT_THRESHOLD);
            case "blazeface-back" -> BlazeFaceDetector.create(BlazeFaceDetector.Variant.BACK,
                    BlazeFaceDetector.DEFAULT_THRESHOLD);
            case "haar" -> CascadeFaceDetector.create(CascadeFaceDetector.Cascade.HAAR_ALT2);
            case "lbp" -> CascadeFaceDetector.create(CascadeFaceDetector.Cascade.LBP);
            default -> throw new IllegalArgumentException("no face detector named '" + name + "'; known: " + NAMES);
        };
    }
}
