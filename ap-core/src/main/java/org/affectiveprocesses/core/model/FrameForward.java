package org.affectiveprocesses.core.model;

import static org.affectiveprocesses.core.model.ApModelSpec.bias;
import static org.affectiveprocesses.core.model.ApModelSpec.layer;
import static org.affectiveprocesses.core.model.ApModelSpec.weight;

import java.util.Arrays;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;

/**
 * The test-time forward pass in plain Java, split where a live stream needs it: what each frame
 * gives on its own ({@link #encodeFrame}: the encoder's h₂, the decoder's per-frame input, ‖σ‖,
 * the deterministic path), what a context gives ({@link #contextInput}: the decoder's context
 * columns at z = μ<sub>C</sub>, and σ<sub>C</sub>), and the decoder of one frame ({@link
 * #decode}). It computes what {@link ApReference#predict} computes, through the folds of {@link
 * InferenceFolds}, in float.
 *
 * <p>Every matrix is stored transposed, one {@code float[]} row per input holding its weights to
 * all outputs, so the inner loop {@code y[o] += x[i] * w[i][o]} runs over contiguous outputs of
 * two distinct arrays with one index, which HotSpot's C2 vectorises (a dot product per output
 * would be a float reduction, which it does not). Inputs that are zero after a ReLU are skipped.
 * The encoder's and the decoder's (and the deterministic encoder's) first layers share one pass
 * over the frame's input.
 *
 * <p>Immutable and safe to share between threads; the scratch memory of a call is a {@link
 * Workspace}, one per thread.
 */
public final class FrameForward {
    private final ApArchitecture architecture;
    private final int dx;
    private final int dy;
    private final int h;
    private final int z;
    private final int s;
    private final float[][] first;
    private final float[] firstBias;
    private final Layer encoder1;
    private final Layer latentIn;
    private final Layer sigmaHead;
    private final Layer fromShared;
    private final float[][] decoderZ;
    private final float[][] decoderDet;
    private final Layer det1;
    private final Layer det2;
    private final Layer query;
    private final Layer key;
    private final Layer value;
    private final Layer attentionOut;
    private final Layer decoder1;
    private final Layer decoder2;
    private final Layer decoder3;

    /** A linear layer: transposed weights [in][out] and bias [out]. */
    private record Layer(float[][] weights, float[] offsets) {
        static Layer of(ApWeights w, String name) {
            float[] b = w.get(bias(name));
            return new Layer(transpose(w.get(weight(name)), b.length), b.clone());
        }

        static Layer folded(float[] rowMajor, float[] b) {
            return new Layer(transpose(rowMajor, b.length), b);
        }

        /** y = W x + b over the first {@code n} inputs. */
        void apply(float[] x, int n, float[] y) {
            System.arraycopy(offsets, 0, y, 0, offsets.length);
            accumulate(weights, x, 0, n, 0, y);
        }
    }

    private FrameForward(ApWeights w) {
        ApModelSpec spec = w.spec();
        this.architecture = spec.architecture();
        this.dx = spec.featureSize();
        this.dy = spec.labelSize();
        this.h = architecture.hiddenSize();
        this.z = architecture.latentSize();
        ApVariant v = architecture.variant();
        InferenceFolds f = InferenceFolds.of(w);
        this.s = f.sharedSize();
        int width = f.rowWidth();
        boolean det = v.hasDeterministicPath();
        int lanes = det ? 3 * h : 2 * h;
        this.first = new float[width][lanes];
        this.firstBias = new float[lanes];
        place(f.encoderFirst(), f.encoderFirstBias(), 0, width);
        place(f.decoderX(), f.decoderXBias(), h, width);
        if (det) {
            place(f.detEncoderFirst(), f.detEncoderFirstBias(), 2 * h, width);
        }
        this.encoder1 = Layer.of(w, layer(ApModelSpec.ENCODER, 1));
        this.latentIn = Layer.folded(f.latentIn(), f.latentInBias());
        this.sigmaHead = v.isStochastic() ? Layer.of(w, ApModelSpec.LATENT_SIGMA) : null;
        this.fromShared = Layer.folded(f.decoderFromShared(), f.decoderFromSharedBias());
        this.decoderZ = transpose(f.decoderZ(), h);
        this.decoderDet = det ? transpose(f.decoderDet(), h) : null;
        this.det1 = det ? Layer.of(w, layer(ApModelSpec.DET_ENCODER, 1)) : null;
        this.det2 = det ? Layer.of(w, layer(ApModelSpec.DET_ENCODER, 2)) : null;
        boolean attention = v == ApVariant.LATENT_DETERMINISTIC_ATTENTION;
        this.query = attention ? Layer.of(w, ApModelSpec.ATTENTION_QUERY) : null;
        this.key = attention ? Layer.of(w, ApModelSpec.ATTENTION_KEY) : null;
        this.value = attention ? Layer.of(w, ApModelSpec.ATTENTION_VALUE) : null;
        this.attentionOut = attention ? Layer.of(w, ApModelSpec.ATTENTION_OUTPUT) : null;
        this.decoder1 = Layer.of(w, layer(ApModelSpec.DECODER, 1));
        this.decoder2 = Layer.of(w, layer(ApModelSpec.DECODER, 2));
        this.decoder3 = Layer.of(w, layer(ApModelSpec.DECODER, 3));
    }

