package org.affectiveprocesses.synthetic;

import java.util.Objects;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;

/**
 * The settings of a {@link SyntheticAffectCorpus}: what is labelled, how many subjects and
 * videos, how long the videos are, the feature size, and the noise knobs of the feature model
 * (see {@link SyntheticAffectCorpus} for the generative model they enter).
 *
 * <p>The corpus is a pure function of this record: the same configuration (in particular the
 * same {@link #seed()}) always generates bitwise identical data, on any machine and with any
 * number of threads.
 *
 * <p>Subjects are divided into three subject-disjoint splits: the first {@link
 * #trainSubjects()} subjects form {@code "train"}, the next {@link #validationSubjects()}
 * {@code "validation"} and the last {@link #testSubjects()} {@code "test"}.
 *
 * <p>The four standard deviations ({@link #noiseStd()}, {@link #identityStd()}, {@link
 * #nuisanceStd()}, {@link #occlusionStd()}) are stated at the reference feature size of 512
 * and scaled per feature by {@code sqrt(featureSize / 512)}, so that the accuracy of the
 * per-frame backbone head depends on them but hardly on the feature size.
 *
 * <p>Instances are immutable and validated on construction; use the presets {@link
 * #valenceArousal()}, {@link #actionUnits()} and {@link #small(long)} and the {@code with*}
 * copy methods.
 *
 * @param labelSpace what is labelled: {@link LabelSpace#valenceArousal()} or an Action Unit
 *     space (raw intensities 0-5, e.g. {@link LabelSpace#bp4d()})
 * @param seed the seed that determines every generated value
 * @param trainSubjects the number of subjects in the {@code "train"} split (&ge; 1)
 * @param validationSubjects the number of subjects in the {@code "validation"} split (&ge; 1);
 *     it chooses the ridge penalty of the backbone head
 * @param testSubjects the number of subjects in the {@code "test"} split (&ge; 1)
 * @param videosPerSubject the number of videos of every subject (&ge; 1)
 * @param minFrames the shortest video, in frames (&ge; 2)
 * @param maxFrames the longest video, in frames (&ge; {@code minFrames}); lengths are uniform
 *     in {@code [minFrames, maxFrames]}
 * @param featureSize the feature size dx (&ge; 1; 512 in the paper)
 * @param fps the frame rate in frames per second; the label and nuisance time constants are
 *     stated in seconds, so this sets how many frames an episode lasts
 * @param noiseStd sigma_n, the standard deviation of the i.i.d. per-feature noise on a
 *     full-quality frame; it grows to {@code sigma_n (1 + 3 (1 - q))} at quality q
 * @param identityStd the per-feature standard deviation of the subject identity vectors
 * @param nuisanceStd the per-feature standard deviation of the smooth nuisance (head pose,
 *     lighting) P u_t
 * @param occlusionStd the per-feature standard deviation of the occlusion pattern J v_t at
 *     quality 0 (it is scaled by {@code 1 - q})
 * @param lowQualityEpisodesPerMinute the rate at which low-quality episodes (occlusion, extreme
 *     pose) start, per minute of good video
 * @param maxHeadTrainingFrames the most training frames the ridge head is fitted on (evenly
 *     spaced over the training split when it has more); &ge; 2
 */
