package org.affectiveprocesses.backbone.expression;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * face-api's facial expression network rebuilt on DJL (PyTorch engine) from its TF.js weights.
 *
 * <p>Architecture (face-api {@code FaceExpressionNet} = {@code FaceFeatureExtractor} + a linear
 * classifier), for a 112 × 112 × 3 input:
 *
 * <ol>
 *   <li>four dense blocks {@code dense0..dense3} with 32, 64, 128 and 256 channels (read from the
 *       weights); each halves the resolution (112 → 56 → 28 → 14 → 7). A block has four convolutions
 *       with 3 × 3 kernels and TensorFlow "same" padding: {@code conv0} with stride 2 (a plain
 *       convolution in {@code dense0}, depthwise-separable elsewhere), then {@code conv1..conv3}
 *       depthwise-separable with stride 1, each with a bias. With c<sub>i</sub> the convolutions'
 *       outputs: o1 = relu(c0(x)), o2 = c1(o1), o3 = c2(relu(o1 + o2)), o4 = c3(relu(o1 + o2 + o3)),
 *       block output relu(o1 + o2 + o3 + o4);
 *   <li>7 × 7 average pooling (valid, stride 2) of the 7 × 7 × 256 map: the 256-d embedding;
 *   <li>{@code fc}: 256 → 7 linear layer and softmax over the classes of {@link Emotion}.
 * </ol>
 *
 * TensorFlow's "same" padding puts the odd pixel of a stride-2 convolution after the image
 * (bottom/right); it is reproduced with an explicit pad. Not thread-safe.
 */
public final class FaceExpressionNetwork implements AutoCloseable {
    /** The embedding size. */
    public static final int EMBEDDING = 256;
    private static final int BLOCKS = 4;
    private static final int CONVS = 4;

    private final NDManager manager;
    private final List<Block> blocks;
    private final NDArray fcWeights;
    private final NDArray fcBias;
    private final int classes;
    private final long parameters;

    private FaceExpressionNetwork(NDManager manager, List<Block> blocks, NDArray fcWeights, NDArray fcBias,
            int classes, long parameters) {
        this.manager = manager;
        this.blocks = blocks;
        this.fcWeights = fcWeights;
        this.fcBias = fcBias;
        this.classes = classes;
        this.parameters = parameters;
    }

    /** The network's outputs for a batch. */
    public record Output(int batch, float[] embeddings, float[] probabilities) {
        /** The embedding of item {@code i}. */
        public float[] embedding(int i) {
            return java.util.Arrays.copyOfRange(embeddings, i * EMBEDDING, (i + 1) * EMBEDDING);
        }

        /** The class probabilities of item {@code i}. */
        public float[] probabilities(int i) {
            int k = probabilities.length / batch;
            return java.util.Arrays.copyOfRange(probabilities, i * k, (i + 1) * k);
        }
    }