    /**
     * Prepares a model's weights (those the engines run: with the input standardisation folded in).
     *
     * @param weights the weights
     * @return the forward pass
     */
    public static FrameForward of(ApWeights weights) {
        return new FrameForward(weights);
    }

    /** The architecture. */
    public ApArchitecture architecture() {
        return architecture;
    }

    /** dx. */
    public int featureSize() {
        return dx;
    }

    /** dy. */
    public int labelSize() {
        return dy;
    }

    /** H: the length of {@link Frame#h2()} and of the decoder's inputs. */
    public int hiddenSize() {
        return h;
    }

    /** Z: the latent size, the length of the deterministic path's vectors and of σ<sub>C</sub>. */
    public int latentSize() {
        return z;
    }

    /** Whether frames have a ‖σ‖ and contexts a σ<sub>C</sub> (the stochastic variants). */
    public boolean isStochastic() {
        return architecture.variant().isStochastic();
    }

    /** Whether the decoder reads a deterministic context path. */
    public boolean hasDeterministicPath() {
        return architecture.variant().hasDeterministicPath();
    }

    /** Whether the deterministic path attends among the context frames (AP+Det+Att). */
    public boolean hasAttention() {
        return query != null;
    }

    /** Room for one frame's results, reused across frames. */
    public Frame newFrame() {
        return new Frame(this);
    }

    /**
     * Scratch memory for calls on one thread.
     *
     * @param maxContext the most context frames {@link #attend} will be given
     * @return a workspace
     */
    public Workspace newWorkspace(int maxContext) {
        return new Workspace(this, maxContext);
    }

    /**
     * Everything one frame gives on its own: h₂ (whose context mean enters the latent encoder),
     * the decoder's first layer on x (before its context columns and ReLU), ‖σ(r<sub>t</sub>)‖ for
     * context selection, and the deterministic path's r (or its attention projections).
     *
     * @param x the raw features (dx)
     * @param yHat the pseudo-labels (dy)
     * @param out where the results go
     * @param ws scratch memory
     */
    public void encodeFrame(float[] x, float[] yHat, Frame out, Workspace ws) {
        float[] pre = ws.first;
        System.arraycopy(firstBias, 0, pre, 0, pre.length);
        accumulate(first, x, 0, dx, 0, pre);
        accumulate(first, yHat, 0, dy, dx, pre);
        float[] a1 = ws.hiddenA;
        for (int o = 0; o < h; o++) {
            a1[o] = Math.max(0f, pre[o]);
        }
        encoder1.apply(a1, h, out.h2);
        relu(out.h2);
        System.arraycopy(pre, h, out.decoderInput, 0, h);
        out.sigmaNorm = isStochastic() ? (float) norm(latentSigma(out.h2, ws)) : Float.NaN;
        if (hasDeterministicPath()) {
            for (int o = 0; o < h; o++) {
                a1[o] = Math.max(0f, pre[2 * h + o]);
            }
            det1.apply(a1, h, ws.hiddenB);
            relu(ws.hiddenB);
            det2.apply(ws.hiddenB, h, out.det);
            if (hasAttention()) {
                query.apply(out.det, z, out.query);
                key.apply(out.det, z, out.key);
                value.apply(out.det, z, out.value);
            }
        }
    }

