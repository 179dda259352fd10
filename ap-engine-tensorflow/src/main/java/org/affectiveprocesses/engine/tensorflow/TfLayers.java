package org.affectiveprocesses.engine.tensorflow;

import static org.affectiveprocesses.core.model.ApModelSpec.bias;
import static org.affectiveprocesses.core.model.ApModelSpec.layer;
import static org.affectiveprocesses.core.model.ApModelSpec.weight;

import java.util.List;
import java.util.function.Function;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The Affective Process's layers as graph operations on rows (one row per frame), as specified
 * by {@link org.affectiveprocesses.core.model.ApReference}. TensorFlow Java has no layers, so
 * every linear layer is a MatMul (weight [out, in], transposed) followed by a BiasAdd.
 */
final class TfLayers {
    /** Added to attention scores of keys a query may not see. */
    static final float MASKED = -1e9f;

    private final Ops tf;
    private final ApModelSpec spec;
    private final Function<String, Operand<TFloat32>> params;

    /**
     * @param tf the graph's ops
     * @param spec the model's shape
     * @param params the graph node of a parameter name (weights [out, in], biases [out])
     */
    TfLayers(Ops tf, ApModelSpec spec, Function<String, Operand<TFloat32>> params) {
        this.tf = tf;
        this.spec = spec;
        this.params = params;
    }

    /** The graph's ops. */
    Ops ops() {
        return tf;
    }

    /** The node of a parameter. */
    Operand<TFloat32> param(String name) {
        return params.apply(name);
    }

    /** in · Wᵀ + b of a named layer. */
    Operand<TFloat32> linear(String layerName, Operand<TFloat32> in) {
        return tf.nn.biasAdd(matMulT(in, param(weight(layerName))), param(bias(layerName)));
    }

    /** a · bᵀ. */
    Operand<TFloat32> matMulT(Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.linalg.matMul(a, b, MatMul.transposeB(true));
    }

    /** a · b. */
    Operand<TFloat32> matMul(Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.linalg.matMul(a, b);
    }

    /** The encoder after its first layer's pre-activation: relu, layer 1, relu, layer 2. */
    Operand<TFloat32> encoderTail(String prefix, Operand<TFloat32> firstPre) {
        Operand<TFloat32> h = tf.nn.relu(linear(layer(prefix, 1), tf.nn.relu(firstPre)));
        return linear(layer(prefix, 2), h);
    }

    /**
     * r = encoder([x, up(ŷ)]) for every row ([N, dx], [N, dy] → [N, Z]). With pseudo-labels the
     * label upsampling is folded into the first layer inside the graph: W₀[x, Uŷ + b_u] + b₀ =
     * W₀ₓx + (W₀ᵧU)ŷ + (W₀ᵧb_u + b₀), the same function and gradients without the [N, dx]
     * upsampled labels.
     */
    Operand<TFloat32> encode(String prefix, Operand<TFloat32> x, Operand<TFloat32> labels) {
        if (!spec.architecture().usePseudoLabels()) {
            return encoderTail(prefix, linear(layer(prefix, 0), x));
        }
        int dx = spec.featureSize();
        Operand<TFloat32> w0 = param(weight(layer(prefix, 0)));
        Operand<TFloat32> w0x = columns(w0, 0, dx);
        Operand<TFloat32> w0y = columns(w0, dx, dx);
        Operand<TFloat32> labelWeights = matMul(w0y, param(weight(ApModelSpec.LABEL_UPSAMPLE)));
        Operand<TFloat32> upBias = tf.reshape(param(bias(ApModelSpec.LABEL_UPSAMPLE)), tf.constant(new int[] {dx, 1}));
        Operand<TFloat32> b = tf.math.add(param(bias(layer(prefix, 0))),
                tf.reshape(matMul(w0y, upBias), tf.constant(new int[] {-1})));
        Operand<TFloat32> pre = tf.math.add(tf.nn.biasAdd(matMulT(x, w0x), b), matMulT(labels, labelWeights));
        return encoderTail(prefix, pre);
    }

