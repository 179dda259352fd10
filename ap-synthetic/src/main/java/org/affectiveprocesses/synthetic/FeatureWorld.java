package org.affectiveprocesses.synthetic;

import java.util.Set;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;

/**
 * The fixed parts of the feature model, drawn once from the corpus seed, and the rendering of a
 * video's frames (see {@link SyntheticAffectCorpus}, "Features"). A frame is rendered as the
 * backbone's C &times; 4 &times; 4 maps (C = featureSize / 4 channels, flattened channel-major
 * as PyTorch flattens a (C, 4, 4) tensor): cell (c, r, k) of block b = 2 (r / 2) + k / 2 is
 *
 * <pre>
 *   gamma_c [ mu0 + (1 - D_b) (I_s + P u_t + g_s F(d_t)) + D_b rho r_kind + sigma_f e_t ]
 * </pre>
 *
 * where d_t are the label values the face displays ({@link AffectDisplay}), and the features
 * x<sub>t</sub> are its 2 &times; 2 average pool, C &times; 2 &times; 2 flattened the same way.
 * F's centring and scale are computed over labels drawn from the label prior, so its share is
 * that of a fully expressive face.
 */
final class FeatureWorld {
    /** Hidden units of the expression network F; the first half are upper-face units. */
    static final int HIDDEN = 64;
    static final int HALF = HIDDEN / 2;
    /** Rank of the identity subspace. */
    static final int IDENTITY_RANK = 16;
    /** Nuisance coordinates: yaw, pitch, roll, then illumination and camera. */
    static final int POSE_DIM = 3;
    static final int NUISANCE_DIM = 8;
    static final double POSE_TAU_MIN_S = 1.0;
    static final double POSE_TAU_MAX_S = 5.0;
    static final double ILLUMINATION_TAU_MIN_S = 5.0;
    static final double ILLUMINATION_TAU_MAX_S = 20.0;
    /** Weights of F's first layer and its biases. */
    static final double INPUT_GAIN = 1.0;
    static final double HIDDEN_BIAS_STD = 0.5;
    /** The mean of a signed max-pooled feature: E[max of 4 N(0, 1)]. */
    static final double CENTRE = 1.03;
    /** Label trajectories drawn to find F's mean and scale: 32 x 256 = 8,192 frames. */
    static final int PRIOR_VIDEOS = 32;
    static final int PRIOR_FRAMES = 256;
    /** Action Units of the brows, eyes and cheeks (FACS upper face); the others are lower face. */
    static final Set<Integer> UPPER_FACE_ACTION_UNITS = Set.of(1, 2, 4, 5, 6, 7, 41, 42, 43, 44, 45, 46);
    /** Cells per channel (4 x 4) and features per channel (2 x 2). */
    static final int CELLS_PER_CHANNEL = 16;
    static final int FEATURES_PER_CHANNEL = 4;
    /** Loadings per cell: the nuisance, then the hidden units of the cell's half of the face. */
    private static final int LOADINGS = NUISANCE_DIM + HALF;

    // substreams of the world stream, one per ingredient
    private static final long NETWORK = 0;
    private static final long PRIOR = 1;
    private static final long EXPRESSION = 2;
    private static final long IDENTITY = 3;
    private static final long NUISANCE = 4;
    private static final long GAINS = 5;
    private static final long PROTOTYPES = 6;

    private final int dy;
    private final int channels;
    private final int cells;
    private final double[] inputWeights; // [HIDDEN][dy]
    private final double[] hiddenBias;   // [HIDDEN]
    private final double[] hiddenMean;   // [HIDDEN], over the label prior
    private final double labelCentre;
    private final float[] loadings;      // [cells][LOADINGS]: P, then the scaled B of the cell's half
    private final float[] identityLoadings; // [cells][IDENTITY_RANK]
    private final float[] gains;         // [channels]
    private final float[][] prototypes;  // [DegradationType][cells], rho r_kind
    private final double noiseStd;

