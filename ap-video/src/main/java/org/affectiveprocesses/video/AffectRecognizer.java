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
import org.affectiveprocesses.api.StreamOptions;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.Backbones;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.decode.FrameSource;
import org.affectiveprocesses.video.decode.FrameSources;
import org.affectiveprocesses.video.decode.MediaFormatException;
import org.affectiveprocesses.video.face.FaceDetector;
import org.affectiveprocesses.video.face.FaceDetectors;
import org.affectiveprocesses.video.landmarks.FaceLandmarker;
import org.affectiveprocesses.video.pipeline.AnalysisStage;
import org.affectiveprocesses.video.pipeline.DetectionStage;
import org.affectiveprocesses.video.pipeline.FaceCrop;
import org.affectiveprocesses.video.pipeline.FaceSelection;
import org.affectiveprocesses.video.pipeline.FrameAnalyzer;
import org.affectiveprocesses.video.pipeline.PipelinedAnalyzer;
import org.affectiveprocesses.video.pose.CameraIntrinsics;
import org.affectiveprocesses.video.pose.HeadPoseEstimator;
import org.affectiveprocesses.video.smoothing.AffectSmoother;
import org.affectiveprocesses.video.smoothing.OneEuroFilter;
import org.affectiveprocesses.video.tracking.FaceTracker;
import org.affectiveprocesses.video.tracking.IdentityGuard;
import org.affectiveprocesses.video.tracking.ShotCutDetector;

/**
 * Video in, per-frame affect out: decodes a video (or image folder), finds and follows every face
 * (or the largest of each frame), locates its 68 landmarks and head pose, encodes it with a
 * backbone and, optionally, reads each face's frames with an Affective Process or smooths the
 * per-frame estimates.
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
 * <p>For live frames (an app's, a camera, a network stream, standard input), {@link
 * #session(String, LiveListener)} and {@link #session(FrameSource, LiveListener)} give each frame's
 * rows as it comes ({@link LiveSession}).
 *
 * <p>Each analysis runs on two threads of its own (decoding and detection on one, the networks on
 * the other, {@link PipelinedAnalyzer}); the caller's thread only consumes the rows and runs the
 * Affective Process. The recognizer owns the backbone, detector, landmark network and Affective
 * Process it is built with and closes them, and any analysis still open, when it is closed. It may
 * be used from any thread; analyses started together share its networks and take turns on them.
 */
public final class AffectRecognizer implements AutoCloseable {
    /** The default number of AP windows per streamed block. */
    public static final int DEFAULT_BLOCK_WINDOWS = 20;

