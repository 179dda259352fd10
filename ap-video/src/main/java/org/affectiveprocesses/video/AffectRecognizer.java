package org.affectiveprocesses.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.Backbones;
import org.affectiveprocesses.video.decode.FrameSource;
import org.affectiveprocesses.video.decode.FrameSources;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.affectiveprocesses.video.face.FaceDetector;
import org.affectiveprocesses.video.face.FaceDetectors;
import org.affectiveprocesses.video.face.FaceTracker;
import org.affectiveprocesses.video.pipeline.FrameAnalyzer;

/**
 * Video in, per-frame affect out: decodes a video (or image folder), finds and follows one face,
 * encodes it with a backbone and, optionally, reads the sequence with an Affective Process.
 *
 * <pre>{@code
 * try (var recognizer = AffectRecognizer.builder()
 *         .backbone(Backbones.byName("face-expression"))
 *         .process(AffectiveProcess.load(Path.of("va.apmodel")))
 *         .build()) {
 *     for (FrameAffect f : recognizer.analyze(Path.of("interview.mp4"))) {
 *         if (!f.faceFound()) continue;
 *         System.out.printf("%6.2fs  V %+.2f ± %.2f%n", f.seconds(), f.mean(0), f.std(0));
 *     }
 * }
 * }</pre>
 *
 * <p>The recognizer owns the backbone, detector and Affective Process it is built with and closes
 * them, and any analysis still open, when it is closed. Not thread-safe: analyse one video at a
 * time per recognizer.
 */
public final class AffectRecognizer implements AutoCloseable {
    /** The default number of AP windows per streamed block. */
    public static final int DEFAULT_BLOCK_WINDOWS = 20;

    private final Backbone backbone;
    private final FaceDetector detector;
    private final AffectiveProcess process;
    private final InferenceOptions options;
    private final int trackerPatience;
    private final int blockWindows;
    private final double folderFps;
    private final Set<FrameAffects> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    private AffectRecognizer(Builder b, Backbone backbone, FaceDetector detector) {
        this.backbone = backbone;
        this.detector = detector;
        this.process = b.process;
        this.options = b.options != null ? b.options : b.process != null ? b.process.defaultOptions() : null;
        this.trackerPatience = b.trackerPatience;
        this.blockWindows = b.blockWindows;
        this.folderFps = b.folderFps;
    }

    /** A builder; every part has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The backbone. */
    public Backbone backbone() {
        return backbone;
    }

    /** The face detector. */
    public FaceDetector detector() {
        return detector;
    }

    /** Whether an Affective Process reads the frames. */
    public boolean hasProcess() {
        return process != null;
    }

    /** What the estimates mean. */
    public LabelSpace labelSpace() {
        return backbone.labelSpace();
    }

    /**
     * Starts analysing a video file (mp4, avi, webm, …) or a folder of images; frames are decoded
     * and analysed as the result is iterated.
     *
     * @param video the video file or image folder
     * @return the frames, to be iterated once
     * @throws org.affectiveprocesses.video.decode.MediaFormatException if the file is empty, not a
     *     video or has no video stream, or the folder has no images
     * @throws IOException if the path cannot be read
     */
    public FrameAffects analyze(Path video) throws IOException {
        if (closed) {
            throw new IllegalStateException("this AffectRecognizer is closed");
        }
        Objects.requireNonNull(video, "video");
        FrameSource source = FrameSources.open(video, folderFps);
        FrameAnalyzer analyzer = new FrameAnalyzer(source, detector, new FaceTracker(trackerPatience), backbone);
        TemporalBlocks blocks = process == null ? null
                : new TemporalBlocks(process, options, video.getFileName().toString(), blockWindows);
        FrameAffects result = new FrameAffects(source, analyzer, blocks, backbone.labelSpace(), open::remove);
        open.add(result);
        return result;
    }

    /** Closes open analyses, the Affective Process, the detector and the backbone. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (FrameAffects f : new ArrayList<>(open)) {
            f.close();
        }
        List<AutoCloseable> parts = new ArrayList<>();
        if (process != null) {
            parts.add(process);
        }
        parts.add(detector);
        parts.add(backbone);
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        RuntimeException first = null;
        for (AutoCloseable c : parts) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + c + " failed: " + e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Configures an {@link AffectRecognizer}. Not thread-safe, single use. */
    public static final class Builder {
        private Backbone backbone;
        private String backboneName = FaceExpressionBackbone.NAME;
        private FaceDetector detector;
        private String detectorName = FaceDetectors.NAMES.get(0);
        private AffectiveProcess process;
        private InferenceOptions options;
        private int trackerPatience = FaceTracker.DEFAULT_PATIENCE;
        private int blockWindows = DEFAULT_BLOCK_WINDOWS;
        private double folderFps = FrameSources.DEFAULT_FOLDER_FPS;

