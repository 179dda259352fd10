package org.affectiveprocesses.engine.djl;

import static org.affectiveprocesses.core.model.ApModelSpec.bias;
import static org.affectiveprocesses.core.model.ApModelSpec.layer;
import static org.affectiveprocesses.core.model.ApModelSpec.weight;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.core.engine.ContextPicker;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.WindowBatch;
import org.affectiveprocesses.core.engine.WindowOutput;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;

/**
 * The test-time forward pass on DJL/PyTorch, with the same results as {@link
 * org.affectiveprocesses.core.model.ApReference} and less work, by algebra on the weights done
 * once when the model is loaded:
 *
 * <ul>
 *   <li>the label upsampling is folded into the encoder's first layer: W₀[x, Uŷ + b_u] + b₀ =
 *       W₀ₓx + (W₀ᵧU)ŷ + (W₀ᵧb_u + b₀), so the encoder reads ŷ through a dy × H matrix;
 *   <li>the first layers of the encoder(s) and the decoder's x part are one matrix product of the
 *       rows [x, ŷ] with the stacked weights [[W₀ₓ, W₀ᵧU]; [W_dec,ₓ, 0]];
 *   <li>per-frame σ (for context selection) skips the μ head, and the aggregated context skips
 *       the σ head unless function samples are drawn;
 *   <li>the decoder's first layer splits into the per-frame x part and a per-window z part, so z
 *       is multiplied once per window and each function sample costs only the decoder's upper
 *       layers.
 * </ul>
 */
final class DjlInferenceKernel implements InferenceKernel {
    private final ApModelSpec spec;
    private final NDManager manager;
    private final Map<String, NDArray> p = new HashMap<>();
    private final NDArray first;
    private final NDArray firstBias;
    private final NDArray decZt;
    private final NDArray decDett;
    private final int branches;
    private final DjlForward forward;

    DjlInferenceKernel(ApWeights weights, Device device) {
        this.spec = weights.spec();
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        ApArchitecture a = spec.architecture();
        int dx = spec.featureSize();
        int h = a.hiddenSize();
        int z = a.latentSize();
        boolean det = a.variant().hasDeterministicPath();
        this.branches = det ? 3 : 2;
        for (String name : weights.names()) {
            p.put(name, manager.create(weights.get(name), shapeOf(name)));
        }
        float[][] enc = foldFirstLayer(weights, ApModelSpec.ENCODER);
        float[][] detFold = det ? foldFirstLayer(weights, ApModelSpec.DET_ENCODER) : null;
        float[] dec = weights.get(weight(layer(ApModelSpec.DECODER, 0)));
        int decIn = spec.decoderInputSize();
        int dy = spec.labelSize();
        int in = dx + dy;
        // rows of the stacked first layer: encoder, [deterministic encoder,] decoder; columns [x, ŷ]
        float[] stacked = new float[branches * h * in];
        float[] stackedBias = new float[branches * h];
        stackRows(stacked, stackedBias, 0, enc, dx, dy, h);
        if (det) {
            stackRows(stacked, stackedBias, 1, detFold, dx, dy, h);
        }
        float[] decZt = new float[z * h];
        float[] decDett = new float[z * h];
        float[] decBias = weights.get(bias(layer(ApModelSpec.DECODER, 0)));
        int decRow = branches - 1;
        for (int o = 0; o < h; o++) {
            System.arraycopy(dec, o * decIn, stacked, (decRow * h + o) * in, dx);
            stackedBias[decRow * h + o] = decBias[o];
            for (int k = 0; k < z; k++) {
                decZt[k * h + o] = dec[o * decIn + dx + k];
                if (det) {
                    decDett[k * h + o] = dec[o * decIn + dx + z + k];
                }
            }
        }
        this.first = manager.create(stacked, new Shape(branches * h, in));
        this.firstBias = manager.create(stackedBias);
        this.decZt = manager.create(decZt, new Shape(z, h));
        this.decDett = det ? manager.create(decDett, new Shape(z, h)) : null;
        this.forward = new DjlForward(spec, p::get);
    }

