package org.affectiveprocesses.synthetic;

import java.util.Arrays;
import org.affectiveprocesses.api.LabelKind;

/**
 * The fixed parts of the feature model, drawn once from the corpus seed: the label network
 * {@code F(y) = B tanh(A (y - y0) + a)} (dy &rarr; 64 &rarr; dx; y0 = 0 for valence/arousal and
 * the normalised intensity 1 for Action Units), the nuisance loading P (dx &times; 8) and the
 * occlusion pattern J (dx &times; 16). {@link #render} renders every frame of a video:
 *
 * <pre>
 *   x_t = q_t F(y_t) + s_subject + P u_t + (1 - q_t) J v_t + sigma_n (1 + 3 (1 - q_t)) e_t
 * </pre>
 */
final class FeatureWorld {
    static final int HIDDEN = 64;
    static final int NUISANCE_DIM = 8;
    static final int OCCLUSION_DIM = 16;
    /** Frames rendered together (the code is written for 4). */
    private static final int TILE = 4;
    /** The number of loading rows: B, P and J stacked (a multiple of 4). */
    static final int LOADINGS = HIDDEN + NUISANCE_DIM + OCCLUSION_DIM;
    /** Standard deviation of the first layer's weights. */
    static final double INPUT_GAIN = 1.0;
    static final double HIDDEN_BIAS_STD = 0.5;
    /** Standard deviation of the second layer's weights times sqrt(64). */
    static final double OUTPUT_GAIN = 1.0;
    /** Range of the nuisance processes' time constants in seconds. */
    static final double NUISANCE_TAU_MIN_S = 1.0;
    static final double NUISANCE_TAU_MAX_S = 5.0;

    private final int dy;
    private final int dx;
    private final double[] a1; // [HIDDEN][dy]
    private final double[] b1; // [HIDDEN]
    private final double centre;
    /** The rows of B (as [HIDDEN][dx]), then of P and J (transposed), as floats. */
    private final float[] loadings; // [LOADINGS][dx]
    private final double noiseStd;
    private final double identityStd;

    FeatureWorld(Rng rng, SyntheticConfig config) {
        this.dy = config.labelSpace().size();
        this.dx = config.featureSize();
        double scale = Math.sqrt((double) dx / SyntheticConfig.REFERENCE_FEATURE_SIZE);
        this.noiseStd = config.noiseStd() * scale;
        this.identityStd = config.identityStd() * scale;
        a1 = gaussian(rng, HIDDEN * dy, INPUT_GAIN);
        // the network is centred on a typical label: 0 for valence/arousal, intensity 1 for AUs
        this.centre = config.labelSpace().kind() == LabelKind.ACTION_UNITS
                ? config.labelSpace().normalize(1.0) : 0.0;
        b1 = gaussian(rng, HIDDEN, HIDDEN_BIAS_STD);
        loadings = new float[LOADINGS * dx];
        fill(rng, loadings, 0, HIDDEN * dx, OUTPUT_GAIN / Math.sqrt(HIDDEN));
        fill(rng, loadings, HIDDEN * dx, NUISANCE_DIM * dx,
                config.nuisanceStd() * scale / Math.sqrt(NUISANCE_DIM));
        fill(rng, loadings, (HIDDEN + NUISANCE_DIM) * dx, OCCLUSION_DIM * dx,
                config.occlusionStd() * scale / Math.sqrt(OCCLUSION_DIM));
    }

    /** A subject's identity vector s_subject. */
    float[] identity(Rng rng) {
        float[] s = new float[dx];
        for (int i = 0; i < dx; i++) {
            s[i] = (float) (identityStd * rng.nextGaussian());
        }
        return s;
    }

    /** The smooth nuisance u of one video, [NUISANCE_DIM][length]. */
    double[][] nuisance(Rng rng, int length, double fps) {
        double[][] u = new double[NUISANCE_DIM][];
        for (int k = 0; k < NUISANCE_DIM; k++) {
            double tau = rng.uniform(NUISANCE_TAU_MIN_S, NUISANCE_TAU_MAX_S) * fps;
            u[k] = SmoothNoise.sample(rng, length, tau);
        }
        return u;
    }