        private Builder() {
        }

        /** The per-frame backbone (default: {@code Backbones.byName("face-expression")}); owned by the recognizer. */
        public Builder backbone(Backbone value) {
            this.backbone = Objects.requireNonNull(value, "backbone");
            return this;
        }

        /**
         * The backbone by name, created by {@link #build()} with {@link Backbones#byName(String)}
         * (default {@code "face-expression"}); replaces a backbone given as an object.
         */
        public Builder backbone(String name) {
            this.backboneName = Objects.requireNonNull(name, "name");
            this.backbone = null;
            return this;
        }

        /** The face detector (default: BlazeFace, {@link FaceDetectors#defaultDetector()}); owned by the recognizer. */
        public Builder detector(FaceDetector value) {
            this.detector = Objects.requireNonNull(value, "detector");
            return this;
        }

        /**
         * The face detector by name, created by {@link #build()} with {@link FaceDetectors#byName(String)}
         * (default {@code "blazeface"}); replaces a detector given as an object.
         */
        public Builder detector(String name) {
            this.detectorName = Objects.requireNonNull(name, "name");
            this.detector = null;
            return this;
        }

        /**
         * An Affective Process trained on this backbone's features and label space (optional);
         * owned by the recognizer.
         */
        public Builder process(AffectiveProcess value) {
            this.process = Objects.requireNonNull(value, "process");
            return this;
        }

        /** The AP's test protocol (default: the AP's own defaults, the paper's windows of 70, C = 40). */
        public Builder inferenceOptions(InferenceOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** Frames the tracker waits for a lost face before following another (default {@value FaceTracker#DEFAULT_PATIENCE}). */
        public Builder trackerPatience(int frames) {
            if (frames < 0) {
                throw new IllegalArgumentException("tracker patience must be >= 0, got " + frames);
            }
            this.trackerPatience = frames;
            return this;
        }

        /** AP windows per streamed block (default {@value AffectRecognizer#DEFAULT_BLOCK_WINDOWS}); bounds memory. */
        public Builder blockWindows(int windows) {
            if (windows < 1) {
                throw new IllegalArgumentException("block windows must be >= 1, got " + windows);
            }
            this.blockWindows = windows;
            return this;
        }

        /** The frame rate given to image folders (default {@value FrameSources#DEFAULT_FOLDER_FPS}). */
        public Builder folderFrameRate(double fps) {
            if (!(fps > 0) || !Double.isFinite(fps)) {
                throw new IllegalArgumentException("frame rate must be positive, got " + fps);
            }
            this.folderFps = fps;
            return this;
        }

        /**
         * Builds the recognizer, creating the backbone and detector by name where none was given as
         * an object. On failure every part given to or created by the builder is closed.
         *
         * @throws IllegalArgumentException if a name is unknown, or the Affective Process does not
         *     read this backbone's features or label space
         * @throws IOException if a part's model files cannot be loaded
         */
        public AffectRecognizer build() throws IOException {
            Backbone b = backbone;
            FaceDetector d = detector;
            try {
                if (b == null) {
                    b = Backbones.byName(backboneName);
                }
                if (process != null) {
                    check(process, b);
                }
                if (d == null) {
                    d = FaceDetectors.byName(detectorName);
                }
                return new AffectRecognizer(this, b, d);
            } catch (IOException | RuntimeException e) {
                List<AutoCloseable> parts = new ArrayList<>();
                if (process != null) {
                    parts.add(process);
                }
                if (d != null) {
                    parts.add(d);
                }
                if (b != null) {
                    parts.add(b);
                }
                try {
                    closeAll(parts);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private static void check(AffectiveProcess ap, Backbone b) {
            if (ap.featureSize() != b.featureSize()) {
                throw new IllegalArgumentException("the Affective Process reads " + ap.featureSize()
                        + "-d features but backbone '" + b.name() + "' gives " + b.featureSize() + "-d features");
            }
            if (!ap.labelSpace().equals(b.labelSpace())) {
                throw new IllegalArgumentException("the Affective Process predicts " + ap.labelSpace().name()
                        + " but backbone '" + b.name() + "' gives " + b.labelSpace().name() + " pseudo-labels");
            }
        }
    }
}
