package org.affectiveprocesses.backbone.expression;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.backbone.OnnxRuntimeEnvironment;

/**
 * A face-api network of the {@code FaceFeatureExtractor} family rebuilt from its TF.js weights and
 * run on ONNX Runtime (CPU): the 256-d face embedding trunk plus a fully connected head. face-api's
 * facial expression network (head: 7 class logits) and its 68-point landmark network (head: 136
 * coordinates) are both this network with other weights. The architecture is written out in
 * {@link FaceApiGraph}; the input is {@code N × 112 × 112 × 3} as {@link FaceApiInput} makes it.
 *
 * <p>ONNX Runtime rather than DJL's PyTorch engine: the network is a chain of small
 * depthwise-separable convolutions, which PyTorch's eager CPU kernels run slowly (a 1 × 1
 * convolution on one thread takes its unoptimised path, a depthwise one is reordered to oneDNN's
 * layout and back at every call), while ONNX Runtime plans the whole graph once, keeps one layout
 * and fuses each convolution with its addition and ReLU. Measured on one thread, interleaved, on a
 * 2-core AMD EPYC: 0.67 ms per face against 4.08 on DJL/PyTorch 2.7.1 for single faces, 0.71
 * against 2.35 in batches of 8; outputs agree to 7e-6.
 *
 * <p>Each network runs on one intra-op thread: the video pipeline runs it beside the decoder and
 * the face detector, and callers who want more throughput run several faces at once
 * ({@link #forward}) or several networks on several threads. Safe to call from several threads:
 * the network keeps its input buffers (one native, which ONNX Runtime reads in place) and runs one
 * batch at a time. Close it to free its native memory.
 */
public final class FaceApiNetwork implements AutoCloseable {
    /** The embedding size. */
    public static final int EMBEDDING = 256;
    /**
     * The most faces run through the network at once; larger batches are run in parts. The time
     * per face is flat from 1 to 8 faces (0.67-0.71 ms, one thread) and grows beyond (0.79 at 16),
     * while the buffers grow with the batch.
     */
    public static final int MAX_BATCH = 8;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final int headSize;
    private final long parameters;
    private final float[] scratch = new float[MAX_BATCH * FaceApiInput.VALUES];
    private final FloatBuffer input = ByteBuffer.allocateDirect(MAX_BATCH * FaceApiInput.VALUES * Float.BYTES)
            .order(ByteOrder.nativeOrder()).asFloatBuffer();

    private FaceApiNetwork(OrtEnvironment env, OrtSession session, int headSize, long parameters) {
        this.env = env;
        this.session = session;
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
            return Arrays.copyOfRange(embeddings, i * EMBEDDING, (i + 1) * EMBEDDING);
        }

        /** The head's outputs for item {@code i}. */
        public float[] head(int i) {
            int k = head.length / batch;
            return Arrays.copyOfRange(head, i * k, (i + 1) * k);
        }
    }

    /**
     * Builds the network from a face-api model's weights.
     *
     * @param weights the parsed weights ({@code dense0..dense3/conv0..conv3/...}, {@code fc/weights},
     *     {@code fc/bias})
     * @param headSize the number of head outputs the model must have (7 for expressions, 136 for
     *     68 landmarks)
     * @return the network on the CPU, run once on a blank face so that ONNX Runtime has planned its
     *     memory before the first real one
     * @throws ModelFormatException if a weight is missing or of an unexpected shape, or ONNX Runtime
     *     refuses the graph made from them
     */
    public static FaceApiNetwork create(TfjsWeights weights, int headSize) throws ModelFormatException {
        FaceApiGraph.Model model = FaceApiGraph.model(weights, headSize);
        OrtEnvironment env = OnnxRuntimeEnvironment.get();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            FaceApiNetwork network = new FaceApiNetwork(env, env.createSession(model.bytes(), options), headSize,
                    model.parameters());
            try {
                network.forward(new float[FaceApiInput.VALUES], 1);
            } catch (RuntimeException e) {
                network.close();
                throw new ModelFormatException(Path.of(weights.source()),
                        "ONNX Runtime cannot run the network made from these weights: " + e.getMessage(), e);
            }
            return network;
        } catch (OrtException e) {
            throw new ModelFormatException(Path.of(weights.source()),
                    "ONNX Runtime cannot load the network made from these weights: " + e.getMessage(), e);
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

    /** Writes the network inputs of a batch's faces, as {@link FaceApiInput} makes them. */
    @FunctionalInterface
    public interface Inputs {
        /**
         * Writes the input of face {@code i}.
         *
         * @param i the face, from 0
         * @param out where to write
         * @param offset the index of its first value in {@code out}; {@value FaceApiInput#VALUES} values follow
         */
        void write(int i, float[] out, int offset);
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
        if (n < 1 || inputs.length != (long) n * FaceApiInput.VALUES) {
            throw new IllegalArgumentException("a batch of " + n + " needs " + (long) n * FaceApiInput.VALUES
                    + " input values, got " + inputs.length);
        }
        return forward(n, (i, out, offset) -> System.arraycopy(inputs, i * FaceApiInput.VALUES, out, offset,
                FaceApiInput.VALUES));
    }

    /**
     * Runs a batch whose inputs are written into the network's own input buffer (then copied into
     * its native one), so that no array of them is made.
     *
     * @param n the batch size (run in parts of at most {@value #MAX_BATCH})
     * @param inputs writes each face's input
     * @return embeddings and head outputs
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Output forward(int n, Inputs inputs) {
        if (n < 1) {
            throw new IllegalArgumentException("a batch needs at least one face, got " + n);
        }
        float[] embeddings = new float[n * EMBEDDING];
        float[] head = new float[n * headSize];
        for (int from = 0; from < n; from += MAX_BATCH) {
            run(inputs, from, Math.min(MAX_BATCH, n - from), embeddings, head);
        }
        return new Output(n, embeddings, head);
    }

    /**
     * Runs faces {@code from .. from + m - 1}: their inputs are written into the network's buffer
     * and copied into the native input buffer, which ONNX Runtime reads in place; one run at a time.
     */
    private synchronized void run(Inputs inputs, int from, int m, float[] embeddings, float[] head) {
        for (int i = 0; i < m; i++) {
            inputs.write(from + i, scratch, i * FaceApiInput.VALUES);
        }
        FloatBuffer part = input.clear().put(scratch, 0, m * FaceApiInput.VALUES).flip();
        long[] shape = {m, FaceApiInput.SIZE, FaceApiInput.SIZE, 3};
        try (OnnxTensor x = OnnxTensor.createTensor(env, part, shape);
                OrtSession.Result r = session.run(Map.of(FaceApiGraph.INPUT, x))) {
            output(r, FaceApiGraph.EMBEDDING).get(embeddings, from * EMBEDDING, m * EMBEDDING);
            output(r, FaceApiGraph.HEAD).get(head, from * headSize, m * headSize);
        } catch (OrtException e) {
            throw new IllegalStateException("the face-api network failed on a batch of " + m + " faces: "
                    + e.getMessage(), e);
        }
    }

    private static FloatBuffer output(OrtSession.Result r, String name) {
        return ((OnnxTensor) r.get(name).orElseThrow(
                () -> new IllegalStateException("the face-api network has no output '" + name + "'")))
                .getFloatBuffer();
    }

    /** Frees the native memory; waits for a run in progress. */
    @Override
    public synchronized void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the face-api network failed: " + e.getMessage(), e);
        }
    }
}