    private final Backbone backbone;
    private final FaceDetector detector;
    private final FaceLandmarker landmarker;
    private final AffectiveProcess process;
    private final InferenceOptions options;
    private final int trackerPatience;
    private final int detectionInterval;
    private final int blockWindows;
    private final double folderFps;
    private final FaceSelection faces;
    private final FaceCrop crop;
    private final CameraIntrinsics camera;
    private final OneEuroFilter.Parameters smoothing;
    private final Set<AutoCloseable> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    private AffectRecognizer(Builder b, Backbone backbone, FaceDetector detector, FaceLandmarker landmarker) {
        this.backbone = backbone;
        this.detector = detector;
        this.landmarker = landmarker;
        this.process = b.process;
        this.options = b.options != null ? b.options : b.process != null ? b.process.defaultOptions() : null;
        this.trackerPatience = b.trackerPatience;
        this.detectionInterval = b.detectionInterval;
        this.blockWindows = b.blockWindows;
        this.folderFps = b.folderFps;
        this.faces = b.faces;
        this.crop = b.crop;
        this.camera = b.camera;
        this.smoothing = b.smoothing;
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

    /** Whether the per-frame estimates are smoothed (without an Affective Process). */
    public boolean smooths() {
        return process == null && smoothing != null;
    }

    /** Which faces are analysed. */
    public FaceSelection faces() {
        return faces;
    }

    /** What the estimates mean. */
    public LabelSpace labelSpace() {
        return backbone.labelSpace();
    }

    /**
     * Starts analysing a video file (mp4, avi, webm, …) or a folder of images; frames are decoded
     * and analysed on the analysis's two threads as the result is iterated.
     *
     * @param video the video file or image folder
     * @return the rows, to be iterated once
     * @throws org.affectiveprocesses.video.decode.MediaFormatException if the file is empty, not a
     *     video or has no video stream, or the folder has no images
     * @throws IOException if the path cannot be read
     */
    public synchronized FrameAffects analyze(Path video) throws IOException {
        if (closed) {
            throw new IllegalStateException("this AffectRecognizer is closed");
        }
        Objects.requireNonNull(video, "video");
        FrameSource source = FrameSources.open(video, folderFps);
        String name = video.getFileName().toString();
        PipelinedAnalyzer analyzer = new PipelinedAnalyzer(source, detectionStage(), analysisStage(), name);
        TemporalTracks temporal = process == null ? null : new TemporalTracks(process, options, name, blockWindows);
        AffectSmoother smoother = smooths() ? new AffectSmoother(smoothing) : null;
        FrameAffects result = new FrameAffects(video, source, analyzer, temporal, smoother, backbone.labelSpace(),
                this::closed);
        open.add(result);
        return result;
    }

    /**
     * Starts a live session for frames the application pushes ({@link LiveSession#accept}), e.g.
     * from a webcam, a phone or a call: each frame is analysed as it comes and the listener gets its
     * rows on the session's thread; with an Affective Process, a provisional estimate per face at
     * once and the settled one after the window's length of the face's frames (see {@link
     * LiveSession} for the lag, threads and back-pressure). Close it to settle the last frames.
     *
     * @param name the session's name, for messages and thread names
     * @param listener receives the rows ({@link LiveQueue} to iterate them on another thread)
     * @return the session, ready for frames
     */
    public synchronized LiveSession session(String name, LiveListener listener) {
        return start(SessionFrames.pushed(Objects.requireNonNull(name, "name"), LiveSession.PUSH_CAPACITY), listener);
    }

    /** {@link #session(String, LiveListener)} named {@code "live"}. */
    public LiveSession session(LiveListener listener) {
        return session("live", listener);
    }

    /**
     * Starts a live session that reads a source on the pipeline's thread as fast as it gives
     * frames: a camera, network stream or standard input ({@link
     * org.affectiveprocesses.video.decode.LiveFrameSource}, {@link FrameSources#open(String, double,
     * org.affectiveprocesses.video.decode.LiveSourceOptions)}), or a file. The session owns the
     * source and closes it. It ends by itself when the source ends ({@link LiveSession#awaitEnd()});
     * {@link LiveSession#close()} stops reading earlier. Rows as {@link #session(String, LiveListener)}.
     *
     * @param source the frames
     * @param listener receives the rows
     * @return the running session
     */
    public synchronized LiveSession session(FrameSource source, LiveListener listener) {
        return start(SessionFrames.pulled(source), listener);
    }

    private LiveSession start(SessionFrames frames, LiveListener listener) {
        if (closed) {
            frames.close();
            throw new IllegalStateException("this AffectRecognizer is closed");
        }
        Objects.requireNonNull(listener, "listener");
        AffectSmoother smoother = smooths() ? new AffectSmoother(smoothing) : null;
        LiveSession s = new LiveSession(frames, detectionStage(), analysisStage(), process,
                process == null ? null : StreamOptions.of(options), new PerFrameRows(backbone.labelSpace(), smoother),
                listener, this::closed);
        open.add(s);
        return s;
    }

    /**
     * A per-frame analyzer with fresh tracking state that uses this recognizer's detector and
     * networks on the caller's thread, for frames that come from elsewhere (a camera):
     * {@link FrameAnalyzer#analyze(DecodedFrame)}. It stays usable until the recognizer is closed.
     */
    public FrameAnalyzer frameAnalyzer() {
        if (closed) {
            throw new IllegalStateException("this AffectRecognizer is closed");
        }
        return new FrameAnalyzer(null, detectionStage(), analysisStage());
    }

    private DetectionStage detectionStage() {
        return new DetectionStage(detector, new ShotCutDetector(), new FaceTracker(trackerPatience), faces,
                detectionInterval);
    }

    private AnalysisStage analysisStage() {
        return new AnalysisStage(landmarker, backbone, new IdentityGuard(), crop, camera);
    }

    private synchronized void closed(AutoCloseable analysis) {
        open.remove(analysis);
    }

    /**
     * Closes open analyses and live sessions (a session delivers the rows of the frames it was
     * given first), the Affective Process, the detector and the networks.
     */
    @Override
    public void close() {
        List<AutoCloseable> analyses;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            analyses = new ArrayList<>(open);
        }
        List<AutoCloseable> parts = new ArrayList<>(analyses);
        if (process != null) {
            parts.add(process);
        }
        parts.add(detector);
        parts.add(landmarker);
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
        private int detectionInterval = DetectionStage.DEFAULT_DETECTION_INTERVAL;
        private int blockWindows = DEFAULT_BLOCK_WINDOWS;
        private double folderFps = FrameSources.DEFAULT_FOLDER_FPS;
        private FaceSelection faces = FaceSelection.LARGEST;
        private FaceCrop crop = FaceCrop.LANDMARKS;
        private CameraIntrinsics camera;
        private OneEuroFilter.Parameters smoothing;

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
         * owned by the recognizer. It reads each face's frames as one sequence.
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

        /** Which faces are analysed: {@link FaceSelection#LARGEST} of each frame (default) or {@link FaceSelection#ALL}. */
        public Builder faces(FaceSelection value) {
            this.faces = Objects.requireNonNull(value, "faces");
            return this;
        }

        /**
         * The part of the frame the backbone sees (default {@link FaceCrop#LANDMARKS}: aligned by
         * the landmarks, which makes the backbone's output less sensitive to errors of the
         * detector's box; docs/video.md gives the measurement).
         */
        public Builder faceCrop(FaceCrop value) {
            this.crop = Objects.requireNonNull(value, "crop");
            return this;
        }

        /** The camera, for head poses (default: OpenFace's guess from the frame size, {@link CameraIntrinsics#guess}). */
        public Builder camera(CameraIntrinsics value) {
            this.camera = Objects.requireNonNull(value, "camera");
            return this;
        }

        /**
         * Smooths the per-frame estimates of each face with a 1€ filter when there is no
         * Affective Process (default: not smoothed); {@link FrameAffect#mean(int)} is then the
         * smoothed value and {@link FrameAffect#pseudoLabel(int)} the raw one.
         */
        public Builder smoothing(OneEuroFilter.Parameters value) {
            this.smoothing = Objects.requireNonNull(value, "smoothing");
            return this;
        }

        /** Frames a missed face keeps its id within a shot (default {@value FaceTracker#DEFAULT_PATIENCE}). */
        public Builder trackerPatience(int frames) {
            if (frames < 0) {
                throw new IllegalArgumentException("tracker patience must be >= 0, got " + frames);
            }
            this.trackerPatience = frames;
            return this;
        }

        /**
         * Run the face detector on every this many frames while faces are followed (default
         * {@value DetectionStage#DEFAULT_DETECTION_INTERVAL}; 1 = every frame). It also runs at every
         * shot cut, after a frame without a face, and when the picture inside a followed face's box
         * changes as much as at a cut; between detections the boxes move with the landmarks.
         */
        public Builder detectionInterval(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("the detection interval must be >= 1 frame, got " + frames);
            }
            this.detectionInterval = frames;
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
         * Builds the recognizer, creating the backbone, detector and landmark network where none
         * was given as an object, and loading the native libraries of decoding and head pose (so
         * that the first frame of the first video comes as fast as later ones). On failure every part given to or created by
         * the builder is closed.
         *
         * @throws IllegalArgumentException if a name is unknown, or the Affective Process does not
         *     read this backbone's features or label space
         * @throws IOException if a part's model files cannot be loaded
         */
        public AffectRecognizer build() throws IOException {
            Backbone b = backbone;
            FaceDetector d = detector;
            FaceLandmarker l = null;
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
                l = FaceLandmarker.load();
                loadNatives();
                return new AffectRecognizer(this, b, d, l);
            } catch (IOException | RuntimeException e) {
                List<AutoCloseable> parts = new ArrayList<>();
                if (process != null) {
                    parts.add(process);
                }
                if (d != null) {
                    parts.add(d);
                }
                if (l != null) {
                    parts.add(l);
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

        /**
         * Loads FFmpeg's and OpenCV's calib3d libraries now rather than in the first frames. A
         * platform without FFmpeg can still push frames to sessions: {@link #analyze} reports the
         * decoder's problem when it opens a video.
         */
        private static void loadNatives() {
            HeadPoseEstimator.loadNatives();
            try {
                FrameSources.loadDecoder();
            } catch (MediaFormatException e) {
                // Only files and streams need the decoder; opening one says what is wrong.
            }
        }

        private static void check(AffectiveProcess ap, Backbone b) {
            if (ap.featureSize() != b.featureSize()) {
                throw new IllegalArgumentException("the Affective Process reads " + ap.featureSize()
                        + "-d features but backbone '" + b.name() + "' gives " + b.featureSize() + "-d features"
                        + " (train one on this backbone's features: docs/video.md, \"An Affective Process for"
                        + " your videos\")");
            }
            if (!ap.labelSpace().equals(b.labelSpace())) {
                throw new IllegalArgumentException("the Affective Process predicts " + ap.labelSpace().name()
                        + " but backbone '" + b.name() + "' gives " + b.labelSpace().name() + " pseudo-labels");
            }
        }
    }
}
