package org.affectiveprocesses.backbone.expression;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * A face-api network of the {@code FaceFeatureExtractor} family rebuilt on DJL (PyTorch engine)
 * from its TF.js weights: the 256-d face embedding trunk plus a fully connected head. face-api's
 * facial expression network (head: 7 class logits) and its 68-point landmark network (head: 136
 * coordinates) are both this network with other weights.
 *
 * <p>Architecture (face-api {@code FaceFeatureExtractor} + {@code fullyConnectedLayer}), for a
 * 112 × 112 × 3 input made by {@link FaceApiInput}:
 *
 * <ol>
 *   <li>four dense blocks {@code dense0..dense3} with 32, 64, 128 and 256 channels (read from the
 *       weights); each halves the resolution (112 → 56 → 28 → 14 → 7). A block has four convolutions
 *       with 3 × 3 kernels and TensorFlow "same" padding: {@code conv0} with stride 2 (a plain
 *       convolution in {@code dense0}, depthwise-separable elsewhere), then {@code conv1..conv3}
 *       depthwise-separable with stride 1, each with a bias. With c<sub>i</sub> the convolutions'
 *       outputs: o1 = relu(c0(x)), o2 = c1(o1), o3 = c2(relu(o1 + o2)), o4 = c3(relu(o1 + o2 + o3)),
 *       block output relu(o1 + o2 + o3 + o4);
 *   <li>7 × 7 average pooling (valid) of the 7 × 7 × 256 map: the 256-d embedding;
 *   <li>{@code fc}: a linear layer 256 → k, the head (no activation).
 * </ol>
 *
 * TensorFlow's "same" padding of a stride-2 convolution on an even size puts one pixel after the
 * image (bottom/right) and none before; it is reproduced with an explicit pad. Stride-1
 * convolutions pad one pixel on every side, which the convolution does itself. Creating one sets
 * glibc's malloc thresholds for the process ({@link GlibcMalloc}). Not thread-safe: one caller at a
 * time; close it to free its native memory.
 */
public final class FaceApiNetwork implements AutoCloseable {
    /** The embedding size. */
    public static final int EMBEDDING = 256;
    /**
     * The most faces run through the network at once; larger batches are run in parts. Batches
     * of 2-8 faces cost 1/2 to 1/3 of the time per face of single faces (one thread, measured
     * interleaved); from 16, PyTorch tries NNPACK for every convolution, and on CPUs where NNPACK
     * cannot start (this machine's) that attempt and its warning cost 4 times the work.
     */
    public static final int MAX_BATCH = 8;
    private static final int BLOCKS = 4;
    private static final int CONVS = 4;

    private final NDManager manager;
    private final List<Block> blocks;
    private final NDArray fcWeights;
    private final NDArray fcBias;
    private final int headSize;
    private final long parameters;

    private FaceApiNetwork(NDManager manager, List<Block> blocks, NDArray fcWeights, NDArray fcBias, int headSize,
            long parameters) {
        this.manager = manager;
        this.blocks = blocks;
        this.fcWeights = fcWeights;
        this.fcBias = fcBias;
        this.headSize = headSize;
        this.parameters = parameters;
    }

    /**
     * The network's outputs for a batch.
     *
     * @param batch the number of faces
     * @param embeddings {@code batch × 256} embeddings
     * @param head {@code batch × k} outputs of the fully connected head
     */
    public record Output(int batch, float[] embeddings, float[] head) {
        /** The embedding of item {@code i}. */
        public float[] embedding(int i) {
            return java.util.Arrays.copyOfRange(embeddings, i * EMBEDDING, (i + 1) * EMBEDDING);
        }

        /** The head's outputs for item {@code i}. */
        public float[] head(int i) {
            int k = head.length / batch;
            return java.util.Arrays.copyOfRange(head, i * k, (i + 1) * k);
        }
    }

