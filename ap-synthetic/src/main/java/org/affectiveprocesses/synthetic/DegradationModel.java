package org.affectiveprocesses.synthetic;

/**
 * How often and where the synthetic corpus degrades faces: the rates of the episode types, the
 * scale of the head's yaw (extreme pose degrades the far half of the face) and how far an
 * occlusion of one half of the face leaks into the other half's features. Every value and its
 * source are documented in {@link SyntheticAffectCorpus} and {@code docs/synthetic-corpus.md};
 * no source gives per-frame rates for in-the-wild affect video, so the defaults are our choice.
 *
 * @param lowerOcclusionsPerMinute lower-face occlusions (hand, microphone) started per minute,
 *     before the subject's rate multiplier
 * @param upperOcclusionsPerMinute upper-face occlusions (hand on brow or eyes, hair) started per
 *     minute, before the subject's rate multiplier
 * @param globalPerMinute global degradations (motion blur, exposure, compression burst) started
 *     per minute
 * @param yawScaleDegrees the standard deviation of the head's yaw in degrees; yaw beyond 45°
 *     degrades the far half of the face, fully at 90°; 0 turns pose degradation off
 * @param receptiveLeak λ, the fraction of an occlusion's severity that reaches the other half's
 *     blocks
 */
public record DegradationModel(
        double lowerOcclusionsPerMinute,
        double upperOcclusionsPerMinute,
        double globalPerMinute,
        double yawScaleDegrees,
        double receptiveLeak) {

    /** The largest episode rate accepted, per minute. */
    public static final double MAX_PER_MINUTE = 1000.0;

    /**
     * Validates the settings.
     *
     * @param lowerOcclusionsPerMinute in [0, {@value #MAX_PER_MINUTE}]
     * @param upperOcclusionsPerMinute in [0, {@value #MAX_PER_MINUTE}]
     * @param globalPerMinute in [0, {@value #MAX_PER_MINUTE}]
     * @param yawScaleDegrees in [0, 180]
     * @param receptiveLeak in [0, 1]
     * @throws IllegalArgumentException naming the offending setting if one is out of range
     */
    public DegradationModel {
        rate("lowerOcclusionsPerMinute", lowerOcclusionsPerMinute);
        rate("upperOcclusionsPerMinute", upperOcclusionsPerMinute);
        rate("globalPerMinute", globalPerMinute);
        FeatureModel.nonNegative("yawScaleDegrees", yawScaleDegrees);
        if (yawScaleDegrees > 180) {
            throw new IllegalArgumentException("yawScaleDegrees must be at most 180, got " + yawScaleDegrees);
        }
        FeatureModel.nonNegative("receptiveLeak", receptiveLeak);
        if (receptiveLeak > 1) {
            throw new IllegalArgumentException("receptiveLeak must be at most 1, got " + receptiveLeak);
        }
    }

    /**
     * The defaults: 1.5 lower and 0.5 upper occlusions per minute, 3 global degradations per
     * minute, yaw of standard deviation 25°, leak λ = 0.25; on average about 18% of the frames
     * are degraded to some degree.
     *
     * @return the default degradation model
     */
    public static DegradationModel defaults() {
        return new DegradationModel(1.5, 0.5, 3.0, 25.0, 0.25);
    }

    /**
     * No degradation at all: every frame is clean (quality 1).
     *
     * @return the model with every rate and the yaw scale at 0
     */
    public static DegradationModel none() {
        return new DegradationModel(0, 0, 0, 0, 0.25);
    }

    /**
     * A copy with other episode rates.
     *
     * @param lower lower-face occlusions per minute
     * @param upper upper-face occlusions per minute
     * @param global global degradations per minute
     * @return the copy
     */
    public DegradationModel withRates(double lower, double upper, double global) {
        return new DegradationModel(lower, upper, global, yawScaleDegrees, receptiveLeak);
    }

    /**
     * A copy with another yaw scale.
     *
     * @param degrees the standard deviation of the yaw; 0 turns pose degradation off
     * @return the copy
     */
    public DegradationModel withYawScaleDegrees(double degrees) {
        return new DegradationModel(lowerOcclusionsPerMinute, upperOcclusionsPerMinute, globalPerMinute,
                degrees, receptiveLeak);
    }

    /**
     * A copy with another leak of occlusions into the other half's blocks.
     *
     * @param leak λ in [0, 1]
     * @return the copy
     */
    public DegradationModel withReceptiveLeak(double leak) {
        return new DegradationModel(lowerOcclusionsPerMinute, upperOcclusionsPerMinute, globalPerMinute,
                yawScaleDegrees, leak);
    }

    static void rate(String name, double value) {
        FeatureModel.nonNegative(name, value);
        if (value > MAX_PER_MINUTE) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_PER_MINUTE + ", got " + value);
        }
    }
}
