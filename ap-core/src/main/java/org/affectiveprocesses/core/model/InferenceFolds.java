package org.affectiveprocesses.core.model;

import static org.affectiveprocesses.core.model.ApModelSpec.bias;
import static org.affectiveprocesses.core.model.ApModelSpec.layer;
import static org.affectiveprocesses.core.model.ApModelSpec.weight;

import org.affectiveprocesses.api.ApArchitecture;

/**
 * The Affective Process's weights rearranged once for the test-time forward pass: the same
 * function as {@link ApReference#predict} (up to float rounding), with fewer multiply-adds per
 * window. Every matrix is row-major [out, in] and every product is accumulated in double.
 *
 * <p>Every per-frame layer here reads one input row {@code [x, ŷ]} (dx + dy values), so an
 * engine packs a window once and multiplies it by each matrix:
 *
 * <ul>
 *   <li><b>label upsampling folded into the encoder:</b> W₀[x, Uŷ + b_u] + b₀ = W₀ₓx + (W₀ᵧU)ŷ +
 *       (W₀ᵧb_u + b₀), so the first layer reads ŷ through an H × dy block instead of a 512-wide
 *       upsampled label ({@link #encoderFirst()}; zero ŷ columns without pseudo-labels);
 *   <li><b>the encoder's last layer folded into the latent encoder:</b> r = W₂h₂ + b₂ only ever
 *       enters the latent encoder's shared layer, per frame (for ‖σ‖) and as the context mean,
 *       which commutes with an affine map; so W_s r + b_s = (W_sW₂)h₂ + (W_sb₂ + b_s) and the
 *       context mean is taken over h₂ ({@link #latentIn()});
 *   <li><b>the μ head folded into the decoder:</b> at test time z = μ = W_μ s + b_μ enters the
 *       decoder only through its z columns W_z, so W_z z = (W_zW_μ)s + W_zb_μ, once per window
 *       ({@link #decoderFromShared()}); function samples add W_z(σ ⊙ ε) ({@link #decoderZ()});
 *   <li><b>the decoder's first layer split</b> into its per-frame x columns ({@link
 *       #decoderX()}, with zero ŷ columns) and its per-window z and deterministic-path columns.
 * </ul>
 */
public final class InferenceFolds {
    private final int rowWidth;
    private final int hidden;
    private final int sharedSize;
    private final float[] encoderFirst;
    private final float[] encoderFirstBias;
    private final float[] detEncoderFirst;
    private final float[] detEncoderFirstBias;
    private final float[] decoderX;
    private final float[] decoderXBias;
    private final float[] latentIn;
    private final float[] latentInBias;
    private final float[] decoderFromShared;
    private final float[] decoderFromSharedBias;
    private final float[] decoderZ;
    private final float[] decoderDet;

    private InferenceFolds(ApWeights w) {
        ApModelSpec spec = w.spec();
        ApArchitecture a = spec.architecture();
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int h = a.hiddenSize();
        int z = a.latentSize();
        boolean det = a.variant().hasDeterministicPath();
        this.rowWidth = dx + dy;
        this.hidden = h;
        float[][] enc = firstLayer(w, ApModelSpec.ENCODER);
        this.encoderFirst = enc[0];
        this.encoderFirstBias = enc[1];
        float[][] detEnc = det ? firstLayer(w, ApModelSpec.DET_ENCODER) : new float[2][];
        this.detEncoderFirst = detEnc[0];
        this.detEncoderFirstBias = detEnc[1];

        float[] dec = w.get(weight(layer(ApModelSpec.DECODER, 0)));
        int decIn = spec.decoderInputSize();
        this.decoderX = new float[h * rowWidth];
        this.decoderXBias = w.get(bias(layer(ApModelSpec.DECODER, 0))).clone();
        this.decoderZ = new float[h * z];
        this.decoderDet = det ? new float[h * z] : null;
        for (int o = 0; o < h; o++) {
            System.arraycopy(dec, o * decIn, decoderX, o * rowWidth, dx);
            System.arraycopy(dec, o * decIn + dx, decoderZ, o * z, z);
            if (det) {
                System.arraycopy(dec, o * decIn + dx + z, decoderDet, o * z, z);
            }
        }

        float[] w2 = w.get(weight(layer(ApModelSpec.ENCODER, 2)));
        float[] b2 = w.get(bias(layer(ApModelSpec.ENCODER, 2)));
        float[] ws = w.get(weight(ApModelSpec.LATENT_SHARED));
        float[] bs = w.get(bias(ApModelSpec.LATENT_SHARED));
        this.sharedSize = bs.length;
        this.latentIn = product(ws, w2, sharedSize, z, h);
        this.latentInBias = affine(ws, b2, bs, sharedSize, z);
        float[] wMu = w.get(weight(ApModelSpec.LATENT_MU));
        float[] bMu = w.get(bias(ApModelSpec.LATENT_MU));
        this.decoderFromShared = product(decoderZ, wMu, h, z, sharedSize);
        this.decoderFromSharedBias = affine(decoderZ, bMu, new float[h], h, z);
    }