    /**
     * Builds the network from a face-api model's weights.
     *
     * @param weights the parsed weights ({@code dense0..dense3/conv0..conv3/...}, {@code fc/weights},
     *     {@code fc/bias})
     * @param headSize the number of head outputs the model must have (7 for expressions, 136 for
     *     68 landmarks)
     * @return the network on the CPU
     * @throws ModelFormatException if a weight is missing or of an unexpected shape
     */
    public static FaceApiNetwork create(TfjsWeights weights, int headSize) throws ModelFormatException {
        GlibcMalloc.keepFreedMemory();
        NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try {
            List<Block> blocks = new ArrayList<>();
            long params = 0;
            int in = 3;
            for (int b = 0; b < BLOCKS; b++) {
                List<Conv> convs = new ArrayList<>();
                for (int c = 0; c < CONVS; c++) {
                    String name = "dense" + b + "/conv" + c + "/";
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
            if (in != EMBEDDING) {
                throw new ModelFormatException(Path.of(weights.source()),
                        "the last dense block has " + in + " channels, expected " + EMBEDDING);
            }
            TfjsWeights.Tensor fc = weights.require("fc/weights", in, headSize);
            TfjsWeights.Tensor fcBias = weights.require("fc/bias", headSize);
            params += fc.values().length + headSize;
            return new FaceApiNetwork(manager, blocks, manager.create(fc.values(), new Shape(in, headSize)),
                    manager.create(fcBias.values()), headSize, params);
        } catch (ModelFormatException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The number of head outputs. */
    public int headSize() {
        return headSize;
    }

    /** The number of weights. */
    public long parameterCount() {
        return parameters;
    }

    /**
     * Runs a batch.
     *
     * @param inputs {@code n × 112 × 112 × 3} values from {@link FaceApiInput}
     * @param n the batch size (run in parts of at most {@value #MAX_BATCH})
     * @return embeddings and head outputs
     * @throws IllegalArgumentException if the number of values is not {@code n × 112 × 112 × 3}
     */
    public Output forward(float[] inputs, int n) {
        int side = FaceApiInput.SIZE * FaceApiInput.SIZE * 3;
        if (n < 1 || inputs.length != n * side) {
            throw new IllegalArgumentException("a batch of " + n + " needs " + n * side + " input values, got "
                    + inputs.length);
        }
        float[] embeddings = new float[n * EMBEDDING];
        float[] head = new float[n * headSize];
        for (int from = 0; from < n; from += MAX_BATCH) {
            int m = Math.min(MAX_BATCH, n - from);
            Output part = forwardBatch(java.util.Arrays.copyOfRange(inputs, from * side, (from + m) * side), m);
            System.arraycopy(part.embeddings(), 0, embeddings, from * EMBEDDING, m * EMBEDDING);
            System.arraycopy(part.head(), 0, head, from * headSize, m * headSize);
        }
        return new Output(n, embeddings, head);
    }

    private Output forwardBatch(float[] inputs, int n) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = blocks.get(0).forwardFirst(scope.create(paddedNchw(inputs, n), new Shape(n, 3, PADDED, PADDED)));
            for (Block b : blocks.subList(1, blocks.size())) {
                x = b.forward(x);
            }
            NDArray embedding = x.reshape(new Shape(n, EMBEDDING, -1)).mean(new int[] {2});
            NDArray logits = embedding.matMul(fcWeights).addi(fcBias);
            return new Output(n, embedding.toFloatArray(), logits.toFloatArray());
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /** The padded input side: TF "same" for the first stride-2 convolution adds a row and a column after. */
    private static final int PADDED = FaceApiInput.SIZE + 1;

    /** The batch as N × 3 × 113 × 113, channels first, zero-padded after the last row and column. */
    private static float[] paddedNchw(float[] nhwc, int n) {
        int side = FaceApiInput.SIZE;
        float[] out = new float[n * 3 * PADDED * PADDED];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int from = ((i * side + y) * side + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        out[((i * 3 + c) * PADDED + y) * PADDED + x] = nhwc[from + c];
                    }
                }
            }
        }
        return out;
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
            return rest(Activation.relu(convs.get(0).forward(x)));
        }

        /** The block on an input already padded for its first convolution. */
        NDArray forwardFirst(NDArray padded) {
            return rest(Activation.relu(convs.get(0).forwardPadded(padded)));
        }

        private NDArray rest(NDArray o1) {
            NDArray s2 = convs.get(1).forward(o1).addi(o1);
            NDArray s3 = convs.get(2).forward(Activation.relu(s2)).addi(s2);
            return Activation.relu(convs.get(3).forward(Activation.relu(s3)).addi(s3));
        }
    }

    /**
     * A 3 × 3 convolution with TF "same" padding: plain ({@code depthwise == null}) or
     * depthwise-separable (depthwise then pointwise, bias after the pointwise step).
     */
    private record Conv(NDArray depthwise, NDArray weights, NDArray bias, int in, int out, int stride) {
        private static final Shape UNIT = new Shape(1, 1);
        private static final Shape NONE = new Shape(0, 0);

        NDArray forward(NDArray x) {
            return forwardPadded(stride == 1 ? x : padAfter(x));
        }

        /**
         * The convolution of an input padded as TF's "same" needs: a stride-1 convolution pads
         * one pixel on every side itself, a stride-2 input comes padded.
         */
        NDArray forwardPadded(NDArray padded) {
            Shape step = new Shape(stride, stride);
            Shape pad = stride == 1 ? UNIT : NONE;
            if (depthwise == null) {
                return Conv2d.conv2d(padded, weights, bias, step, pad, UNIT, 1).singletonOrThrow();
            }
            NDArray d = Conv2d.conv2d(padded, depthwise, null, step, pad, UNIT, in).singletonOrThrow();
            return Conv2d.conv2d(d, weights, bias, UNIT, NONE, UNIT, 1).singletonOrThrow();
        }

        /**
         * Pads for a stride-2 3 × 3 kernel as TensorFlow's "same": one pixel after an even size,
         * one on each side of an odd one.
         */
        private static NDArray padAfter(NDArray x) {
            long h = x.getShape().get(2);
            long w = x.getShape().get(3);
            long padH = h % 2 == 0 ? 1 : 2;
            long padW = w % 2 == 0 ? 1 : 2;
            return x.pad(new Shape(padW / 2, padW - padW / 2, padH / 2, padH - padH / 2), 0);
        }
    }
}