    FeatureWorld(long seed, long stream, SyntheticConfig config) {
        LabelSpace space = config.labelSpace();
        FeatureModel model = config.features();
        this.dy = space.size();
        this.channels = config.featureSize() / FEATURES_PER_CHANNEL;
        this.cells = channels * CELLS_PER_CHANNEL;
        this.noiseStd = Math.sqrt(model.frameNoiseShare());
        this.labelCentre = space.kind() == LabelKind.ACTION_UNITS ? space.normalize(1.0) : 0.0;

        Rng network = Rng.derive(seed, stream, NETWORK);
        inputWeights = gaussian(network, HIDDEN * dy, INPUT_GAIN);
        hiddenBias = gaussian(network, HIDDEN, HIDDEN_BIAS_STD);
        if (space.kind() == LabelKind.ACTION_UNITS) {
            // upper-face units read the upper-face Action Units only, lower-face units the others
            for (int d = 0; d < dy; d++) {
                boolean upperAu = UPPER_FACE_ACTION_UNITS.contains(LabelProcesses.auNumber(space.dimension(d)));
                for (int h = 0; h < HIDDEN; h++) {
                    if ((h < HALF) != upperAu) {
                        inputWeights[h * dy + d] = 0.0;
                    }
                }
            }
        }
        double[][] prior = priorActivations(Rng.derive(seed, stream, PRIOR), space, config.fps());
        hiddenMean = new double[HIDDEN];
        for (double[] a : prior) {
            for (int h = 0; h < HIDDEN; h++) {
                hiddenMean[h] += a[h] / prior.length;
            }
        }

        loadings = new float[cells * LOADINGS];
        Rng nuisance = Rng.derive(seed, stream, NUISANCE);
        double nuisanceStd = Math.sqrt(model.nuisanceShare() / NUISANCE_DIM);
        Rng expression = Rng.derive(seed, stream, EXPRESSION);
        for (int j = 0; j < cells; j++) {
            for (int m = 0; m < NUISANCE_DIM; m++) {
                loadings[j * LOADINGS + m] = (float) (nuisanceStd * nuisance.nextGaussian());
            }
            for (int h = 0; h < HALF; h++) {
                loadings[j * LOADINGS + NUISANCE_DIM + h] = (float) expression.nextGaussian();
            }
        }
        scaleExpression(prior, model.expressionShare());

        identityLoadings = new float[cells * IDENTITY_RANK];
        fill(Rng.derive(seed, stream, IDENTITY), identityLoadings,
                Math.sqrt(model.identityShare() / IDENTITY_RANK));

        gains = new float[channels];
        Rng g = Rng.derive(seed, stream, GAINS);
        for (int c = 0; c < channels; c++) {
            gains[c] = (float) StrictMath.exp(model.channelGainSigma() * g.nextGaussian());
        }

        // r_kind = (R_0 + R_kind) / sqrt 2: one direction common to every degradation, one per kind
        Rng p = Rng.derive(seed, stream, PROTOTYPES);
        float[] common = new float[cells];
        fill(p, common, 1.0);
        DegradationType[] kinds = DegradationType.values();
        prototypes = new float[kinds.length][cells];
        double scale = model.prototypeOffset() / Math.sqrt(2.0);
        for (DegradationType kind : kinds) {
            if (kind == DegradationType.NONE) {
                continue;
            }
            float[] own = new float[cells];
            fill(p, own, 1.0);
            for (int j = 0; j < cells; j++) {
                prototypes[kind.ordinal()][j] = (float) (scale * ((double) common[j] + own[j]));
            }
        }
    }

    /** The number of values the backbone head reads per frame: C x 4 x 4. */
    int cells() {
        return cells;
    }

    /** A subject's identity I_s = B_id z_s, from the subject's identity stream. */
    float[] identity(Rng rng) {
        double[] z = gaussian(rng, IDENTITY_RANK, 1.0);
        float[] s = new float[cells];
        for (int j = 0; j < cells; j++) {
            double v = 0;
            for (int r = 0; r < IDENTITY_RANK; r++) {
                v += identityLoadings[j * IDENTITY_RANK + r] * z[r];
            }
            s[j] = (float) v;
        }
        return s;
    }

    /** The slow nuisance u of one video, [NUISANCE_DIM][length]; coordinate 0 is the yaw. */
    static double[][] nuisance(Rng rng, int length, double fps) {
        double[][] u = new double[NUISANCE_DIM][];
        for (int m = 0; m < NUISANCE_DIM; m++) {
            double tau = m < POSE_DIM ? rng.uniform(POSE_TAU_MIN_S, POSE_TAU_MAX_S)
                    : rng.uniform(ILLUMINATION_TAU_MIN_S, ILLUMINATION_TAU_MAX_S);
            u[m] = SmoothNoise.sample(rng, length, tau * fps);
        }
        return u;
    }

    /** Receives the rendered maps of one frame; the array is reused for the next frame. */
    interface FrameSink {
        void accept(int frame, float[] maps);
    }