    /**
     * Renders the features of every frame of one video into a new array [frame][dx].
     *
     * @param rng the stream for the occlusion codes v_t and the noise e_t
     * @param labels normalised labels [frame][dy]
     * @param quality q_t per frame
     * @param u the nuisance, [NUISANCE_DIM][frame]
     * @param identity s_subject
     */
    float[] render(Rng rng, float[] labels, double[] quality, double[][] u, float[] identity) {
        int length = quality.length;
        float[] out = new float[length * dx];
        // frames are rendered in blocks of TILE so that each loading row is read once per block
        float[] x = new float[TILE * dx];
        float[] coef = new float[TILE * LOADINGS];
        for (int t0 = 0; t0 < length; t0 += TILE) {
            int frames = Math.min(TILE, length - t0);
            Arrays.fill(coef, 0f);
            for (int f = 0; f < frames; f++) {
                int t = t0 + f;
                double q = quality[t];
                int c = f * LOADINGS;
                for (int k = 0; k < HIDDEN; k++) {
                    double z = b1[k];
                    for (int d = 0; d < dy; d++) {
                        z += a1[k * dy + d] * (labels[t * dy + d] - centre);
                    }
                    coef[c + k] = (float) (q * StrictMath.tanh(z));
                }
                for (int k = 0; k < NUISANCE_DIM; k++) {
                    coef[c + HIDDEN + k] = (float) u[k][t];
                }
                double occ = 1.0 - q;
                for (int k = 0; k < OCCLUSION_DIM; k++) {
                    coef[c + HIDDEN + NUISANCE_DIM + k] = (float) (occ * rng.nextGaussian());
                }
                System.arraycopy(identity, 0, x, f * dx, dx);
            }
            for (int k = 0; k < LOADINGS; k += 4) {
                tile(x, coef, k);
            }
            for (int f = 0; f < frames; f++) {
                int t = t0 + f;
                double sigma = noiseStd * (1.0 + 3.0 * (1.0 - quality[t]));
                int row = t * dx;
                int xf = f * dx;
                for (int i = 0; i < dx; i++) {
                    out[row + i] = (float) (x[xf + i] + sigma * rng.nextGaussian());
                }
            }
        }
        return out;
    }

    /** Adds loading rows k..k+3, weighted by each frame's coefficients, to the TILE frames. */
    private void tile(float[] x, float[] coef, int k) {
        int m0 = k * dx;
        int m1 = m0 + dx;
        int m2 = m1 + dx;
        int m3 = m2 + dx;
        int c0 = k;
        int c1 = c0 + LOADINGS;
        int c2 = c1 + LOADINGS;
        int c3 = c2 + LOADINGS;
        float a0 = coef[c0];
        float a1 = coef[c0 + 1];
        float a2 = coef[c0 + 2];
        float a3 = coef[c0 + 3];
        float b0 = coef[c1];
        float b1 = coef[c1 + 1];
        float b2 = coef[c1 + 2];
        float b3 = coef[c1 + 3];
        float d0 = coef[c2];
        float d1 = coef[c2 + 1];
        float d2 = coef[c2 + 2];
        float d3 = coef[c2 + 3];
        float e0 = coef[c3];
        float e1 = coef[c3 + 1];
        float e2 = coef[c3 + 2];
        float e3 = coef[c3 + 3];
        int y1 = dx;
        int y2 = 2 * dx;
        int y3 = 3 * dx;
        float[] m = loadings;
        for (int i = 0; i < dx; i++) {
            float p = m[m0 + i];
            float q = m[m1 + i];
            float r = m[m2 + i];
            float s = m[m3 + i];
            x[i] += a0 * p + a1 * q + a2 * r + a3 * s;
            x[y1 + i] += b0 * p + b1 * q + b2 * r + b3 * s;
            x[y2 + i] += d0 * p + d1 * q + d2 * r + d3 * s;
            x[y3 + i] += e0 * p + e1 * q + e2 * r + e3 * s;
        }
    }

    private static void fill(Rng rng, float[] dst, int offset, int n, double std) {
        for (int i = 0; i < n; i++) {
            dst[offset + i] = (float) (std * rng.nextGaussian());
        }
    }

    private static double[] gaussian(Rng rng, int n, double std) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = std * rng.nextGaussian();
        }
        return w;
    }
}