    /** [μ, σ] of the latent encoder ([B, Z] → [B, Z] each; σ is null for the deterministic AP). */
    Latent latent(Operand<TFloat32> r) {
        Operand<TFloat32> h = tf.nn.relu(linear(ApModelSpec.LATENT_SHARED, r));
        Operand<TFloat32> mu = linear(ApModelSpec.LATENT_MU, h);
        if (!spec.architecture().variant().isStochastic()) {
            return new Latent(mu, null);
        }
        float floor = (float) spec.architecture().latentSigmaFloor();
        Operand<TFloat32> sigma = affine(tf.math.sigmoid(linear(ApModelSpec.LATENT_SIGMA, h)), 1 - floor, floor);
        return new Latent(mu, sigma);
    }

    /** ‖v‖₂ of every row ([N, K] → [N]). */
    Operand<TFloat32> rowNorms(Operand<TFloat32> v) {
        return tf.math.sqrt(tf.sum(tf.math.square(v), tf.constant(1)));
    }

    /**
     * Multi-head self-attention within groups of rows: {@code s} holds G·L rows ([G·L, Z], group
     * after group), {@code groups} is the vector [G, L], and {@code mask} is added to the scores
     * [G, heads, L, L] (0 where a query may attend to a key, {@link #MASKED} elsewhere; it may
     * broadcast). Returns [G·L, Z].
     */
    Operand<TFloat32> selfAttention(Operand<TFloat32> s, Operand<TInt32> groups, Operand<TFloat32> mask) {
        ApArchitecture a = spec.architecture();
        int heads = a.attentionHeads();
        int dh = a.latentSize() / heads;
        Operand<TInt32> split = tf.concat(List.of(groups, tf.constant(new int[] {heads, dh})), tf.constant(0));
        Operand<TInt32> perm = tf.constant(new int[] {0, 2, 1, 3});
        Operand<TFloat32> q = tf.linalg.transpose(tf.reshape(linear(ApModelSpec.ATTENTION_QUERY, s), split), perm);
        Operand<TFloat32> k = tf.linalg.transpose(tf.reshape(linear(ApModelSpec.ATTENTION_KEY, s), split), perm);
        Operand<TFloat32> v = tf.linalg.transpose(tf.reshape(linear(ApModelSpec.ATTENTION_VALUE, s), split), perm);
        Operand<TFloat32> scores = tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true));
        scores = tf.math.add(tf.math.div(scores, tf.constant((float) Math.sqrt(dh))), mask);
        Operand<TFloat32> attended = tf.train.batchMatMul(tf.nn.softmax(scores), v, TFloat32.class);
        Operand<TFloat32> rows = tf.reshape(tf.linalg.transpose(attended, perm), tf.constant(new int[] {-1, a.latentSize()}));
        return linear(ApModelSpec.ATTENTION_OUTPUT, rows);
    }

    /**
     * The decoder after its first layer's pre-activation: relu, layers 1 and 2 with relu, layer 3;
     * returns the raw output [*, 2·dy] (means, then σ before the softplus).
     */
    Operand<TFloat32> decoderTail(Operand<TFloat32> firstPre) {
        Operand<TFloat32> h = tf.nn.relu(linear(layer(ApModelSpec.DECODER, 1), tf.nn.relu(firstPre)));
        h = tf.nn.relu(linear(layer(ApModelSpec.DECODER, 2), h));
        return linear(layer(ApModelSpec.DECODER, 3), h);
    }

    /** σ_y = floor + (1 − floor)·softplus(raw). */
    Operand<TFloat32> outputSigma(Operand<TFloat32> raw) {
        float floor = (float) spec.architecture().outputSigmaFloor();
        return affine(tf.math.softplus(raw), 1 - floor, floor);
    }

    /** Columns [from, from + count) of a matrix. */
    Operand<TFloat32> columns(Operand<TFloat32> m, int from, int count) {
        return tf.slice(m, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, count}));
    }

    /** a·v + b element-wise. */
    Operand<TFloat32> affine(Operand<TFloat32> v, float a, float b) {
        return tf.math.add(tf.math.mul(v, tf.constant(a)), tf.constant(b));
    }

    /** The latent encoder's outputs. */
    record Latent(Operand<TFloat32> mu, Operand<TFloat32> sigma) {
    }
}
