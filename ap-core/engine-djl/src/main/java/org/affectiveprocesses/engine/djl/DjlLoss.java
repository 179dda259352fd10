package org.affectiveprocesses.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.training.TrainingBatch;

/**
 * The training loss L = L_nll + λ_kl·L_kl + λ_reg·L_reg of a packed batch, as specified by {@link
 * org.affectiveprocesses.core.model.ApReference}: the context is aggregated with the batch's
 * context weights, z is reparameterised with the batch's noise, and per-clip means use its target
 * weights.
 */
final class DjlLoss {
    private static final float HALF_LOG_2PI = (float) (0.5 * Math.log(2 * Math.PI));
    private static final float MASKED = -1e9f;

    private final ApModelSpec spec;
    private final TrainingConfig config;

    DjlLoss(ApModelSpec spec, TrainingConfig config) {
        this.spec = spec;
        this.config = config;
    }

    /** The scalar loss of a batch, recorded for the gradient. */
    NDArray compute(DjlForward f, TrainingBatch b, NDManager m) {
        int n = b.rows();
        int bs = b.clips();
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int z = spec.architecture().latentSize();
        ApVariant variant = spec.architecture().variant();
        NDArray x = m.create(b.features(), new Shape(n, dx));
        NDArray ctxLabels = m.create(b.contextLabels(), new Shape(n, dy));
        NDArray ctxW = m.create(b.contextWeights(), new Shape(bs, n));
        NDArray tgtW = m.create(b.targetWeights(), new Shape(bs, n));
        NDArray rowsOfClip = m.create(membership(b), new Shape(n, bs));

        NDArray[] qc = f.latent(ctxW.matMul(f.encode(ApModelSpec.ENCODER, x, ctxLabels)));
        NDArray zc = variant.isStochastic()
                ? qc[0].add(qc[1].mul(m.create(b.noise(), new Shape(bs, z))))
                : qc[0];
        NDArray det = null;
        if (variant.hasDeterministicPath()) {
            NDArray d = f.encode(ApModelSpec.DET_ENCODER, x, ctxLabels);
            if (variant == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
                d = f.selfAttention(d, m.create(attentionMask(b), new Shape(n, n)));
            }
            det = rowsOfClip.matMul(ctxW.matMul(d));
        }
        NDArray[] out = f.decode(x, rowsOfClip.matMul(zc), det);
        NDArray mu = out[0];
        NDArray sigma = out[1];

        NDArray truth = m.create(b.truth(), new Shape(n, dy));
        NDArray mask = m.create(b.truthMask(), new Shape(n, dy));
        NDArray err = truth.sub(mu).div(sigma);
        NDArray nllRows = sigma.log().add(err.square().mul(0.5f)).add(HALF_LOG_2PI).mul(mask).sum(new int[] {1});
        NDArray loss = nllRows.mul(m.create(b.frameWeights())).sum();

        if (config.objective().hasKl()) {
            NDArray[] qt = f.latent(tgtW.matMul(f.encode(ApModelSpec.ENCODER, x, truth)));
            NDArray kl = gaussianKl(qt[0], qt[1], qc[0], qc[1]).sum(new int[] {1});
            loss = loss.add(kl.mul(m.create(b.clipKlWeights())).sum().mul((float) config.lambdaKl()));
        }
        if (config.objective().hasReg()) {
            NDArray meanMu = tgtW.matMul(mu);
            NDArray meanSigma = tgtW.matMul(sigma);
            NDArray reg = meanSigma.log().neg().add(meanSigma.square().add(meanMu.square()).mul(0.5f)).sub(0.5f)
                    .sum(new int[] {1}).mean();
            loss = loss.add(reg.mul((float) config.lambdaReg()));
        }
        return loss;
    }

    /** KL(N(m1, s1) ‖ N(m2, s2)) element-wise. */
    static NDArray gaussianKl(NDArray m1, NDArray s1, NDArray m2, NDArray s2) {
        return s2.div(s1).log().add(s1.square().add(m1.sub(m2).square()).div(s2.square().mul(2f))).sub(0.5f);
    }

    /** [N][B] one-hot: row r belongs to clip b. */
    static float[] membership(TrainingBatch b) {
        int n = b.rows();
        float[] out = new float[n * b.clips()];
        int[] clip = b.rowClips();
        for (int r = 0; r < n; r++) {
            out[r * b.clips() + clip[r]] = 1f;
        }
        return out;
    }

    /** [N][N] additive mask: row i attends to the context rows of its own clip only. */
    static float[] attentionMask(TrainingBatch b) {
        int n = b.rows();
        int[] clip = b.rowClips();
        float[] ctx = b.contextWeights();
        float[] out = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean allowed = clip[i] == clip[j] && ctx[clip[j] * n + j] > 0;
                out[i * n + j] = allowed ? 0f : MASKED;
            }
        }
        return out;
    }
}