    /**
     * Builds the network from face-api's {@code face_expression_model} weights.
     *
     * @param weights the parsed weights
     * @return the network on the CPU
     * @throws ModelFormatException if a weight is missing or of an unexpected shape
     */
    public static FaceExpressionNetwork create(TfjsWeights weights) throws ModelFormatException {
        NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try {
            List<Block> blocks = new ArrayList<>();
            long params = 0;
            int in = 3;
            for (int b = 0; b < BLOCKS; b++) {
                String p = "dense" + b + "/";
                List<Conv> convs = new ArrayList<>();
                for (int c = 0; c < CONVS; c++) {
                    String name = p + "conv" + c + "/";
                    int stride = c == 0 ? 2 : 1;
                    Conv conv;
                    if (b == 0 && c == 0) {
                        TfjsWeights.Tensor f = weights.require(name + "filters", 3, 3, in, -1);
                        int out = f.shape()[3];
                        TfjsWeights.Tensor bias = weights.require(name + "bias", out);
                        conv = new Conv(null, array(manager, hwioToOihw(f), out, in, 3, 3),
                                manager.create(bias.values()), in, out, stride);
                        params += f.values().length + out;
                    } else {
                        TfjsWeights.Tensor dw = weights.require(name + "depthwise_filter", 3, 3, in, 1);
                        TfjsWeights.Tensor pw = weights.require(name + "pointwise_filter", 1, 1, in, -1);
                        int out = pw.shape()[3];
                        TfjsWeights.Tensor bias = weights.require(name + "bias", out);
                        conv = new Conv(array(manager, depthwiseToOihw(dw), in, 1, 3, 3),
                                array(manager, hwioToOihw(pw), out, in, 1, 1), manager.create(bias.values()),
                                in, out, stride);
                        params += dw.values().length + pw.values().length + out;
                    }
                    convs.add(conv);
                    in = conv.out;
                }
                blocks.add(new Block(convs));
            }
            TfjsWeights.Tensor fc = weights.require("fc/weights", in, -1);
            int classes = fc.shape()[1];
            TfjsWeights.Tensor fcBias = weights.require("fc/bias", classes);
            params += fc.values().length + classes;
            if (in != EMBEDDING) {
                throw new ModelFormatException(java.nio.file.Path.of(weights.source()),
                        "the last dense block has " + in + " channels, expected " + EMBEDDING);
            }
            return new FaceExpressionNetwork(manager, blocks,
                    manager.create(fc.values(), new Shape(in, classes)), manager.create(fcBias.values()),
                    classes, params);
        } catch (ModelFormatException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The number of classes. */
    public int classes() {
        return classes;
    }

    /** The number of weights. */
    public long parameterCount() {
        return parameters;
    }

    /**
     * Runs a batch.
     *
     * @param inputs {@code n × 112 × 112 × 3} values from {@link FaceExpressionInput}
     * @param n the batch size
     * @return embeddings and class probabilities
     */
    public Output forward(float[] inputs, int n) {
        int side = FaceExpressionInput.SIZE;
        if (n < 1 || inputs.length != n * side * side * 3) {
            throw new IllegalArgumentException("a batch of " + n + " needs " + n * side * side * 3
                    + " input values, got " + inputs.length);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(inputs, new Shape(n, side, side, 3)).transpose(0, 3, 1, 2);
            for (Block b : blocks) {
                x = b.forward(x);
            }
            NDArray embedding = x.reshape(new Shape(n, EMBEDDING, -1)).mean(new int[] {2});
            NDArray logits = embedding.matMul(fcWeights).add(fcBias);
            NDArray probabilities = logits.softmax(1);
            return new Output(n, embedding.toFloatArray(), probabilities.toFloatArray());
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /** TF [kh, kw, in, out] → PyTorch [out, in, kh, kw]. */
    private static float[] hwioToOihw(TfjsWeights.Tensor t) {
        int kh = t.shape()[0];
        int kw = t.shape()[1];
        int in = t.shape()[2];
        int out = t.shape()[3];
        float[] v = t.values();
        float[] r = new float[v.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        r[((o * in + i) * kh + y) * kw + x] = v[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return r;
    }

    /** TF depthwise [kh, kw, channels, 1] → PyTorch grouped [channels, 1, kh, kw]. */
    private static float[] depthwiseToOihw(TfjsWeights.Tensor t) {
        int kh = t.shape()[0];
        int kw = t.shape()[1];
        int ch = t.shape()[2];
        float[] v = t.values();
        float[] r = new float[v.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int c = 0; c < ch; c++) {
                    r[(c * kh + y) * kw + x] = v[(y * kw + x) * ch + c];
                }
            }
        }
        return r;
    }

    private static NDArray array(NDManager m, float[] values, long... shape) {
        return m.create(values, new Shape(shape));
    }

    /** A dense block of four convolutions. */
    private record Block(List<Conv> convs) {
        NDArray forward(NDArray x) {
            NDArray o1 = Activation.relu(convs.get(0).forward(x));
            NDArray o2 = convs.get(1).forward(o1);
            NDArray s2 = o1.add(o2);
            NDArray o3 = convs.get(2).forward(Activation.relu(s2));
            NDArray s3 = s2.add(o3);
            NDArray o4 = convs.get(3).forward(Activation.relu(s3));
            return Activation.relu(s3.add(o4));
        }
    }

    /**
     * A 3 × 3 convolution with TF "same" padding: plain ({@code depthwise == null}) or
     * depthwise-separable (depthwise then pointwise, bias after the pointwise step).
     */
    private record Conv(NDArray depthwise, NDArray weights, NDArray bias, int in, int out, int stride) {
        NDArray forward(NDArray x) {
            NDArray padded = samePad(x);
            Shape step = new Shape(stride, stride);
            Shape none = new Shape(0, 0);
            Shape unit = new Shape(1, 1);
            if (depthwise == null) {
                return Conv2d.conv2d(padded, weights, bias, step, none, unit, 1).singletonOrThrow();
            }
            NDArray d = Conv2d.conv2d(padded, depthwise, null, step, none, unit, in).singletonOrThrow();
            return Conv2d.conv2d(d, weights, bias, unit, none, unit, 1).singletonOrThrow();
        }

        /** Pads for a 3 × 3 kernel as TensorFlow's "same": the odd pixel goes after. */
        private NDArray samePad(NDArray x) {
            long h = x.getShape().get(2);
            long w = x.getShape().get(3);
            long padH = Math.max(((h + stride - 1) / stride - 1) * stride + 3 - h, 0);
            long padW = Math.max(((w + stride - 1) / stride - 1) * stride + 3 - w, 0);
            return x.pad(new Shape(padW / 2, padW - padW / 2, padH / 2, padH - padH / 2), 0);
        }
    }
}
