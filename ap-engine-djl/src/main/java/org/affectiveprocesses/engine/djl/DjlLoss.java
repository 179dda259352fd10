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
        NDArray tgtW = m.create(b.targetWeights(), new Shape(bs, n));
        NDArray rowsOfClip = m.create(membership(b), new Shape(n, bs));

        // only the context rows reach the aggregation: encode a compact copy of them
        ContextRows c = ContextRows.of(b, dx, dy);
        NDArray xc = m.create(c.features(), new Shape(c.rows(), dx));
        NDArray labelsC = m.create(c.labels(), new Shape(c.rows(), dy));
        NDArray ctxW = m.create(c.weights(), new Shape(bs, c.rows()));

        NDArray[] qc = f.latent(ctxW.matMul(f.encode(ApModelSpec.ENCODER, xc, labelsC)));
        NDArray zc = variant.isStochastic()
                ? qc[0].add(qc[1].mul(m.create(b.noise(), new Shape(bs, z))))
                : qc[0];
        NDArray det = null;
        if (variant.hasDeterministicPath()) {
            NDArray d = f.encode(ApModelSpec.DET_ENCODER, xc, labelsC);
            if (variant == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
                d = f.selfAttention(d, m.create(attentionMask(c.clips()), new Shape(c.rows(), c.rows())));
            }
            det = ctxW.matMul(d);
        }
        NDArray[] out = f.decode(x, zc, det, rowsOfClip);
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

    /** [C][C] additive mask over the context rows: a row attends to its own clip's rows only. */
    static float[] attentionMask(int[] clipOfRow) {
        int n = clipOfRow.length;
        float[] out = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = clipOfRow[i] == clipOfRow[j] ? 0f : MASKED;
            }
        }
        return out;
    }

    /**
     * The context rows of a batch, copied compactly.
     *
     * @param features [C][dx]
     * @param labels [C][dy] the labels the context encoder reads
     * @param weights [B][C] the aggregation weights (1/C_b within clip b)
     * @param clips the clip of each context row
     */
    record ContextRows(float[] features, float[] labels, float[] weights, int[] clips) {
        int rows() {
            return clips.length;
        }

        static ContextRows of(TrainingBatch b, int dx, int dy) {
            int n = b.rows();
            int[] clipOfRow = b.rowClips();
            float[] w = b.contextWeights();
            int count = 0;
            for (int r = 0; r < n; r++) {
                if (w[clipOfRow[r] * n + r] > 0) {
                    count++;
                }
            }
            float[] x = new float[count * dx];
            float[] y = new float[count * dy];
            float[] cw = new float[b.clips() * count];
            int[] clips = new int[count];
            int k = 0;
            for (int r = 0; r < n; r++) {
                int clip = clipOfRow[r];
                float weight = w[clip * n + r];
                if (weight > 0) {
                    System.arraycopy(b.features(), r * dx, x, k * dx, dx);
                    System.arraycopy(b.contextLabels(), r * dy, y, k * dy, dy);
                    cw[clip * count + k] = weight;
                    clips[k] = clip;
                    k++;
                }
            }
            return new ContextRows(x, y, cw, clips);
        }
    }
}