    /**
     * Renders every frame of one video, in order.
     *
     * @param rng the stream of the per-frame noise e_t
     * @param displayed the normalised label values the face displays, [frame][dy]
     * @param u the nuisance, [NUISANCE_DIM][frame]
     * @param degradation the video's degradation
     * @param identity the subject's I_s
     * @param displayGain the subject's g_s
     * @param sink receives each frame's C x 4 x 4 maps
     */
    void render(Rng rng, float[] displayed, double[][] u, Degradation degradation, float[] identity,
            double displayGain, FrameSink sink) {
        int length = degradation.length();
        float[] maps = new float[cells];
        double[] upper = new double[LOADINGS];
        double[] lower = new double[LOADINGS];
        double[] keep = new double[Degradation.BLOCKS];
        float[][] prototype = new float[Degradation.BLOCKS][];
        for (int t = 0; t < length; t++) {
            for (int m = 0; m < NUISANCE_DIM; m++) {
                upper[m] = u[m][t];
                lower[m] = u[m][t];
            }
            for (int h = 0; h < HALF; h++) {
                upper[NUISANCE_DIM + h] = displayGain * (activation(displayed, t, h) - hiddenMean[h]);
                lower[NUISANCE_DIM + h] = displayGain * (activation(displayed, t, HALF + h) - hiddenMean[HALF + h]);
            }
            for (int b = 0; b < Degradation.BLOCKS; b++) {
                keep[b] = 1.0 - degradation.severity(t, b);
                prototype[b] = prototypes[degradation.type(t, b).ordinal()];
            }
            for (int c = 0; c < channels; c++) {
                double gain = gains[c];
                for (int rc = 0; rc < CELLS_PER_CHANNEL; rc++) {
                    int j = c * CELLS_PER_CHANNEL + rc;
                    int row = rc >> 2;
                    int block = (row >> 1) * 2 + ((rc & 3) >> 1);
                    double[] coef = row < 2 ? upper : lower;
                    double content = identity[j];
                    int l = j * LOADINGS;
                    for (int k = 0; k < LOADINGS; k++) {
                        content += loadings[l + k] * coef[k];
                    }
                    double severity = 1.0 - keep[block];
                    double v = CENTRE + keep[block] * content + severity * prototype[block][j]
                            + noiseStd * rng.nextGaussian();
                    maps[j] = (float) (gain * v);
                }
            }
            sink.accept(t, maps);
        }
    }

    /**
     * Average-pools C x 4 x 4 maps over 2 x 2 cells into C x 2 x 2 features.
     *
     * @param maps one frame's maps
     * @param features the destination
     * @param offset where the frame's features start in {@code features}
     */
    static void pool(float[] maps, float[] features, int offset) {
        int channels = maps.length / CELLS_PER_CHANNEL;
        for (int c = 0; c < channels; c++) {
            int m = c * CELLS_PER_CHANNEL;
            for (int r = 0; r < 2; r++) {
                for (int k = 0; k < 2; k++) {
                    int top = m + (2 * r) * 4 + 2 * k;
                    int bottom = top + 4;
                    double sum = (double) maps[top] + maps[top + 1] + maps[bottom] + maps[bottom + 1];
                    features[offset + c * FEATURES_PER_CHANNEL + r * 2 + k] = (float) (0.25 * sum);
                }
            }
        }
    }

    private double activation(float[] labels, int t, int h) {
        double z = hiddenBias[h];
        for (int d = 0; d < dy; d++) {
            z += inputWeights[h * dy + d] * (labels[t * dy + d] - labelCentre);
        }
        return StrictMath.tanh(z);
    }

    /** The hidden activations of label trajectories drawn from the label prior, [frame][HIDDEN]. */
    private double[][] priorActivations(Rng rng, LabelSpace space, double fps) {
        double[][] a = new double[PRIOR_VIDEOS * PRIOR_FRAMES][HIDDEN];
        for (int v = 0; v < PRIOR_VIDEOS; v++) {
            double[] baseline = LabelProcesses.baseline(rng);
            double expressivity = rng.uniform(LabelProcesses.EXPRESSIVITY_MIN, LabelProcesses.EXPRESSIVITY_MAX);
            float[] labels = LabelProcesses.normalised(rng, space, baseline, expressivity, PRIOR_FRAMES, fps);
            for (int t = 0; t < PRIOR_FRAMES; t++) {
                for (int h = 0; h < HIDDEN; h++) {
                    a[v * PRIOR_FRAMES + t][h] = activation(labels, t, h);
                }
            }
        }
        return a;
    }

    /**
     * Scales the expression loadings B so that over the label prior the variance of F averages
     * {@code share} per cell.
     */
    private void scaleExpression(double[][] prior, double share) {
        int n = prior.length;
        double[][] cov = new double[HIDDEN][HIDDEN];
        for (double[] a : prior) {
            for (int h = 0; h < HIDDEN; h++) {
                double ah = a[h] - hiddenMean[h];
                for (int k = 0; k < HIDDEN; k++) {
                    cov[h][k] += ah * (a[k] - hiddenMean[k]) / n;
                }
            }
        }
        double total = 0;
        for (int j = 0; j < cells; j++) {
            int half = (j % CELLS_PER_CHANNEL) < 8 ? 0 : HALF;
            int l = j * LOADINGS + NUISANCE_DIM;
            for (int h = 0; h < HALF; h++) {
                for (int k = 0; k < HALF; k++) {
                    total += loadings[l + h] * cov[half + h][half + k] * loadings[l + k];
                }
            }
        }
        double mean = total / cells;
        double scale = mean > 0 ? Math.sqrt(share / mean) : 0.0;
        for (int j = 0; j < cells; j++) {
            int l = j * LOADINGS + NUISANCE_DIM;
            for (int h = 0; h < HALF; h++) {
                loadings[l + h] = (float) (scale * loadings[l + h]);
            }
        }
    }

    private static void fill(Rng rng, float[] dst, double std) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] = (float) (std * rng.nextGaussian());
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
