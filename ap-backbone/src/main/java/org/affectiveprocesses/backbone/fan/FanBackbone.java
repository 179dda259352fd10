package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.ImageTensors;
import org.affectiveprocesses.backbone.Preprocessing;

/**
 * The paper's backbone as a {@link Backbone}: a face crop is resized to the network's input (RGB
 * in [0, 1]), the network runs in inference mode, and the encoding holds the features
 * x<sub>t</sub> (512-d in the paper) and the regression head's output ŷ<sub>t</sub>, clipped to
 * [-1, 1]. A valence/arousal backbone also returns the output {@value #EMOTION}: the softmax of
 * the emotion head, in the class order of its training labels ({@link #EMOTIONS} for the SDK's
 * synthetic faces). Faces are batched {@value #BATCH} at a time. Thread-safe (calls are
 * serialised); closing it frees the network.
 */
public final class FanBackbone implements Backbone {
    /** The name of the emotion-probability output. */
    public static final String EMOTION = "emotion";
    /** The seven basic-emotion classes, in the order the SDK uses for training labels. */
    public static final List<String> EMOTIONS =
            List.of("neutral", "happiness", "sadness", "surprise", "fear", "disgust", "anger");
    /** Faces per network call. */
    public static final int BATCH = 16;

    private final String name;
    private final FanNetwork network;
    private final Preprocessing preprocessing;

    private FanBackbone(String name, FanNetwork network) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a backbone needs a non-empty name");
        }
        this.name = name;
        this.network = Objects.requireNonNull(network, "network");
        this.preprocessing = Preprocessing.of(network.config().inputSize());
    }

    /**
     * Wraps a (trained) network; the backbone owns it from now on and closes it.
     *
     * @param name the backbone's name
     * @param network the network
     */
    public static FanBackbone of(String name, FanNetwork network) {
        return new FanBackbone(name, network);
    }

    /**
     * Loads a backbone from a weights file ({@link FanWeightsFile}).
     *
     * @param name the backbone's name
     * @param weights the weights file
     * @throws org.affectiveprocesses.api.ModelFormatException if the file is not a valid weights file
     * @throws IOException if reading fails
     */
    public static FanBackbone load(String name, Path weights) throws IOException {
        return new FanBackbone(name, FanNetwork.load(weights));
    }

    /** The network (for saving, cost figures or further training). */
    public FanNetwork network() {
        return network;
    }

    /** How faces become the network's input. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int featureSize() {
        return network.config().featureSize();
    }

    @Override
    public LabelSpace labelSpace() {
        return network.config().labels();
    }

    @Override
    public FrameEncoding encode(RgbImage face) {
        return encodeAll(List.of(face)).get(0);
    }

    @Override
    public synchronized List<FrameEncoding> encodeAll(List<RgbImage> faces) {
        List<FrameEncoding> out = new ArrayList<>(faces.size());
        FanConfig c = network.config();
        int dx = c.featureSize();
        int dy = c.labels().size();
        for (int from = 0; from < faces.size(); from += BATCH) {
            List<RgbImage> part = faces.subList(from, Math.min(faces.size(), from + BATCH));
            float[] input = ImageTensors.batch(part, preprocessing, name);
            try (NDManager m = network.manager().newSubManager()) {
                NDArray x = m.create(input, FanNetwork.inputShape(c, part.size()));
                NDList y = network.forward(x, false);
                float[] features = y.get(0).toFloatArray();
                float[] labels = y.get(1).toFloatArray();
                FiniteOutputs.check(features, "backbone '" + name + "': the features of faces " + from + ".."
                        + (from + part.size() - 1));
                float[] emotions = c.multiTask() ? y.get(2).softmax(1).toFloatArray() : null;
                for (int i = 0; i < part.size(); i++) {
                    float[] f = new float[dx];
                    System.arraycopy(features, i * dx, f, 0, dx);
                    float[] l = new float[dy];
                    for (int d = 0; d < dy; d++) {
                        l[d] = Math.max(-1f, Math.min(1f, labels[i * dy + d]));
                    }
                    if (emotions == null) {
                        out.add(FrameEncoding.of(f, l));
                    } else {
                        float[] e = new float[c.emotions()];
                        System.arraycopy(emotions, i * e.length, e, 0, e.length);
                        out.add(new FrameEncoding(f, l, Map.of(EMOTION, e)));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        network.close();
    }

    @Override
    public String toString() {
        return "FanBackbone[" + name + ", " + network.config() + "]";
    }
}