    @Override
    public WindowOutput run(WindowBatch batch, ContextPicker picker, int numSamples, float[] noise) {
        int b = batch.batch();
        int l = batch.length();
        int rows = b * l;
        ApArchitecture a = spec.architecture();
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int h = a.hiddenSize();
        int z = a.latentSize();
        if (batch.featureSize() != dx || batch.labelSize() != dy) {
            throw new IllegalArgumentException("window batch has dx " + batch.featureSize() + ", dy "
                    + batch.labelSize() + "; the model reads dx " + dx + ", dy " + dy);
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(batch.features(), new Shape(rows, dx));
            NDArray xy = x.concat(m.create(batch.encoderLabels(), new Shape(rows, dy)), 1);
            NDArray xw = xy.getNDArrayInternal().linear(xy, first, firstBias).singletonOrThrow();
            NDArray r = encoderTail(ApModelSpec.ENCODER, xw.get(":, 0:" + h));
            float[] sigmaNorms = a.variant().isStochastic() ? frameSigmaNorms(r, rows, z) : null;
            NDArray ctx = m.create(picker.contextWeights(sigmaNorms), new Shape(b, 1, l));
            NDArray rc = ctx.batchMatMul(r.reshape(b, l, z)).reshape(b, z);
            NDArray shared = forward.linear(ApModelSpec.LATENT_SHARED, rc).getNDArrayInternal().relu();
            NDArray zAll = forward.linear(ApModelSpec.LATENT_MU, shared);
            if (numSamples > 0) {
                float floor = (float) a.latentSigmaFloor();
                NDArray sigma = forward.linear(ApModelSpec.LATENT_SIGMA, shared).getNDArrayInternal().sigmoid()
                        .mul(1 - floor).add(floor);
                NDArray eps = m.create(noise, new Shape(numSamples, b, z));
                zAll = zAll.expandDims(0).concat(zAll.expandDims(0).add(sigma.expandDims(0).mul(eps)), 0);
            }
            int copies = numSamples + 1;
            NDArray zPart = zAll.reshape((long) copies * b, z).matMul(decZt);
            if (a.variant().hasDeterministicPath()) {
                NDArray d = encoderTail(ApModelSpec.DET_ENCODER, xw.get(":, " + h + ":" + (2 * h)));
                if (a.variant() == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
                    d = windowAttention(d, ctx, b, l);
                }
                NDArray rDet = ctx.batchMatMul(d.reshape(b, l, z)).reshape(b, z);
                zPart = zPart.reshape(copies, b, h).add(rDet.matMul(decDett).expandDims(0))
                        .reshape((long) copies * b, h);
            }
            NDArray decX = xw.get(":, " + ((branches - 1) * h) + ":").reshape(1, b, l, h);
            NDArray hid = decX.add(zPart.reshape(copies, b, 1, h)).getNDArrayInternal().relu()
                    .reshape((long) copies * rows, h);
            hid = forward.linear(layer(ApModelSpec.DECODER, 1), hid).getNDArrayInternal().relu();
            hid = forward.linear(layer(ApModelSpec.DECODER, 2), hid).getNDArrayInternal().relu();
            float[] out = forward.linear(layer(ApModelSpec.DECODER, 3), hid).toFloatArray();
            return split(out, rows, numSamples, sigmaNorms);
        }
    }