    /**
     * Folds a model's weights.
     *
     * @param weights the model's weights
     * @return the folded matrices
     */
    public static InferenceFolds of(ApWeights weights) {
        return new InferenceFolds(weights);
    }

    /** dx + dy: the width of an input row [x, ŷ]. */
    public int rowWidth() {
        return rowWidth;
    }

    /** H: the width of the encoder's and decoder's hidden layers. */
    public int hiddenSize() {
        return hidden;
    }

    /** The width of the latent encoder's shared layer. */
    public int sharedSize() {
        return sharedSize;
    }

    /** [H, dx + dy]: the encoder's first layer on [x, ŷ], label upsampling folded in. */
    public float[] encoderFirst() {
        return encoderFirst.clone();
    }

    /** [H]: its bias. */
    public float[] encoderFirstBias() {
        return encoderFirstBias.clone();
    }

    /** [H, dx + dy]: the deterministic encoder's first layer, or null without that path. */
    public float[] detEncoderFirst() {
        return detEncoderFirst == null ? null : detEncoderFirst.clone();
    }

    /** [H]: its bias, or null without a deterministic path. */
    public float[] detEncoderFirstBias() {
        return detEncoderFirstBias == null ? null : detEncoderFirstBias.clone();
    }

    /** [H, dx + dy]: the decoder's first layer on x (zero ŷ columns). */
    public float[] decoderX() {
        return decoderX.clone();
    }

    /** [H]: the decoder's first-layer bias. */
    public float[] decoderXBias() {
        return decoderXBias.clone();
    }

    /** [S, H]: W_s·W₂, from the encoder's second hidden layer h₂ to the latent shared layer. */
    public float[] latentIn() {
        return latentIn.clone();
    }

    /** [S]: W_s·b₂ + b_s. */
    public float[] latentInBias() {
        return latentInBias.clone();
    }

    /** [H, S]: W_z·W_μ, from the latent shared layer to the decoder's first layer at z = μ. */
    public float[] decoderFromShared() {
        return decoderFromShared.clone();
    }

    /** [H]: W_z·b_μ. */
    public float[] decoderFromSharedBias() {
        return decoderFromSharedBias.clone();
    }

    /** [H, Z]: the decoder's z columns W_z. */
    public float[] decoderZ() {
        return decoderZ.clone();
    }

    /** [H, Z]: the decoder's deterministic-path columns, or null without that path. */
    public float[] decoderDet() {
        return decoderDet == null ? null : decoderDet.clone();
    }

    /** [W₀ₓ, W₀ᵧU] and W₀ᵧb_u + b₀ of an encoder whose first layer reads [x, up(ŷ)] (or x only). */
    private static float[][] firstLayer(ApWeights w, String prefix) {
        ApModelSpec spec = w.spec();
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        int h = spec.architecture().hiddenSize();
        int width = dx + dy;
        float[] w0 = w.get(weight(layer(prefix, 0)));
        float[] b0 = w.get(bias(layer(prefix, 0)));
        float[] folded = new float[h * width];
        float[] foldedBias = b0.clone();
        if (!spec.architecture().usePseudoLabels()) {
            for (int o = 0; o < h; o++) {
                System.arraycopy(w0, o * dx, folded, o * width, dx);
            }
            return new float[][] {folded, foldedBias};
        }
        float[] u = w.get(weight(ApModelSpec.LABEL_UPSAMPLE));
        float[] bu = w.get(bias(ApModelSpec.LABEL_UPSAMPLE));
        int in = 2 * dx;
        double[] acc = new double[dy];
        for (int o = 0; o < h; o++) {
            System.arraycopy(w0, o * in, folded, o * width, dx);
            double b = b0[o];
            java.util.Arrays.fill(acc, 0);
            for (int i = 0; i < dx; i++) {
                double wyi = w0[o * in + dx + i];
                b += wyi * bu[i];
                for (int d = 0; d < dy; d++) {
                    acc[d] += wyi * u[i * dy + d];
                }
            }
            foldedBias[o] = (float) b;
            for (int d = 0; d < dy; d++) {
                folded[o * width + dx + d] = (float) acc[d];
            }
        }
        return new float[][] {folded, foldedBias};
    }

    /** A·B of row-major [n, k] and [k, m] matrices. */
    private static float[] product(float[] a, float[] b, int n, int k, int m) {
        float[] out = new float[n * m];
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(row, 0);
            for (int j = 0; j < k; j++) {
                double aij = a[i * k + j];
                for (int c = 0; c < m; c++) {
                    row[c] += aij * b[j * m + c];
                }
            }
            for (int c = 0; c < m; c++) {
                out[i * m + c] = (float) row[c];
            }
        }
        return out;
    }

    /** A·v + c of a row-major [n, k] matrix A. */
    private static float[] affine(float[] a, float[] v, float[] c, int n, int k) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = c[i];
            for (int j = 0; j < k; j++) {
                sum += (double) a[i * k + j] * v[j];
            }
            out[i] = (float) sum;
        }
        return out;
    }
}
