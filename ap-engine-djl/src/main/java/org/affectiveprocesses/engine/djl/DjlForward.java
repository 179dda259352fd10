package org.affectiveprocesses.engine.djl;

import static org.affectiveprocesses.core.model.ApModelSpec.bias;
import static org.affectiveprocesses.core.model.ApModelSpec.layer;
import static org.affectiveprocesses.core.model.ApModelSpec.weight;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.function.Function;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.core.model.ApModelSpec;

/**
 * The Affective Process's layers on rows of NDArrays (one row per frame), as specified by {@link
 * org.affectiveprocesses.core.model.ApReference}; used by training, where the weights are the
 * learned parameters and every operation is recorded for the gradient.
 */
final class DjlForward {
    private final ApModelSpec spec;
    private final Function<String, NDArray> params;

    /**
     * @param spec the model's shape
     * @param params the tensor of a parameter name (weights [out, in], biases [out])
     */
    DjlForward(ApModelSpec spec, Function<String, NDArray> params) {
        this.spec = spec;
        this.params = params;
    }

    /** in · Wᵀ + b of a named layer. */
    NDArray linear(String layerName, NDArray in) {
        return Linear.linear(in, params.apply(weight(layerName)), params.apply(bias(layerName)))
                .singletonOrThrow();
    }

    /**
     * r = encoder([x, up(ŷ)]) for every row ([N, dx], [N, dy] → [N, Z]). The label upsampling is
     * folded into the first layer inside the recorded graph: W₀[x, Uŷ + b_u] + b₀ = W₀ₓx +
     * (W₀ᵧU)ŷ + (W₀ᵧb_u + b₀), the same function with the same gradients, without the [N, dx]
     * upsampled labels.
     */
    NDArray encode(String prefix, NDArray x, NDArray labels) {
        NDArray pre;
        if (spec.architecture().usePseudoLabels()) {
            int dx = spec.featureSize();
            NDArray w0 = params.apply(weight(layer(prefix, 0)));
            NDArray w0x = w0.get(":, 0:" + dx);
            NDArray w0y = w0.get(":, " + dx + ":");
            NDArray wLabels = w0y.matMul(params.apply(weight(ApModelSpec.LABEL_UPSAMPLE)));
            NDArray b = params.apply(bias(layer(prefix, 0)))
                    .add(w0y.matMul(params.apply(bias(ApModelSpec.LABEL_UPSAMPLE)).expandDims(1)).squeeze(1));
            pre = Linear.linear(x, w0x, b).singletonOrThrow().add(labels.matMul(wLabels.transpose()));
        } else {
            pre = linear(layer(prefix, 0), x);
        }
        NDArray h = Activation.relu(linear(layer(prefix, 1), Activation.relu(pre)));
        return linear(layer(prefix, 2), h);
    }

    /** [μ, σ] of the latent encoder ([B, Z] → [B, Z] each; σ is null for the deterministic AP). */
    NDArray[] latent(NDArray r) {
        NDArray h = Activation.relu(linear(ApModelSpec.LATENT_SHARED, r));
        NDArray mu = linear(ApModelSpec.LATENT_MU, h);
        if (!spec.architecture().variant().isStochastic()) {
            return new NDArray[] {mu, null};
        }
        float floor = (float) spec.architecture().latentSigmaFloor();
        NDArray sigma = Activation.sigmoid(linear(ApModelSpec.LATENT_SIGMA, h))
                .mul(1 - floor).add(floor);
        return new NDArray[] {mu, sigma};
    }

    /**
     * Multi-head self-attention among rows ([N, Z] → [N, Z]); {@code mask} [N, N] is 0 where row i
     * may attend to row j and a large negative number elsewhere.
     */
    NDArray selfAttention(NDArray s, NDArray mask) {
        ApArchitecture a = spec.architecture();
        int heads = a.attentionHeads();
        long n = s.getShape().get(0);
        int dh = a.latentSize() / heads;
        NDArray q = split(linear(ApModelSpec.ATTENTION_QUERY, s), n, heads, dh);
        NDArray k = split(linear(ApModelSpec.ATTENTION_KEY, s), n, heads, dh);
        NDArray v = split(linear(ApModelSpec.ATTENTION_VALUE, s), n, heads, dh);
        NDArray scores = q.batchMatMul(k.transpose(0, 2, 1)).div((float) Math.sqrt(dh)).add(mask).softmax(2);
        NDArray out = scores.batchMatMul(v).transpose(1, 0, 2).reshape(n, a.latentSize());
        return linear(ApModelSpec.ATTENTION_OUTPUT, out);
    }

    /**
     * [output mean, output σ] of the decoder for every row ([N, dy] each), where z (and the
     * deterministic path) are per clip: the first layer's z part is multiplied once per clip and
     * spread to the clip's rows by {@code rowsOfClip} ([N, B] one-hot), instead of once per row.
     */
    NDArray[] decode(NDArray x, NDArray zPerClip, NDArray detPerClip, NDArray rowsOfClip) {
        int dx = spec.featureSize();
        int z = spec.architecture().latentSize();
        NDArray w0 = params.apply(weight(layer(ApModelSpec.DECODER, 0)));
        NDArray perClip = zPerClip.matMul(w0.get(":, " + dx + ":" + (dx + z)).transpose());
        if (detPerClip != null) {
            perClip = perClip.add(detPerClip.matMul(w0.get(":, " + (dx + z) + ":").transpose()));
        }
        NDArray pre = Linear.linear(x, w0.get(":, 0:" + dx), params.apply(bias(layer(ApModelSpec.DECODER, 0))))
                .singletonOrThrow().add(rowsOfClip.matMul(perClip));
        NDArray h = Activation.relu(linear(layer(ApModelSpec.DECODER, 1), Activation.relu(pre)));
        h = Activation.relu(linear(layer(ApModelSpec.DECODER, 2), h));
        NDArray out = linear(layer(ApModelSpec.DECODER, 3), h);
        int dy = spec.labelSize();
        float floor = (float) spec.architecture().outputSigmaFloor();
        NDArray mu = out.get(":, 0:" + dy);
        NDArray sigma = Activation.softPlus(out.get(":, " + dy + ":")).mul(1 - floor).add(floor);
        return new NDArray[] {mu, sigma};
    }

    private static NDArray split(NDArray t, long n, int heads, int dh) {
        return t.reshape(n, heads, dh).transpose(1, 0, 2);
    }
}
