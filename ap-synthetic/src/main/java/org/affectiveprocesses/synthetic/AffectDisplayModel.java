package org.affectiveprocesses.synthetic;

/**
 * How the valence/arousal labels of the synthetic corpus relate to what the face displays: the
 * labels are the apparent affect as annotators trace it, while the features show the face, which
 * displays the affect only in sparse expressive episodes (closer to neutral in between), ahead of
 * the annotators' trace by their reaction lag, and without the part of the labelled affect that
 * annotators read from other cues. Every value and its source are documented in {@link
 * SyntheticAffectCorpus} and {@code docs/synthetic-corpus.md}; the episode rate, the resting
 * display and the hidden shares are our choice (no source gives them), the episode durations and
 * the lag range come from the literature.
 *
 * <p>Action Unit labels are facial actions coded frame by frame (FACS): what is labelled is what
 * the face does, so this model does not apply to Action Unit label spaces.
 *
 * @param episodesPerMinute expressive episodes started per minute, before the subject's
 *     expressivity multiplier (uniform in 0.6-1.4)
 * @param minEpisodeSeconds the shortest episode
 * @param maxEpisodeSeconds the longest episode; durations are uniform in between
 * @param restingDisplay κ, the fraction of the affect the face displays between episodes (1: the
 *     face displays the whole affect on every frame, which turns sparse display off)
 * @param minLagSeconds the shortest annotator reaction lag
 * @param maxLagSeconds the longest annotator reaction lag; lags are uniform in between, one per
 *     video and dimension (0 and 0 turn the lag off)
 * @param hiddenValenceShare the share of the within-video dynamics of valence that the face does
 *     not show
 * @param hiddenArousalShare the share of the within-video dynamics of arousal that the face does
 *     not show
 */
public record AffectDisplayModel(
        double episodesPerMinute,
        double minEpisodeSeconds,
        double maxEpisodeSeconds,
        double restingDisplay,
        double minLagSeconds,
        double maxLagSeconds,
        double hiddenValenceShare,
        double hiddenArousalShare) {

    /** The longest episode accepted, in seconds. */
    public static final double MAX_EPISODE_SECONDS = 60.0;
    /** The longest annotator lag accepted, in seconds. */
    public static final double MAX_LAG_SECONDS = 30.0;

    /**
     * Validates the settings.
     *
     * @param episodesPerMinute in [0, {@value DegradationModel#MAX_PER_MINUTE}]
     * @param minEpisodeSeconds in (0, {@code maxEpisodeSeconds}]
     * @param maxEpisodeSeconds at most {@value #MAX_EPISODE_SECONDS}
     * @param restingDisplay in [0, 1]
     * @param minLagSeconds in [0, {@code maxLagSeconds}]
     * @param maxLagSeconds at most {@value #MAX_LAG_SECONDS}
     * @param hiddenValenceShare in [0, 1]
     * @param hiddenArousalShare in [0, 1]
     * @throws IllegalArgumentException naming the offending setting if one is out of range
     */
    public AffectDisplayModel {
        DegradationModel.rate("episodesPerMinute", episodesPerMinute);
        FeatureModel.nonNegative("minEpisodeSeconds", minEpisodeSeconds);
        if (minEpisodeSeconds == 0) {
            throw new IllegalArgumentException("minEpisodeSeconds must be positive, got 0");
        }
        ordered("minEpisodeSeconds", minEpisodeSeconds, "maxEpisodeSeconds", maxEpisodeSeconds,
                MAX_EPISODE_SECONDS);
        fraction("restingDisplay", restingDisplay);
        FeatureModel.nonNegative("minLagSeconds", minLagSeconds);
        ordered("minLagSeconds", minLagSeconds, "maxLagSeconds", maxLagSeconds, MAX_LAG_SECONDS);
        fraction("hiddenValenceShare", hiddenValenceShare);
        fraction("hiddenArousalShare", hiddenArousalShare);
    }

    /**
     * The defaults: 6 expressive episodes per minute (times the subject's expressivity) of 0.5-4
     * s, a resting display of 0.2, annotator lags of 1-6 s, and hidden shares of 0.2 (valence)
     * and 0.4 (arousal).
     *
     * @return the default model
     */
    public static AffectDisplayModel defaults() {
        return new AffectDisplayModel(6.0, 0.5, 4.0, 0.2, 1.0, 6.0, 0.2, 0.4);
    }

    /**
     * The face displays the label on every frame: no sparse display, no lag, nothing hidden.
     *
     * @return the defaults with all three ingredients off
     */
    public static AffectDisplayModel none() {
        return defaults().withoutSparseDisplay().withoutLag().withoutHiddenAffect();
    }

    /**
     * A copy with other expressive episodes.
     *
     * @param perMinute episodes started per minute, before the subject's expressivity
     * @param minSeconds the shortest episode
     * @param maxSeconds the longest episode
     * @param resting the fraction of the affect displayed between episodes
     * @return the copy
     */
    public AffectDisplayModel withDisplayEpisodes(double perMinute, double minSeconds, double maxSeconds,
            double resting) {
        return new AffectDisplayModel(perMinute, minSeconds, maxSeconds, resting, minLagSeconds,
                maxLagSeconds, hiddenValenceShare, hiddenArousalShare);
    }

    /**
     * A copy in which the face displays the whole affect on every frame (resting display 1).
     *
     * @return the copy
     */
    public AffectDisplayModel withoutSparseDisplay() {
        return withDisplayEpisodes(episodesPerMinute, minEpisodeSeconds, maxEpisodeSeconds, 1.0);
    }

    /**
     * A copy with another range of annotator lags.
     *
     * @param minSeconds the shortest lag
     * @param maxSeconds the longest lag
     * @return the copy
     */
    public AffectDisplayModel withLagSeconds(double minSeconds, double maxSeconds) {
        return new AffectDisplayModel(episodesPerMinute, minEpisodeSeconds, maxEpisodeSeconds,
                restingDisplay, minSeconds, maxSeconds, hiddenValenceShare, hiddenArousalShare);
    }

    /**
     * A copy whose labels do not lag behind the face.
     *
     * @return the copy with lags of 0 s
     */
    public AffectDisplayModel withoutLag() {
        return withLagSeconds(0, 0);
    }

    /**
     * A copy with other hidden shares.
     *
     * @param valence the share of the valence dynamics the face does not show
     * @param arousal the share of the arousal dynamics the face does not show
     * @return the copy
     */
    public AffectDisplayModel withHiddenShares(double valence, double arousal) {
        return new AffectDisplayModel(episodesPerMinute, minEpisodeSeconds, maxEpisodeSeconds,
                restingDisplay, minLagSeconds, maxLagSeconds, valence, arousal);
    }

    /**
     * A copy in which the face shows all of the labelled affect.
     *
     * @return the copy with hidden shares of 0
     */
    public AffectDisplayModel withoutHiddenAffect() {
        return withHiddenShares(0, 0);
    }

    private static void fraction(String name, double value) {
        FeatureModel.nonNegative(name, value);
        if (value > 1) {
            throw new IllegalArgumentException(name + " must be at most 1, got " + value);
        }
    }

    private static void ordered(String minName, double min, String maxName, double max, double limit) {
        FeatureModel.nonNegative(maxName, max);
        if (max > limit) {
            throw new IllegalArgumentException(maxName + " must be at most " + limit + ", got " + max);
        }
        if (min > max) {
            throw new IllegalArgumentException(minName + " (" + min + ") must not exceed " + maxName
                    + " (" + max + ")");
        }
    }
}