public record SyntheticConfig(
        LabelSpace labelSpace,
        long seed,
        int trainSubjects,
        int validationSubjects,
        int testSubjects,
        int videosPerSubject,
        int minFrames,
        int maxFrames,
        int featureSize,
        double fps,
        double noiseStd,
        double identityStd,
        double nuisanceStd,
        double occlusionStd,
        double lowQualityEpisodesPerMinute,
        int maxHeadTrainingFrames) {

    /**
     * The seed of the presets. It was picked among a handful of seeds as a representative draw:
     * the backbone head's test scores with it lie near their mean over seeds.
     */
    public static final long DEFAULT_SEED = 3L;

    /** The reference feature size at which the noise knobs are stated. */
    public static final int REFERENCE_FEATURE_SIZE = 512;

    /**
     * Validates the settings.
     *
     * @param labelSpace valence/arousal or an Action Unit space with raw range 0-5
     * @param seed the seed
     * @param trainSubjects subjects in {@code "train"} (&ge; 1)
     * @param validationSubjects subjects in {@code "validation"} (&ge; 1)
     * @param testSubjects subjects in {@code "test"} (&ge; 1)
     * @param videosPerSubject videos per subject (&ge; 1)
     * @param minFrames the shortest video (&ge; 2)
     * @param maxFrames the longest video (&ge; {@code minFrames})
     * @param featureSize the feature size (&ge; 1)
     * @param fps the frame rate (positive, finite)
     * @param noiseStd sigma_n (finite, &ge; 0)
     * @param identityStd the identity strength (finite, &ge; 0)
     * @param nuisanceStd the nuisance strength (finite, &ge; 0)
     * @param occlusionStd the occlusion strength (finite, &ge; 0)
     * @param lowQualityEpisodesPerMinute the episode rate (finite, &ge; 0)
     * @param maxHeadTrainingFrames the cap on head training frames (&ge; 2)
     * @throws NullPointerException if the label space is null
     * @throws IllegalArgumentException naming the offending setting if one is out of range
     */
    public SyntheticConfig {
        Objects.requireNonNull(labelSpace, "labelSpace");
        if (labelSpace.kind() == LabelKind.VALENCE_AROUSAL) {
            if (labelSpace.size() != 2 || labelSpace.rawMin() != -1.0 || labelSpace.rawMax() != 1.0) {
                throw new IllegalArgumentException("a valence/arousal label space must have 2 dimensions"
                        + " with raw range [-1, 1], got " + labelSpace);
            }
        } else if (labelSpace.kind() == LabelKind.ACTION_UNITS) {
            if (labelSpace.rawMin() != 0.0 || labelSpace.rawMax() != 5.0) {
                throw new IllegalArgumentException("an Action Unit label space must have raw range"
                        + " [0, 5], got " + labelSpace);
            }
        } else {
            throw new IllegalArgumentException("the synthetic corpus generates valence/arousal or"
                    + " Action Unit labels, not " + labelSpace.kind() + " (" + labelSpace + ")");
        }
        atLeast("trainSubjects", trainSubjects, 1);
        atLeast("validationSubjects", validationSubjects, 1);
        atLeast("testSubjects", testSubjects, 1);
        atLeast("videosPerSubject", videosPerSubject, 1);
        atLeast("minFrames", minFrames, 2);
        atLeast("maxFrames", maxFrames, minFrames);
        atLeast("featureSize", featureSize, 1);
        atLeast("maxHeadTrainingFrames", maxHeadTrainingFrames, 2);
        long subjects = (long) trainSubjects + validationSubjects + testSubjects;
        if (subjects * videosPerSubject > 1_000_000L) {
            throw new IllegalArgumentException("at most 1,000,000 videos, got " + subjects
                    + " subjects x " + videosPerSubject + " videos");
        }
        if ((long) maxFrames * featureSize > Integer.MAX_VALUE - 16L) {
            throw new IllegalArgumentException("maxFrames x featureSize must fit in one array, got "
                    + maxFrames + " x " + featureSize);
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps must be positive and finite, got " + fps);
        }
        nonNegative("noiseStd", noiseStd);
        nonNegative("identityStd", identityStd);
        nonNegative("nuisanceStd", nuisanceStd);
        nonNegative("occlusionStd", occlusionStd);
        nonNegative("lowQualityEpisodesPerMinute", lowQualityEpisodesPerMinute);
    }

    /**
     * The valence/arousal preset: 24 subjects (16 train / 4 validation / 4 test), 2 videos each
     * of 600-1500 frames at 30 frames/s, 512 features, seed {@link #DEFAULT_SEED}; noise sigma_n 3.5,
     * identity 0.5, nuisance 1, occlusion 3, 6 low-quality episodes per minute, head fitted on at
     * most 10,000 frames. Its backbone head reaches a test CCC of about 0.58 (valence) and 0.61
     * (arousal).
     *
     * @return the preset
     */
    public static SyntheticConfig valenceArousal() {
        return new SyntheticConfig(LabelSpace.valenceArousal(), DEFAULT_SEED, 16, 4, 4, 2, 600, 1500,
                REFERENCE_FEATURE_SIZE, 30.0, 3.5, 0.5, 1.0, 3.0, 6.0, 10_000);
    }

    /**
     * The Action Unit preset: as {@link #valenceArousal()} but labelled with the 5 BP4D Action
     * Units ({@link LabelSpace#bp4d()}: AU6, AU10, AU12, AU14, AU17).
     *
     * @return the preset
     */
    public static SyntheticConfig actionUnits() {
        return valenceArousal().withLabelSpace(LabelSpace.bp4d());
    }

    /**
     * A small valence/arousal preset for tests and examples: 8 subjects (4 / 2 / 2), 2 videos
     * each of 300-400 frames, 64 features; generated in well under a second.
     *
     * @param seed the seed
     * @return the preset
     */
    public static SyntheticConfig small(long seed) {
        return valenceArousal().withSeed(seed).withSubjects(4, 2, 2).withFrames(300, 400)
                .withFeatureSize(64);
    }

    /**
     * The total number of subjects over the three splits.
     *
     * @return {@code trainSubjects + validationSubjects + testSubjects}
     */
    public int subjects() {
        return trainSubjects + validationSubjects + testSubjects;
    }

    /**
     * A copy with another label space.
     *
     * @param newLabelSpace valence/arousal or an Action Unit space with raw range 0-5
     * @return the copy
     */
    public SyntheticConfig withLabelSpace(LabelSpace newLabelSpace) {
        return new SyntheticConfig(newLabelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, noiseStd, identityStd,
                nuisanceStd, occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another seed.
     *
     * @param newSeed the seed
     * @return the copy
     */
    public SyntheticConfig withSeed(long newSeed) {
        return new SyntheticConfig(labelSpace, newSeed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, noiseStd, identityStd,
                nuisanceStd, occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with other subject counts per split.
     *
     * @param train subjects in {@code "train"}
     * @param validation subjects in {@code "validation"}
     * @param test subjects in {@code "test"}
     * @return the copy
     */
    public SyntheticConfig withSubjects(int train, int validation, int test) {
        return new SyntheticConfig(labelSpace, seed, train, validation, test, videosPerSubject,
                minFrames, maxFrames, featureSize, fps, noiseStd, identityStd, nuisanceStd,
                occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another number of videos per subject.
     *
     * @param videos videos per subject
     * @return the copy
     */
    public SyntheticConfig withVideosPerSubject(int videos) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videos, minFrames, maxFrames, featureSize, fps, noiseStd, identityStd, nuisanceStd,
                occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another range of video lengths.
     *
     * @param min the shortest video in frames
     * @param max the longest video in frames
     * @return the copy
     */
    public SyntheticConfig withFrames(int min, int max) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, min, max, featureSize, fps, noiseStd, identityStd, nuisanceStd,
                occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another feature size.
     *
     * @param size the feature size dx
     * @return the copy
     */
    public SyntheticConfig withFeatureSize(int size) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, size, fps, noiseStd, identityStd, nuisanceStd,
                occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another frame rate.
     *
     * @param framesPerSecond the frame rate
     * @return the copy
     */
    public SyntheticConfig withFps(double framesPerSecond) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, framesPerSecond, noiseStd,
                identityStd, nuisanceStd, occlusionStd, lowQualityEpisodesPerMinute,
                maxHeadTrainingFrames);
    }

    /**
     * A copy with another per-feature noise level sigma_n.
     *
     * @param std the noise standard deviation on full-quality frames
     * @return the copy
     */
    public SyntheticConfig withNoiseStd(double std) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, std, identityStd, nuisanceStd,
                occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another identity strength.
     *
     * @param std the per-feature standard deviation of the subject identity vectors
     * @return the copy
     */
    public SyntheticConfig withIdentityStd(double std) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, noiseStd, std, nuisanceStd,
                occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another nuisance strength.
     *
     * @param std the per-feature standard deviation of the smooth nuisance
     * @return the copy
     */
    public SyntheticConfig withNuisanceStd(double std) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, noiseStd, identityStd, std,
                occlusionStd, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another occlusion strength.
     *
     * @param std the per-feature standard deviation of the occlusion pattern at quality 0
     * @return the copy
     */
    public SyntheticConfig withOcclusionStd(double std) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, noiseStd, identityStd,
                nuisanceStd, std, lowQualityEpisodesPerMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another rate of low-quality episodes; 0 gives full quality throughout.
     *
     * @param perMinute episodes started per minute of good video
     * @return the copy
     */
    public SyntheticConfig withLowQualityEpisodesPerMinute(double perMinute) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, noiseStd, identityStd,
                nuisanceStd, occlusionStd, perMinute, maxHeadTrainingFrames);
    }

    /**
     * A copy with another cap on the frames the ridge head is fitted on.
     *
     * @param frames the most training frames used
     * @return the copy
     */
    public SyntheticConfig withMaxHeadTrainingFrames(int frames) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, noiseStd, identityStd,
                nuisanceStd, occlusionStd, lowQualityEpisodesPerMinute, frames);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and non-negative, got " + value);
        }
    }
}