    /**
     * The decoder's context columns for a context: W<sub>z</sub>μ<sub>C</sub> (+ the deterministic
     * path's columns), and σ<sub>C</sub> for function samples.
     *
     * @param h2Mean the context mean of h₂ (H)
     * @param detMean the deterministic path's context vector r<sub>det</sub> (Z), or null without that path
     * @param contextColumns where W<sub>z</sub>μ<sub>C</sub> (+ W<sub>det</sub>r<sub>det</sub>) goes (H)
     * @param sigmaC where σ<sub>C</sub> goes (Z), or null when not needed
     * @param ws scratch memory
     */
    public void contextInput(float[] h2Mean, float[] detMean, float[] contextColumns, float[] sigmaC,
            Workspace ws) {
        float[] shared = ws.shared;
        latentIn.apply(h2Mean, h, shared);
        relu(shared);
        fromShared.apply(shared, s, contextColumns);
        if (detMean != null) {
            accumulate(decoderDet, detMean, 0, z, 0, contextColumns);
        }
        if (sigmaC != null) {
            sigmaOfShared(shared, sigmaC);
        }
    }

    /**
     * The deterministic path's context vector of AP+Det+Att: the mean over the context frames of
     * their multi-head self-attention among each other, through the output projection.
     *
     * @param context the context frames' results
     * @param count how many of them
     * @param out r<sub>det</sub> (Z)
     * @param ws scratch memory
     */
    public void attend(Frame[] context, int count, float[] out, Workspace ws) {
        int heads = architecture.attentionHeads();
        int dh = z / heads;
        double scale = 1 / Math.sqrt(dh);
        double[] score = ws.scores;
        double[] weight = ws.attentionWeights;
        float[] mixed = ws.mixed;
        for (int head = 0; head < heads; head++) {
            int off = head * dh;
            Arrays.fill(weight, 0, count, 0);
            for (int i = 0; i < count; i++) {
                float[] q = context[i].query;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < count; j++) {
                    float[] k = context[j].key;
                    double dot = 0;
                    for (int e = off; e < off + dh; e++) {
                        dot += q[e] * k[e];
                    }
                    score[j] = dot * scale;
                    max = Math.max(max, score[j]);
                }
                double sum = 0;
                for (int j = 0; j < count; j++) {
                    score[j] = Math.exp(score[j] - max);
                    sum += score[j];
                }
                for (int j = 0; j < count; j++) {
                    weight[j] += score[j] / sum / count;
                }
            }
            for (int e = off; e < off + dh; e++) {
                double m = 0;
                for (int j = 0; j < count; j++) {
                    m += weight[j] * context[j].value[e];
                }
                mixed[e] = (float) m;
            }
        }
        attentionOut.apply(mixed, z, out);
    }

    /**
     * The decoder's context columns of function sample n: those of z = μ<sub>C</sub> plus
     * W<sub>z</sub>(σ<sub>C</sub> ⊙ ε).
     *
     * @param contextColumns the columns at z = μ<sub>C</sub> (H)
     * @param sigmaC σ<sub>C</sub> (Z)
     * @param noise ε, Z values from {@code offset}
     * @param offset where ε starts
     * @param out the sample's columns (H)
     * @param ws scratch memory
     */
    public void sampleInput(float[] contextColumns, float[] sigmaC, float[] noise, int offset, float[] out,
            Workspace ws) {
        float[] scaled = ws.latent;
        for (int k = 0; k < z; k++) {
            scaled[k] = sigmaC[k] * noise[offset + k];
        }
        System.arraycopy(contextColumns, 0, out, 0, h);
        accumulate(decoderZ, scaled, 0, z, 0, out);
    }

    /**
     * Decodes one frame: the output mean and σ<sub>y</sub> = floor + (1 − floor)·softplus.
     *
     * @param decoderInput the frame's {@link Frame#decoderInput()}
     * @param contextColumns the context's columns ({@link #contextInput} or {@link #sampleInput})
     * @param mean where the dy means go, from {@code offset}
     * @param std where the dy σ go, from {@code offset}; null when only the mean is wanted
     * @param offset the first index written
     * @param ws scratch memory
     */
    public void decode(float[] decoderInput, float[] contextColumns, float[] mean, float[] std, int offset,
            Workspace ws) {
        float[] a = ws.hiddenA;
        for (int o = 0; o < h; o++) {
            a[o] = Math.max(0f, decoderInput[o] + contextColumns[o]);
        }
        decoder1.apply(a, h, ws.hiddenB);
        relu(ws.hiddenB);
        decoder2.apply(ws.hiddenB, h, a);
        relu(a);
        float[] out = ws.output;
        decoder3.apply(a, h, out);
        double floor = architecture.outputSigmaFloor();
        for (int d = 0; d < dy; d++) {
            mean[offset + d] = out[d];
            if (std != null) {
                double raw = out[dy + d];
                std[offset + d] = (float) (floor + (1 - floor) * (raw > 30 ? raw : Math.log1p(Math.exp(raw))));
            }
        }
    }

    /** σ(r) of a frame from its h₂, in the workspace. */
    private float[] latentSigma(float[] h2, Workspace ws) {
        latentIn.apply(h2, h, ws.shared);
        relu(ws.shared);
        sigmaOfShared(ws.shared, ws.latent);
        return ws.latent;
    }

    /** σ = floor + (1 − floor)·sigmoid(σ head) of a shared-layer output. */
    private void sigmaOfShared(float[] shared, float[] out) {
        float[] raw = out;
        sigmaHead.apply(shared, s, raw);
        double floor = architecture.latentSigmaFloor();
        for (int k = 0; k < z; k++) {
            out[k] = (float) (floor + (1 - floor) / (1 + Math.exp(-raw[k])));
        }
    }

    /** Places a row-major [H, width] block at output lanes [lane, lane + H) of the first layer. */
    private void place(float[] rowMajor, float[] b, int lane, int width) {
        for (int o = 0; o < h; o++) {
            for (int i = 0; i < width; i++) {
                first[i][lane + o] = rowMajor[o * width + i];
            }
            firstBias[lane + o] = b[o];
        }
    }

    /** y[o] += Σ_i x[from + i]·w[rowOffset + i][o] over i in [0, n), skipping zero inputs. */
    private static void accumulate(float[][] w, float[] x, int from, int n, int rowOffset, float[] y) {
        int out = y.length;
        for (int i = 0; i < n; i++) {
            float xi = x[from + i];
            if (xi != 0f) {
                float[] row = w[rowOffset + i];
                for (int o = 0; o < out; o++) {
                    y[o] += xi * row[o];
                }
            }
        }
    }

    /** Row-major [out, in] as [in][out]. */
    private static float[][] transpose(float[] rowMajor, int out) {
        int in = rowMajor.length / out;
        float[][] t = new float[in][out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                t[i][o] = rowMajor[o * in + i];
            }
        }
        return t;
    }

    private static void relu(float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0f, v[i]);
        }
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float e : v) {
            sum += (double) e * e;
        }
        return Math.sqrt(sum);
    }

    /** One frame's results of {@link #encodeFrame}; reused for the next frame. */
    public static final class Frame {
        private final float[] h2;
        private final float[] decoderInput;
        private final float[] det;
        private final float[] query;
        private final float[] key;
        private final float[] value;
        private float sigmaNorm;

        private Frame(FrameForward f) {
            this.h2 = new float[f.h];
            this.decoderInput = new float[f.h];
            this.det = f.hasDeterministicPath() ? new float[f.z] : null;
            this.query = f.hasAttention() ? new float[f.z] : null;
            this.key = f.hasAttention() ? new float[f.z] : null;
            this.value = f.hasAttention() ? new float[f.z] : null;
        }

        /** The encoder's second hidden layer (read, do not modify). */
        public float[] h2() {
            return h2;
        }

        /** The decoder's first layer on the frame's x, before the context columns and the ReLU (read only). */
        public float[] decoderInput() {
            return decoderInput;
        }

        /** The deterministic encoder's output r (read only), or null without that path. */
        public float[] det() {
            return det;
        }

        /** ‖σ(r<sub>t</sub>)‖ (rounded to float, as engines report it), NaN for the deterministic AP. */
        public float sigmaNorm() {
            return sigmaNorm;
        }
    }

    /** Scratch memory of one thread's calls. */
    public static final class Workspace {
        private final float[] first;
        private final float[] hiddenA;
        private final float[] hiddenB;
        private final float[] shared;
        private final float[] latent;
        private final float[] output;
        private final float[] mixed;
        private final double[] scores;
        private final double[] attentionWeights;

        private Workspace(FrameForward f, int maxContext) {
            this.first = new float[f.firstBias.length];
            this.hiddenA = new float[f.h];
            this.hiddenB = new float[f.h];
            this.shared = new float[f.s];
            this.latent = new float[f.z];
            this.output = new float[2 * f.dy];
            this.mixed = new float[f.z];
            this.scores = new double[f.hasAttention() ? maxContext : 0];
            this.attentionWeights = new double[f.hasAttention() ? maxContext : 0];
        }
    }
}
