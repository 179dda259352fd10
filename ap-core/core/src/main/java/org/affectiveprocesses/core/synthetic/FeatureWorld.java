package org.affectiveprocesses.core.synthetic;

/**
 * The fixed parts of the feature model, drawn once from the corpus seed: the label network F
 * (dy &rarr; 64 &rarr; dx, tanh hidden layer), the nuisance loading P (dx &times; 8) and the
 * occlusion pattern J (dx &times; 16). {@link #frame} renders one frame:
 *
 * <pre>
 *   x_t = q_t F(y_t) + s_subject + P u_t + (1 - q_t) J v_t + sigma_n (1 + 3 (1 - q_t)) e_t
 * </pre>
 */
final class FeatureWorld {
    static final int HIDDEN = 64;
    static final int NUISANCE_DIM = 8;
    static final int OCCLUSION_DIM = 16;
    /** The number of loading rows: B, P and J stacked (a multiple of 4). */
    static final int LOADINGS = HIDDEN + NUISANCE_DIM + OCCLUSION_DIM;
    /** Standard deviation of the first layer's weights times sqrt(dy). */
    static final double INPUT_GAIN = 1.5;
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
        a1 = gaussian(rng, HIDDEN * dy, INPUT_GAIN / Math.sqrt(dy));
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
        float[] x = new float[dx];
        float[] coef = new float[LOADINGS];
        for (int t = 0; t < length; t++) {
            double q = quality[t];
            for (int k = 0; k < HIDDEN; k++) {
                double z = b1[k];
                for (int d = 0; d < dy; d++) {
                    z += a1[k * dy + d] * labels[t * dy + d];
                }
                coef[k] = (float) (q * StrictMath.tanh(z));
            }
            for (int k = 0; k < NUISANCE_DIM; k++) {
                coef[HIDDEN + k] = (float) u[k][t];
            }
            double occ = 1.0 - q;
            for (int k = 0; k < OCCLUSION_DIM; k++) {
                coef[HIDDEN + NUISANCE_DIM + k] = (float) (occ * rng.nextGaussian());
            }
            System.arraycopy(identity, 0, x, 0, dx);
            for (int k = 0; k < LOADINGS; k += 4) {
                float c0 = coef[k];
                float c1 = coef[k + 1];
                float c2 = coef[k + 2];
                float c3 = coef[k + 3];
                int m0 = k * dx;
                int m1 = m0 + dx;
                int m2 = m1 + dx;
                int m3 = m2 + dx;
                for (int i = 0; i < dx; i++) {
                    x[i] += c0 * loadings[m0 + i] + c1 * loadings[m1 + i] + c2 * loadings[m2 + i]
                            + c3 * loadings[m3 + i];
                }
            }
            double sigma = noiseStd * (1.0 + 3.0 * occ);
            int row = t * dx;
            for (int i = 0; i < dx; i++) {
                out[row + i] = (float) (x[i] + sigma * rng.nextGaussian());
            }
        }
        return out;
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
