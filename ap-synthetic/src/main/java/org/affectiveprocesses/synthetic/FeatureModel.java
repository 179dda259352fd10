package org.affectiveprocesses.synthetic;

/**
 * How the synthetic corpus composes a frame's features: the shares of a clean frame's
 * per-feature variance taken by each ingredient, where degraded frames move to, and how unequal
 * the channels are. Every value and its source are documented in {@link SyntheticAffectCorpus}
 * and {@code docs/synthetic-corpus.md}; the defaults follow the ordering the literature reports
 * (identity &gt; expression &gt; slow nuisance &gt; per-frame noise), and their sizes are our
 * choice: no source gives them.
 *
 * @param identityShare the share of the subject's identity (rank 16, constant per subject)
 * @param expressionShare the share of the expression content carrying the labels (before the
 *     subject's display gain, whose mean square is 1.053)
 * @param nuisanceShare the share of the slow nuisance (3 pose and 5 illumination/camera
 *     coordinates)
 * @param frameNoiseShare the share of the i.i.d. per-frame noise (compression, crop jitter); it
 *     does not grow with degradation
 * @param prototypeOffset ρ, how far the degradation prototypes lie from the centre of the
 *     features, in units of the clean per-feature standard deviation
 * @param channelGainSigma the standard deviation of the log of the per-channel gains
 */
public record FeatureModel(
        double identityShare,
        double expressionShare,
        double nuisanceShare,
        double frameNoiseShare,
        double prototypeOffset,
        double channelGainSigma) {

    /** The largest {@link #channelGainSigma()} accepted (gains within a factor e^±8 or so). */
    public static final double MAX_CHANNEL_GAIN_SIGMA = 2.0;

    /**
     * Validates the settings.
     *
     * @param identityShare finite, &ge; 0
     * @param expressionShare finite, &ge; 0
     * @param nuisanceShare finite, &ge; 0
     * @param frameNoiseShare finite, &ge; 0
     * @param prototypeOffset finite, &ge; 0
     * @param channelGainSigma in [0, {@value #MAX_CHANNEL_GAIN_SIGMA}]
     * @throws IllegalArgumentException naming the offending setting if one is out of range, or
     *     if every share is 0
     */
    public FeatureModel {
        nonNegative("identityShare", identityShare);
        nonNegative("expressionShare", expressionShare);
        nonNegative("nuisanceShare", nuisanceShare);
        nonNegative("frameNoiseShare", frameNoiseShare);
        nonNegative("prototypeOffset", prototypeOffset);
        nonNegative("channelGainSigma", channelGainSigma);
        if (channelGainSigma > MAX_CHANNEL_GAIN_SIGMA) {
            throw new IllegalArgumentException("channelGainSigma must be at most " + MAX_CHANNEL_GAIN_SIGMA
                    + ", got " + channelGainSigma);
        }
        if (identityShare + expressionShare + nuisanceShare + frameNoiseShare == 0) {
            throw new IllegalArgumentException("at least one variance share must be positive");
        }
    }

    /**
     * The defaults: shares 0.35 identity, 0.30 expression, 0.25 nuisance, 0.10 per-frame noise;
     * prototypes at ρ = 0.3; channel gains LogNormal(0, 0.5²).
     *
     * @return the default feature model
     */
    public static FeatureModel defaults() {
        return new FeatureModel(0.35, 0.30, 0.25, 0.10, 0.3, 0.5);
    }

    /**
     * A copy with other variance shares.
     *
     * @param identity the identity share
     * @param expression the expression share
     * @param nuisance the slow-nuisance share
     * @param frameNoise the per-frame noise share
     * @return the copy
     */
    public FeatureModel withShares(double identity, double expression, double nuisance, double frameNoise) {
        return new FeatureModel(identity, expression, nuisance, frameNoise, prototypeOffset, channelGainSigma);
    }

    /**
     * A copy with another prototype offset ρ.
     *
     * @param rho the offset
     * @return the copy
     */
    public FeatureModel withPrototypeOffset(double rho) {
        return new FeatureModel(identityShare, expressionShare, nuisanceShare, frameNoiseShare, rho,
                channelGainSigma);
    }

    /**
     * A copy with another spread of channel gains.
     *
     * @param sigma the standard deviation of the log gains; 0 makes every gain 1
     * @return the copy
     */
    public FeatureModel withChannelGainSigma(double sigma) {
        return new FeatureModel(identityShare, expressionShare, nuisanceShare, frameNoiseShare,
                prototypeOffset, sigma);
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and non-negative, got " + value);
        }
    }
}
