package org.affectiveprocesses.core.model;

import static org.affectiveprocesses.core.model.ApModelSpec.bias;
import static org.affectiveprocesses.core.model.ApModelSpec.layer;
import static org.affectiveprocesses.core.model.ApModelSpec.weight;

import java.util.Map;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.Objective;

/**
 * The Affective Process's forward pass and loss written out in plain Java (double precision):
 * the specification that every compute engine is tested against, and the one place to read the
 * math. Too slow for production; engines implement the same functions on tensors.
 *
 * <p><b>Forward pass of one window</b> (frames t = 1..L, context C ⊆ {1..L}):
 *
 * <ol>
 *   <li>r<sub>t</sub> = encoder([x<sub>t</sub>, label_upsample(ŷ<sub>t</sub>)]) for every frame
 *       (the encoder reads x<sub>t</sub> alone without pseudo-labels);
 *   <li>per-frame uncertainty for context selection: s<sub>t</sub> = ‖σ(r<sub>t</sub>)‖₂, with
 *       σ(r) = floor + (1 − floor)·sigmoid(latent.sigma(relu(latent.shared(r))));
 *   <li>r<sub>C</sub> = mean of r<sub>c</sub> over the context;
 *   <li>μ<sub>C</sub> = latent.mu(relu(latent.shared(r<sub>C</sub>))), σ<sub>C</sub> as above;
 *       z = μ<sub>C</sub> for the prediction, z = μ<sub>C</sub> + σ<sub>C</sub>⊙ε for a function
 *       sample or a training step (ε ~ N(0, I));
 *   <li>AP+Det: a second encoder gives d<sub>c</sub>, r<sub>det</sub> = mean over the context
 *       (AP+Det+Att first replaces d<sub>c</sub> by multi-head self-attention among the context
 *       frames, no residual);
 *   <li>[μ<sub>t</sub>, raw] = decoder([x<sub>t</sub>, z (, r<sub>det</sub>)]), σ<sub>y,t</sub> =
 *       floor + (1 − floor)·softplus(raw).
 * </ol>
 *
 * <p><b>Loss of one clip</b> (targets T = labelled frames, mask m<sub>t,d</sub> for missing
 * annotations):
 *
 * <ul>
 *   <li>L<sub>nll</sub> = (1/|T|) Σ<sub>t∈T</sub> Σ<sub>d</sub> m<sub>t,d</sub> · [log σ + ½((y −
 *       μ)/σ)² + ½ log 2π];
 *   <li>L<sub>kl</sub> = (1/|T|) Σ<sub>k</sub> KL(N(μ<sub>T,k</sub>, σ<sub>T,k</sub>) ‖
 *       N(μ<sub>C,k</sub>, σ<sub>C,k</sub>)), where q(z|T) encodes every target frame with its
 *       ground truth (the DeepMind NP notebooks' scaling: KL divided by the number of targets);
 *   <li>L<sub>reg</sub> = Σ<sub>d</sub> KL(N(m<sub>d</sub>, s<sub>d</sub>) ‖ N(0, 1)), m and s
 *       the means over the targets of the output μ and σ (the paper's Σ read as a mean);
 *   <li>L = L<sub>nll</sub> + λ<sub>kl</sub>L<sub>kl</sub> + λ<sub>reg</sub>L<sub>reg</sub>; a
 *       batch's loss is the mean over its clips.
 * </ul>
 */
public final class ApReference {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final ApModelSpec spec;
    private final Map<String, float[]> w;

    /** A reference model over the given weights. */
    public ApReference(ApWeights weights) {
        this.spec = weights.spec();
        this.w = weights.toMap();
    }

    /** The result of one window. */
    public record WindowResult(double[][] mean, double[][] std, double[] frameSigmaNorms,
            double[][][] samples) {
    }

    /** The loss terms of one clip. */
    public record ClipLoss(double nll, double kl, double reg, double total) {
    }

    /**
     * Predicts a window.
     *
     * @param x [L][dx] features
     * @param yHat [L][dy] labels the encoder reads (pseudo-labels at test time)
     * @param context context frame indices
     * @param eps [N][Z] standard-normal draws for N function samples (may be empty)
     */
    public WindowResult predict(double[][] x, double[][] yHat, int[] context, double[][] eps) {
        int l = x.length;
        int dy = spec.labelSize();
        double[][] r = new double[l][];
        double[] sigmaNorms = null;
        for (int t = 0; t < l; t++) {
            r[t] = encode(ApModelSpec.ENCODER, x[t], yHat[t]);
        }
        if (spec.architecture().variant().isStochastic()) {
            sigmaNorms = new double[l];
            for (int t = 0; t < l; t++) {
                sigmaNorms[t] = norm(latent(r[t])[1]);
            }
        }
        double[][] q = latent(meanOf(r, context));
        double[] det = deterministicPath(x, yHat, context);
        double[][] mean = new double[l][dy];
        double[][] std = new double[l][dy];
        for (int t = 0; t < l; t++) {
            double[][] out = decode(x[t], q[0], det);
            mean[t] = out[0];
            std[t] = out[1];
        }
        double[][][] samples = new double[eps.length][l][];
        for (int n = 0; n < eps.length; n++) {
            double[] z = sampleZ(q, eps[n]);
            for (int t = 0; t < l; t++) {
                samples[n][t] = decode(x[t], z, det)[0];
            }
        }
        return new WindowResult(mean, std, sigmaNorms, samples);
    }

