package org.affectiveprocesses.engine.tensorflow;

import java.util.Arrays;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.core.engine.ContextPicker;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.WindowBatch;
import org.affectiveprocesses.core.engine.WindowOutput;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * The test-time forward pass: one {@link ForwardGraph} and one session, both kept for the life of
 * the loaded model. A batch runs in two session calls around the {@link ContextPicker}: the first
 * encodes every frame and returns its ‖σ‖; the second is fed the encodings it returned (they stay
 * native), the context weights and the sampling noise, and aggregates and decodes. The
 * deterministic AP has no σ to report, so it runs in one call.
 */
final class TfInferenceKernel implements InferenceKernel {
    /**
     * Grappler stays off: with it, TensorFlow's oneDNN kernels give the deterministic-path variants
     * wrong means on AVX-512 machines (mean off by up to 0.28 on a trained AP+Det; caught by
     * KernelConformanceTest#forwardPassMatchesTheReferenceAtTrainedModelSizes). Feeding the
     * encodings back is not the cause: split into an encoding graph and a decoding graph fed only
     * through placeholders, the same two cases fail; both pass with {@code ONEDNN_MAX_CPU_ISA=AVX2}
     * or {@code TF_ENABLE_ONEDNN_OPTS=0} (docs/engines.md).
     */
    private static final boolean OPTIMISE = false;

    private final ApModelSpec spec;
    private final Graph graph;
    private final ForwardGraph g;
    private final Session session;
    private boolean closed;

    TfInferenceKernel(ApWeights weights, Engine engine) {
        this.spec = weights.spec();
        this.graph = new Graph();
        try {
            this.g = new ForwardGraph(Ops.create(graph), weights);
            this.session = TfDevices.open(graph, engine, OPTIMISE);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    @Override
    public WindowOutput run(WindowBatch batch, ContextPicker picker, int numSamples, float[] noise) {
        if (closed) {
            throw new IllegalStateException("this TensorFlow inference kernel is closed");
        }
        int b = batch.batch();
        int l = batch.length();
        int rows = b * l;
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int z = spec.architecture().latentSize();
        if (batch.featureSize() != dx || batch.labelSize() != dy) {
            throw new IllegalArgumentException("window batch has dx " + batch.featureSize() + ", dy "
                    + batch.labelSize() + "; the model reads dx " + dx + ", dy " + dy);
        }
        if (numSamples > 0 && g.noise == null) {
            throw new IllegalArgumentException("the " + spec.architecture().displayName() + " has no latent distribution to sample");
        }
        if (numSamples < 0 || noise.length != numSamples * b * z) {
            throw new IllegalArgumentException(numSamples + " function samples of " + b + " windows need "
                    + numSamples * b * z + " noise values, got " + noise.length);
        }
        try (TfTensors inputs = new TfTensors().feed(g.x, batch.features(), rows, dx)
                .feed(g.labels, batch.encoderLabels(), rows, dy)) {
            if (g.noise == null) {
                return decode(inputs.feed(g.context, weights(picker, null, rows), b, l), rows, numSamples, null);
            }
            Session.Runner first = inputs.runner(session).fetch(g.sigmaNorms).fetch(g.encoded).fetch(g.decoderX);
            if (g.detEncoded != null) {
                first.fetch(g.detEncoded);
            }
            try (Result enc = first.run();
                    TfTensors feeds = new TfTensors().feed(g.encoded, enc.get(1)).feed(g.decoderX, enc.get(2))) {
                float[] sigma = TfTensors.read(enc.get(0));
                if (g.detEncoded != null) {
                    feeds.feed(g.detEncoded, enc.get(3));
                }
                feeds.feed(g.context, weights(picker, sigma, rows), b, l).feed(g.noise, noise, numSamples, b, z);
                return decode(feeds, rows, numSamples, sigma);
            }
        }
    }

    private WindowOutput decode(TfTensors feeds, int rows, int numSamples, float[] sigma) {
        int dy = spec.labelSize();
        try (Result out = feeds.runner(session).fetch(g.means).fetch(g.std).run()) {
            float[] all = TfTensors.read(out.get(0));
            float[] mean = Arrays.copyOf(all, rows * dy);
            float[] samples = numSamples > 0 ? Arrays.copyOfRange(all, rows * dy, all.length) : new float[0];
            return new WindowOutput(mean, TfTensors.read(out.get(1)), samples, sigma);
        }
    }

    private static float[] weights(ContextPicker picker, float[] sigma, int rows) {
        float[] w = picker.contextWeights(sigma);
        if (w.length != rows) {
            throw new IllegalArgumentException("the context picker returned " + w.length + " weights for "
                    + rows + " frames");
        }
        return w;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.close();
            graph.close();
        }
    }
}
