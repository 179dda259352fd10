package org.affectiveprocesses.engine.tensorflow;

import java.util.List;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.training.TrainingBatch;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The training loss L = L_nll + λ_kl·L_kl + λ_reg·L_reg of a packed {@link TrainingBatch} as a
 * graph, as specified by {@link org.affectiveprocesses.core.model.ApReference}: the context is
 * aggregated with the batch's context weights, z is reparameterised with the batch's noise, and
 * per-clip means use its target weights. The batch enters through placeholders; {@link
 * #feed(TrainingBatch, TfTensors)} fills them.
 */
final class TfLoss {
    private static final float HALF_LOG_2PI = (float) (0.5 * Math.log(2 * Math.PI));

    private final ApModelSpec spec;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> contextLabels;
    private final Placeholder<TFloat32> truth;
    private final Placeholder<TFloat32> truthMask;
    private final Placeholder<TFloat32> contextWeights;
    private final Placeholder<TFloat32> targetWeights;
    private final Placeholder<TFloat32> rowsOfClip;
    private final Placeholder<TFloat32> frameWeights;
    private final Placeholder<TFloat32> clipKlWeights;
    private final Placeholder<TFloat32> noise;
    private final Operand<TFloat32> loss;

    /** Builds the loss of the layers' parameters with the config's objective and weights. */
    TfLoss(TfLayers f, ApModelSpec spec, TrainingConfig config) {
        this.spec = spec;
        Ops tf = f.ops();
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int z = spec.architecture().latentSize();
        ApVariant variant = spec.architecture().variant();
        x = placeholder(tf, -1, dx);
        contextLabels = placeholder(tf, -1, dy);
        truth = placeholder(tf, -1, dy);
        truthMask = placeholder(tf, -1, dy);
        contextWeights = placeholder(tf, -1, -1);
        targetWeights = placeholder(tf, -1, -1);
        rowsOfClip = placeholder(tf, -1, -1);
        frameWeights = placeholder(tf, -1);
        clipKlWeights = placeholder(tf, -1);
        noise = variant.isStochastic() ? placeholder(tf, -1, z) : null;

        TfLayers.Latent qc = f.latent(f.matMul(contextWeights, f.encode(ApModelSpec.ENCODER, x, contextLabels)));
        Operand<TFloat32> zc = variant.isStochastic() ? tf.math.add(qc.mu(), tf.math.mul(qc.sigma(), noise)) : qc.mu();
        Operand<TFloat32> perClip = f.matMulT(zc, f.columns(decoderFirst(f), dx, z));
        if (variant.hasDeterministicPath()) {
            Operand<TFloat32> d = f.encode(ApModelSpec.DET_ENCODER, x, contextLabels);
            if (variant == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
                Operand<TInt32> oneGroup = tf.concat(List.of(tf.constant(new int[] {1}),
                        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}))), tf.constant(0));
                d = f.selfAttention(d, oneGroup, attentionMask(f));
            }
            Operand<TFloat32> det = f.matMul(contextWeights, d);
            perClip = tf.math.add(perClip, f.matMulT(det, f.columns(decoderFirst(f), dx + z, z)));
        }
        Operand<TFloat32> pre = tf.math.add(
                tf.nn.biasAdd(f.matMulT(x, f.columns(decoderFirst(f), 0, dx)),
                        f.param(ApModelSpec.bias(ApModelSpec.layer(ApModelSpec.DECODER, 0)))),
                f.matMul(rowsOfClip, perClip));
        Operand<TFloat32> raw = f.decoderTail(pre);
        Operand<TFloat32> mu = f.columns(raw, 0, dy);
        Operand<TFloat32> sigma = f.outputSigma(f.columns(raw, dy, dy));

        Operand<TFloat32> err = tf.math.div(tf.math.sub(truth, mu), sigma);
        Operand<TFloat32> perValue = tf.math.add(tf.math.add(tf.math.log(sigma),
                tf.math.mul(tf.math.square(err), tf.constant(0.5f))), tf.constant(HALF_LOG_2PI));
        Operand<TFloat32> nllRows = tf.sum(tf.math.mul(perValue, truthMask), tf.constant(1));
        Operand<TFloat32> total = tf.sum(tf.math.mul(nllRows, frameWeights), tf.constant(0));
        if (config.objective().hasKl()) {
            TfLayers.Latent qt = f.latent(f.matMul(targetWeights, f.encode(ApModelSpec.ENCODER, x, truth)));
            Operand<TFloat32> kl = tf.sum(gaussianKl(tf, qt.mu(), qt.sigma(), qc.mu(), qc.sigma()), tf.constant(1));
            Operand<TFloat32> klTerm = tf.sum(tf.math.mul(kl, clipKlWeights), tf.constant(0));
            total = tf.math.add(total, tf.math.mul(klTerm, tf.constant((float) config.lambdaKl())));
        }
        if (config.objective().hasReg()) {
            Operand<TFloat32> meanMu = f.matMul(targetWeights, mu);
            Operand<TFloat32> meanSigma = f.matMul(targetWeights, sigma);
            Operand<TFloat32> perDim = tf.math.sub(tf.math.sub(
                    tf.math.mul(tf.math.add(tf.math.square(meanSigma), tf.math.square(meanMu)), tf.constant(0.5f)),
                    tf.math.log(meanSigma)), tf.constant(0.5f));
            Operand<TFloat32> reg = tf.math.mean(tf.sum(perDim, tf.constant(1)), tf.constant(0));
            total = tf.math.add(total, tf.math.mul(reg, tf.constant((float) config.lambdaReg())));
        }
        this.loss = total;
    }

    /** The scalar loss. */
    Operand<TFloat32> loss() {
        return loss;
    }

    /** Feeds a batch to the placeholders; the tensors belong to {@code feeds}. */
    TfTensors feed(TrainingBatch b, TfTensors feeds) {
        int n = b.rows();
        int bs = b.clips();
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        if (b.features().length != n * dx || b.truth().length != n * dy) {
            throw new IllegalArgumentException("training batch has " + b.features().length / Math.max(1, n)
                    + "-d features and " + b.truth().length / Math.max(1, n) + " labels per row; the model reads dx "
                    + dx + ", dy " + dy);
        }
        feeds.feed(x, b.features(), n, dx)
                .feed(contextLabels, b.contextLabels(), n, dy)
                .feed(truth, b.truth(), n, dy)
                .feed(truthMask, b.truthMask(), n, dy)
                .feed(contextWeights, b.contextWeights(), bs, n)
                .feed(targetWeights, b.targetWeights(), bs, n)
                .feed(rowsOfClip, membership(b), n, bs)
                .feed(frameWeights, b.frameWeights(), n)
                .feed(clipKlWeights, b.clipKlWeights(), bs);
        if (noise != null) {
            feeds.feed(noise, b.noise(), bs, spec.architecture().latentSize());
        }
        return feeds;
    }

    /**
     * [N, N] additive mask of the packed rows: row i attends to the context rows of its own clip
     * only (0 there, {@link TfLayers#MASKED} elsewhere), built in the graph from the one-hot clip
     * membership and the context weights.
     */
    private Operand<TFloat32> attentionMask(TfLayers f) {
        Ops tf = f.ops();
        Operand<TFloat32> sameClip = f.matMulT(rowsOfClip, rowsOfClip);
        Operand<TFloat32> isContext = tf.dtypes.cast(tf.math.greater(tf.sum(contextWeights, tf.constant(0)),
                tf.constant(0f)), TFloat32.class);
        Operand<TFloat32> allowed = tf.math.mul(sameClip, isContext);
        return tf.math.mul(tf.math.sub(allowed, tf.constant(1f)), tf.constant(-TfLayers.MASKED));
    }

    private Operand<TFloat32> decoderFirst(TfLayers f) {
        return f.param(ApModelSpec.weight(ApModelSpec.layer(ApModelSpec.DECODER, 0)));
    }

    /** KL(N(m1, s1) ‖ N(m2, s2)) element-wise. */
    private static Operand<TFloat32> gaussianKl(Ops tf, Operand<TFloat32> m1, Operand<TFloat32> s1,
            Operand<TFloat32> m2, Operand<TFloat32> s2) {
        Operand<TFloat32> num = tf.math.add(tf.math.square(s1), tf.math.square(tf.math.sub(m1, m2)));
        Operand<TFloat32> den = tf.math.mul(tf.math.square(s2), tf.constant(2f));
        return tf.math.sub(tf.math.add(tf.math.log(tf.math.div(s2, s1)), tf.math.div(num, den)), tf.constant(0.5f));
    }

    /** [N][B] one-hot: row r belongs to clip b. */
    private static float[] membership(TrainingBatch b) {
        int[] clip = b.rowClips();
        float[] out = new float[clip.length * b.clips()];
        for (int r = 0; r < clip.length; r++) {
            out[r * b.clips() + clip[r]] = 1f;
        }
        return out;
    }

    private static Placeholder<TFloat32> placeholder(Ops tf, long... shape) {
        return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    }
}