    /**
     * The training loss of one clip.
     *
     * @param x [L][dx] features
     * @param contextLabels [L][dy] labels the context encoder reads (ground truth or pseudo)
     * @param truth [L][dy] ground truth, NaN where missing
     * @param context context frame indices
     * @param eps [Z] the reparameterisation draw (ignored by the deterministic AP)
     * @param objective which terms count
     * @param lambdaKl weight of L_kl
     * @param lambdaReg weight of L_reg
     */
    public ClipLoss loss(double[][] x, double[][] contextLabels, double[][] truth, int[] context,
            double[] eps, Objective objective, double lambdaKl, double lambdaReg) {
        int l = x.length;
        int dy = spec.labelSize();
        double[][] r = new double[l][];
        for (int t = 0; t < l; t++) {
            r[t] = encode(ApModelSpec.ENCODER, x[t], contextLabels[t]);
        }
        double[][] qc = latent(meanOf(r, context));
        double[] z = sampleZ(qc, eps);
        double[] det = deterministicPath(x, contextLabels, context);
        int targets = 0;
        double nll = 0;
        double[] meanMu = new double[dy];
        double[] meanSigma = new double[dy];
        double[][] truthFilled = new double[l][dy];
        int[] targetIdx = new int[l];
        for (int t = 0; t < l; t++) {
            boolean labelled = false;
            for (int d = 0; d < dy; d++) {
                labelled |= !Double.isNaN(truth[t][d]);
                truthFilled[t][d] = Double.isNaN(truth[t][d]) ? contextLabels[t][d] : truth[t][d];
            }
            if (!labelled) {
                continue;
            }
            targetIdx[targets++] = t;
            double[][] out = decode(x[t], z, det);
            for (int d = 0; d < dy; d++) {
                meanMu[d] += out[0][d];
                meanSigma[d] += out[1][d];
                if (!Double.isNaN(truth[t][d])) {
                    double e = (truth[t][d] - out[0][d]) / out[1][d];
                    nll += Math.log(out[1][d]) + 0.5 * e * e + HALF_LOG_2PI;
                }
            }
        }
        if (targets == 0) {
            throw new IllegalArgumentException("a training clip needs at least one labelled frame");
        }
        nll /= targets;
        double kl = 0;
        if (objective.hasKl()) {
            double[][] rt = new double[l][];
            for (int t = 0; t < l; t++) {
                rt[t] = encode(ApModelSpec.ENCODER, x[t], truthFilled[t]);
            }
            double[][] qt = latent(meanOf(rt, java.util.Arrays.copyOf(targetIdx, targets)));
            for (int k = 0; k < qt[0].length; k++) {
                kl += gaussianKl(qt[0][k], qt[1][k], qc[0][k], qc[1][k]);
            }
            kl /= targets;
        }
        double reg = 0;
        if (objective.hasReg()) {
            for (int d = 0; d < dy; d++) {
                reg += gaussianKl(meanMu[d] / targets, meanSigma[d] / targets, 0, 1);
            }
        }
        double total = nll + (objective.hasKl() ? lambdaKl * kl : 0) + (objective.hasReg() ? lambdaReg * reg : 0);
        return new ClipLoss(nll, kl, reg, total);
    }

    /** KL(N(m1, s1) ‖ N(m2, s2)) of univariate Gaussians. */
    public static double gaussianKl(double m1, double s1, double m2, double s2) {
        double d = m1 - m2;
        return Math.log(s2 / s1) + (s1 * s1 + d * d) / (2 * s2 * s2) - 0.5;
    }

    private double[] sampleZ(double[][] q, double[] eps) {
        if (!spec.architecture().variant().isStochastic()) {
            return q[0];
        }
        double[] z = new double[q[0].length];
        for (int k = 0; k < z.length; k++) {
            z[k] = q[0][k] + q[1][k] * eps[k];
        }
        return z;
    }

