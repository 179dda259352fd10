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
 *   <li>the products of the features with the first layers of the encoder(s) and the decoder are
 *       one matrix product x·[W₀ₓ; W_dec,ₓ]ᵀ;
 *   <li>the decoder's first layer splits into the per-frame x part and a per-window z part, so z
 *       is multiplied once per window and each function sample costs only the decoder's upper
 *       layers.
 * </ul>
 */
final class DjlInferenceKernel implements InferenceKernel {
    private final ApModelSpec spec;
    private final NDManager manager;
    private final Map<String, NDArray> p = new HashMap<>();
    private final NDArray firstX;
    private final NDArray firstBias;
    private final NDArray encLabels;
    private final NDArray detLabels;
    private final NDArray decZ;
    private final NDArray decDet;
    private final NDArray decBias;
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
        float[] stacked = new float[branches * h * dx];
        float[] stackedBias = new float[branches * h];
        System.arraycopy(enc[0], 0, stacked, 0, h * dx);
        System.arraycopy(enc[2], 0, stackedBias, 0, h);
        if (det) {
            System.arraycopy(detFold[0], 0, stacked, h * dx, h * dx);
            System.arraycopy(detFold[2], 0, stackedBias, h, h);
        }
        float[] decX = new float[h * dx];
        float[] decZValues = new float[h * z];
        float[] decDetValues = new float[h * z];
        for (int o = 0; o < h; o++) {
            System.arraycopy(dec, o * decIn, decX, o * dx, dx);
            System.arraycopy(dec, o * decIn + dx, decZValues, o * z, z);
            if (det) {
                System.arraycopy(dec, o * decIn + dx + z, decDetValues, o * z, z);
            }
        }
        System.arraycopy(decX, 0, stacked, (branches - 1) * h * dx, h * dx);
        this.firstX = manager.create(stacked, new Shape(branches * h, dx));
        this.firstBias = manager.create(stackedBias);
        this.encLabels = a.usePseudoLabels() ? manager.create(enc[1], new Shape(h, spec.labelSize())) : null;
        this.detLabels = det && a.usePseudoLabels() ? manager.create(detFold[1], new Shape(h, spec.labelSize())) : null;
        this.decZ = manager.create(decZValues, new Shape(h, z));
        this.decDet = det ? manager.create(decDetValues, new Shape(h, z)) : null;
        this.decBias = manager.create(weights.get(bias(layer(ApModelSpec.DECODER, 0))));
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
            NDArray y = m.create(batch.encoderLabels(), new Shape(rows, dy));
            NDArray xw = x.getNDArrayInternal().linear(x, firstX, firstBias).singletonOrThrow();
            NDArray r = encoderTail(ApModelSpec.ENCODER, xw.get(":, 0:" + h), encLabels, y);
            float[] sigmaNorms = null;
            if (a.variant().isStochastic()) {
                NDArray sigma = forward.latent(r)[1];
                sigmaNorms = sigma.norm(new int[] {1}).toFloatArray();
            }
            NDArray ctx = m.create(picker.contextWeights(sigmaNorms), new Shape(b, 1, l));
            NDArray rc = ctx.batchMatMul(r.reshape(b, l, z)).reshape(b, z);
            NDArray[] q = forward.latent(rc);
            NDArray zAll = q[0].expandDims(0);
            if (numSamples > 0) {
                NDArray eps = m.create(noise, new Shape(numSamples, b, z));
                zAll = zAll.concat(q[0].expandDims(0).add(q[1].expandDims(0).mul(eps)), 0);
            }
            int copies = numSamples + 1;
            NDArray zPart = zAll.reshape((long) copies * b, z).matMul(decZ.transpose()).add(decBias);
            if (a.variant().hasDeterministicPath()) {
                NDArray d = encoderTail(ApModelSpec.DET_ENCODER, xw.get(":, " + h + ":" + (2 * h)), detLabels, y);
                if (a.variant() == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
                    d = windowAttention(d, ctx, b, l);
                }
                NDArray rDet = ctx.batchMatMul(d.reshape(b, l, z)).reshape(b, z);
                zPart = zPart.reshape(copies, b, h).add(rDet.matMul(decDet.transpose()).expandDims(0))
                        .reshape((long) copies * b, h);
            }
            NDArray decX = xw.get(":, " + ((branches - 1) * h) + ":").reshape(1, b, l, h);
            NDArray hid = decX.add(zPart.reshape(copies, b, 1, h)).getNDArrayInternal().relu()
                    .reshape((long) copies * rows, h);
            hid = forward.linear(layer(ApModelSpec.DECODER, 1), hid).getNDArrayInternal().relu();
            hid = forward.linear(layer(ApModelSpec.DECODER, 2), hid).getNDArrayInternal().relu();
            NDArray out = forward.linear(layer(ApModelSpec.DECODER, 3), hid);
            NDArray first = out.get("0:" + rows);
            float[] mean = first.get(":, 0:" + dy).toFloatArray();
            float floor = (float) a.outputSigmaFloor();
            float[] std = first.get(":, " + dy + ":").getNDArrayInternal().softPlus().mul(1 - floor).add(floor)
                    .toFloatArray();
            float[] samples = numSamples > 0 ? out.get(rows + ":, 0:" + dy).toFloatArray() : new float[0];
            return new WindowOutput(mean, std, samples, sigmaNorms);
        }
    }

    /** The rest of an encoder after the folded first layer's x product. */
    private NDArray encoderTail(String prefix, NDArray xPart, NDArray labelWeights, NDArray labels) {
        NDArray pre = labelWeights == null ? xPart : xPart.add(labels.matMul(labelWeights.transpose()));
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