    /** Mean, σ_y = floor + (1 − floor)·softplus(raw) and sample means from the decoder's rows. */
    private WindowOutput split(float[] out, int rows, int numSamples, float[] sigmaNorms) {
        int dy = spec.labelSize();
        double floor = spec.architecture().outputSigmaFloor();
        float[] mean = new float[rows * dy];
        float[] std = new float[rows * dy];
        float[] samples = new float[numSamples * rows * dy];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < dy; d++) {
                mean[r * dy + d] = out[r * 2 * dy + d];
                double raw = out[r * 2 * dy + dy + d];
                std[r * dy + d] = (float) (floor + (1 - floor) * (raw > 30 ? raw : Math.log1p(Math.exp(raw))));
            }
        }
        for (int r = rows; r < (numSamples + 1) * rows; r++) {
            for (int d = 0; d < dy; d++) {
                samples[(r - rows) * dy + d] = out[r * 2 * dy + d];
            }
        }
        return new WindowOutput(mean, std, samples, sigmaNorms);
    }

    /** ‖σ(r_t)‖ of every row: σ = floor + (1 − floor)·sigmoid(latent.sigma(relu(latent.shared(r)))). */
    private float[] frameSigmaNorms(NDArray r, int rows, int z) {
        NDArray shared = forward.linear(ApModelSpec.LATENT_SHARED, r).getNDArrayInternal().relu();
        float[] s = forward.linear(ApModelSpec.LATENT_SIGMA, shared).getNDArrayInternal().sigmoid().toFloatArray();
        double floor = spec.architecture().latentSigmaFloor();
        float[] norms = new float[rows];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int k = 0; k < z; k++) {
                double sigma = floor + (1 - floor) * s[i * z + k];
                sum += sigma * sigma;
            }
            norms[i] = (float) Math.sqrt(sum);
        }
        return norms;
    }

    /** The rest of an encoder after its (folded, stacked) first layer. */
    private NDArray encoderTail(String prefix, NDArray pre) {
        NDArray hid = forward.linear(layer(prefix, 1), pre.getNDArrayInternal().relu()).getNDArrayInternal().relu();
        return forward.linear(layer(prefix, 2), hid);
    }

    /** Self-attention within each window, keys restricted to the window's context. */
    private NDArray windowAttention(NDArray d, NDArray ctx, int b, int l) {
        int heads = spec.architecture().attentionHeads();
        int z = spec.architecture().latentSize();
        int dh = z / heads;
        NDArray q = heads(forward.linear(ApModelSpec.ATTENTION_QUERY, d), b, l, heads, dh);
        NDArray k = heads(forward.linear(ApModelSpec.ATTENTION_KEY, d), b, l, heads, dh);
        NDArray v = heads(forward.linear(ApModelSpec.ATTENTION_VALUE, d), b, l, heads, dh);
        NDArray keyMask = ctx.gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).sub(1f).mul(1e9f)
                .reshape(b, 1, 1, l).broadcast(b, heads, l, l).reshape((long) b * heads, l, l);
        NDArray scores = q.batchMatMul(k.transpose(0, 2, 1)).div((float) Math.sqrt(dh)).add(keyMask).softmax(2);
        NDArray out = scores.batchMatMul(v).reshape(b, heads, l, dh).transpose(0, 2, 1, 3)
                .reshape((long) b * l, z);
        return forward.linear(ApModelSpec.ATTENTION_OUTPUT, out);
    }

    private static NDArray heads(NDArray t, int b, int l, int heads, int dh) {
        return t.reshape(b, l, heads, dh).transpose(0, 2, 1, 3).reshape((long) b * heads, l, dh);
    }

    /**
     * [W₀ₓ, W₀ᵧ·U, b₀ + W₀ᵧ·b_u] of an encoder whose first layer reads [x, up(ŷ)] (or [W₀, -, b₀]
     * without pseudo-labels).
     */
    private float[][] foldFirstLayer(ApWeights w, String prefix) {
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int h = spec.architecture().hiddenSize();
        float[] w0 = w.get(weight(layer(prefix, 0)));
        float[] b0 = w.get(bias(layer(prefix, 0)));
        if (!spec.architecture().usePseudoLabels()) {
            return new float[][] {w0, null, b0};
        }
        float[] u = w.get(weight(ApModelSpec.LABEL_UPSAMPLE));
        float[] bu = w.get(bias(ApModelSpec.LABEL_UPSAMPLE));
        int in = 2 * dx;
        float[] wx = new float[h * dx];
        float[] wy = new float[h * dy];
        float[] bias = new float[h];
        for (int o = 0; o < h; o++) {
            System.arraycopy(w0, o * in, wx, o * dx, dx);
            double bSum = b0[o];
            double[] acc = new double[dy];
            for (int i = 0; i < dx; i++) {
                double wyi = w0[o * in + dx + i];
                bSum += wyi * bu[i];
                for (int d = 0; d < dy; d++) {
                    acc[d] += wyi * u[i * dy + d];
                }
            }
            bias[o] = (float) bSum;
            for (int d = 0; d < dy; d++) {
                wy[o * dy + d] = (float) acc[d];
            }
        }
        return new float[][] {wx, wy, bias};
    }

    /** Copies a folded first layer [W_x, W_ŷ, b] into block {@code block} of the stacked layer. */
    private static void stackRows(float[] stacked, float[] stackedBias, int block, float[][] fold, int dx, int dy,
            int h) {
        int in = dx + dy;
        for (int o = 0; o < h; o++) {
            System.arraycopy(fold[0], o * dx, stacked, (block * h + o) * in, dx);
            if (fold[1] != null) {
                System.arraycopy(fold[1], o * dy, stacked, (block * h + o) * in + dx, dy);
            }
            stackedBias[block * h + o] = fold[2][o];
        }
    }

    private Shape shapeOf(String name) {
        for (var t : spec.parameters()) {
            if (t.name().equals(name)) {
                return new Shape(java.util.Arrays.stream(t.shape()).asLongStream().toArray());
            }
        }
        throw new IllegalArgumentException("no tensor " + name);
    }

    @Override
    public void close() {
        manager.close();
    }
}