    private double[] deterministicPath(double[][] x, double[][] labels, int[] context) {
        ApVariant v = spec.architecture().variant();
        if (!v.hasDeterministicPath()) {
            return null;
        }
        double[][] d = new double[context.length][];
        for (int i = 0; i < context.length; i++) {
            d[i] = encode(ApModelSpec.DET_ENCODER, x[context[i]], labels[context[i]]);
        }
        if (v == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
            d = selfAttention(d);
        }
        double[] mean = new double[d[0].length];
        for (double[] row : d) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += row[k] / d.length;
            }
        }
        return mean;
    }

    private double[][] selfAttention(double[][] s) {
        int c = s.length;
        int z = spec.architecture().latentSize();
        int heads = spec.architecture().attentionHeads();
        int dh = z / heads;
        double[][] q = new double[c][];
        double[][] k = new double[c][];
        double[][] v = new double[c][];
        for (int i = 0; i < c; i++) {
            q[i] = linear(ApModelSpec.ATTENTION_QUERY, s[i]);
            k[i] = linear(ApModelSpec.ATTENTION_KEY, s[i]);
            v[i] = linear(ApModelSpec.ATTENTION_VALUE, s[i]);
        }
        double[][] out = new double[c][];
        for (int i = 0; i < c; i++) {
            double[] concat = new double[z];
            for (int h = 0; h < heads; h++) {
                double[] score = new double[c];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) {
                    double dot = 0;
                    for (int e = h * dh; e < (h + 1) * dh; e++) {
                        dot += q[i][e] * k[j][e];
                    }
                    score[j] = dot / Math.sqrt(dh);
                    max = Math.max(max, score[j]);
                }
                double sum = 0;
                for (int j = 0; j < c; j++) {
                    score[j] = Math.exp(score[j] - max);
                    sum += score[j];
                }
                for (int j = 0; j < c; j++) {
                    for (int e = h * dh; e < (h + 1) * dh; e++) {
                        concat[e] += score[j] / sum * v[j][e];
                    }
                }
            }
            out[i] = linear(ApModelSpec.ATTENTION_OUTPUT, concat);
        }
        return out;
    }

    /** r = encoder([x, up(ŷ)]) (or encoder(x) without pseudo-labels). */
    private double[] encode(String prefix, double[] x, double[] yHat) {
        double[] in;
        ApArchitecture a = spec.architecture();
        if (a.usePseudoLabels()) {
            double[] up = linear(ApModelSpec.LABEL_UPSAMPLE, yHat);
            in = concat(x, up);
        } else {
            in = x;
        }
        double[] h = relu(linear(layer(prefix, 0), in));
        h = relu(linear(layer(prefix, 1), h));
        return linear(layer(prefix, 2), h);
    }

    /** [μ, σ] of the latent encoder (σ is null for the deterministic AP). */
    private double[][] latent(double[] r) {
        double[] h = relu(linear(ApModelSpec.LATENT_SHARED, r));
        double[] mu = linear(ApModelSpec.LATENT_MU, h);
        if (!spec.architecture().variant().isStochastic()) {
            return new double[][] {mu, null};
        }
        double[] raw = linear(ApModelSpec.LATENT_SIGMA, h);
        double floor = spec.architecture().latentSigmaFloor();
        double[] sigma = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            sigma[k] = floor + (1 - floor) / (1 + Math.exp(-raw[k]));
        }
        return new double[][] {mu, sigma};
    }

    /** [output mean, output σ] of the decoder for one frame. */
    private double[][] decode(double[] x, double[] z, double[] det) {
        double[] in = det == null ? concat(x, z) : concat(concat(x, z), det);
        double[] h = relu(linear(layer(ApModelSpec.DECODER, 0), in));
        h = relu(linear(layer(ApModelSpec.DECODER, 1), h));
        h = relu(linear(layer(ApModelSpec.DECODER, 2), h));
        double[] out = linear(layer(ApModelSpec.DECODER, 3), h);
        int dy = spec.labelSize();
        double floor = spec.architecture().outputSigmaFloor();
        double[] mu = new double[dy];
        double[] sigma = new double[dy];
        for (int d = 0; d < dy; d++) {
            mu[d] = out[d];
            sigma[d] = floor + (1 - floor) * softplus(out[dy + d]);
        }
        return new double[][] {mu, sigma};
    }

    private double[] linear(String layerName, double[] in) {
        float[] wt = w.get(weight(layerName));
        float[] b = w.get(bias(layerName));
        if (wt.length != b.length * in.length) {
            throw new IllegalArgumentException("layer " + layerName + " expects " + (wt.length / b.length)
                    + " inputs, got " + in.length);
        }
        return affine(wt, b, in);
    }

    /** W·in + b of a row-major [out, in] weight matrix. */
    static double[] affine(float[] weight, float[] bias, double[] in) {
        double[] y = new double[bias.length];
        for (int o = 0; o < y.length; o++) {
            double s = bias[o];
            int base = o * in.length;
            for (int i = 0; i < in.length; i++) {
                s += weight[base + i] * in[i];
            }
            y[o] = s;
        }
        return y;
    }

    private static double[] meanOf(double[][] rows, int[] idx) {
        double[] m = new double[rows[idx[0]].length];
        for (int i : idx) {
            for (int k = 0; k < m.length; k++) {
                m[k] += rows[i][k];
            }
        }
        for (int k = 0; k < m.length; k++) {
            m[k] /= idx.length;
        }
        return m;
    }

    /** log(1 + e^v) without overflow. */
    static double softplus(double v) {
        return v > 30 ? v : Math.log1p(Math.exp(v));
    }

    /** max(0, v), in place. */
    static double[] relu(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, v[i]);
        }
        return v;
    }

    /** The Euclidean norm. */
    static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** [a, b]. */
    static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
