package org.affectiveprocesses.synthetic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;

/**
 * The settings of a {@link SyntheticAffectCorpus}: what is labelled, how many subjects and
 * videos, how long the videos are, the feature size, how features are composed ({@link
 * FeatureModel}), how faces are degraded ({@link DegradationModel}) and how valence/arousal labels
 * relate to what the face displays ({@link AffectDisplayModel}); see {@link SyntheticAffectCorpus}
 * for the generative model they enter, and {@link #corpusName()} for the name that identifies the
 * data.
 *
 * <p>The corpus is a pure function of this record: the same configuration (in particular the
 * same {@link #seed()}) always generates bitwise identical data, on any machine and with any
 * number of threads.
 *
 * <p>Subjects are divided into three subject-disjoint splits: the first {@link
 * #trainSubjects()} subjects form {@code "train"}, the next {@link #validationSubjects()}
 * {@code "validation"} and the last {@link #testSubjects()} {@code "test"}.
 *
 * <p>Instances are immutable and validated on construction; use the presets {@link
 * #valenceArousal()}, {@link #actionUnits()} and {@link #small(long)} and the {@code with*}
 * copy methods.
 *
 * @param labelSpace what is labelled: {@link LabelSpace#valenceArousal()} or an Action Unit
 *     space (raw intensities 0-5, e.g. {@link LabelSpace#bp4d()})
 * @param seed the seed every random draw derives from
 * @param trainSubjects the number of subjects in the {@code "train"} split (&ge; 1); the
 *     backbone head is fitted on them
 * @param validationSubjects the number of subjects in the {@code "validation"} split (&ge; 1);
 *     it chooses the ridge penalty of the backbone head
 * @param testSubjects the number of subjects in the {@code "test"} split (&ge; 1)
 * @param videosPerSubject the number of videos of every subject (&ge; 1)
 * @param minFrames the shortest video, in frames (&ge; 2)
 * @param maxFrames the longest video, in frames (&ge; {@code minFrames}); lengths are uniform
 *     in {@code [minFrames, maxFrames]}
 * @param featureSize the feature size dx, a multiple of 4 (512 in the paper: 128 channels
 *     &times; 2 &times; 2) and at most 11,584; the backbone head reads the 4 &times; 4 maps, 4 dx
 *     values
 * @param fps the frame rate in frames per second; every time constant and duration is stated in
 *     seconds, so this sets how many frames they last
 * @param features how a frame's features are composed
 * @param degradation how often and where faces are degraded
 * @param affectDisplay how the valence/arousal labels relate to what the face displays (not used
 *     for Action Units, which are coded from the face itself)
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
        FeatureModel features,
        DegradationModel degradation,
        AffectDisplayModel affectDisplay,
        int maxHeadTrainingFrames) {

    /**
     * The seed of the presets, of {@code ap demo} and of the command line's synthetic data:
     * 1, the first seed. It was not chosen by any result; one seed everywhere means that a model
     * trained on the preset (as the README's Java example does) is evaluated on the same data
     * by {@code ap evaluate --synthetic va}.
     */
    public static final long DEFAULT_SEED = 1L;

    /** The names {@link #preset(String, long)} accepts. */
    public static final List<String> PRESETS = List.of("va", "au", "small");

    /** The longest affect series a valence/arousal video may need: its frames plus the longest lag. */
    private static final double MAX_AFFECT_FRAMES = 1.0e9;
    /** Hexadecimal digits of the configuration's SHA-256 in {@link #corpusName()}. */
    private static final int FINGERPRINT_DIGITS = 8;

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
     * @param featureSize the feature size (a positive multiple of 4, at most 11,584)
     * @param fps the frame rate (positive, finite)
     * @param features the feature model (not null)
     * @param degradation the degradation model (not null)
     * @param affectDisplay the affect display model (not null)
     * @param maxHeadTrainingFrames the cap on head training frames (&ge; 2)
     * @throws NullPointerException if the label space or a model is null
     * @throws IllegalArgumentException naming the offending setting if one is out of range
     */
    public SyntheticConfig {
        Objects.requireNonNull(labelSpace, "labelSpace");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(degradation, "degradation");
        Objects.requireNonNull(affectDisplay, "affectDisplay");
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
        atLeast("featureSize", featureSize, 4);
        if (featureSize % 4 != 0) {
            throw new IllegalArgumentException("featureSize must be a multiple of 4 (channels x 2 x 2),"
                    + " got " + featureSize);
        }
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
        if (16L * featureSize * featureSize > Integer.MAX_VALUE - 16L) {
            throw new IllegalArgumentException("the backbone head's system, (4 featureSize)² values, must fit"
                    + " in one array; featureSize " + featureSize + " is too large (at most 11,584)");
        }
        if ((long) maxHeadTrainingFrames * 4 * featureSize > Integer.MAX_VALUE - 16L) {
            throw new IllegalArgumentException("maxHeadTrainingFrames x 4 featureSize must fit in one"
                    + " array, got " + maxHeadTrainingFrames + " x " + 4L * featureSize);
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps must be positive and finite, got " + fps);
        }
        if (labelSpace.kind() == LabelKind.VALENCE_AROUSAL
                && maxFrames + AffectDisplayModel.MAX_LAG_SECONDS * fps > MAX_AFFECT_FRAMES) {
            throw new IllegalArgumentException("a valence/arousal video's affect starts the longest annotator lag ("
                    + AffectDisplayModel.MAX_LAG_SECONDS + " s) before its first frame; maxFrames plus that many frames"
                    + " must be at most " + (long) MAX_AFFECT_FRAMES + ", got " + maxFrames + " + "
                    + AffectDisplayModel.MAX_LAG_SECONDS + " s x " + fps + " frames/s");
        }
    }

    /**
     * The valence/arousal preset: 24 subjects (16 train / 4 validation / 4 test), 2 videos each
     * of 600-1500 frames at 30 frames/s, 512 features, seed {@link #DEFAULT_SEED}, the default
     * {@link FeatureModel}, {@link DegradationModel} and {@link AffectDisplayModel}, head fitted on
     * at most 10,000 frames.
     *
     * @return the preset
     */
    public static SyntheticConfig valenceArousal() {
        return new SyntheticConfig(LabelSpace.valenceArousal(), DEFAULT_SEED, 16, 4, 4, 2, 600, 1500,
                512, 30.0, FeatureModel.defaults(), DegradationModel.defaults(), AffectDisplayModel.defaults(),
                10_000);
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
     * each of 300-400 frames, 64 features.
     *
     * @param seed the seed
     * @return the preset
     */
    public static SyntheticConfig small(long seed) {
        return valenceArousal().withSeed(seed).withSubjects(4, 2, 2).withFrames(300, 400)
                .withFeatureSize(64);
    }

    /**
     * A preset by the name the {@code ap} command line gives it, so that every command and the
     * Java API mean the same data by it: {@code "va"} is {@link #valenceArousal()}, {@code "au"}
     * {@link #actionUnits()} and {@code "small"} {@link #small(long)}, each with the given seed
     * ({@link #DEFAULT_SEED} unless the user asks for another).
     *
     * @param name {@code "va"}, {@code "au"} or {@code "small"}, in any case
     * @param seed the seed
     * @return the preset
     * @throws IllegalArgumentException naming the presets if there is no such preset
     */
    public static SyntheticConfig preset(String name, long seed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "va" -> valenceArousal().withSeed(seed);
            case "au" -> actionUnits().withSeed(seed);
            case "small" -> small(seed);
            default -> throw new IllegalArgumentException("unknown synthetic preset '" + name
                    + "'; expected one of " + PRESETS);
        };
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
                videosPerSubject, minFrames, maxFrames, featureSize, fps, features, degradation,
                affectDisplay, maxHeadTrainingFrames);
    }

    /**
     * A copy with another seed.
     *
     * @param newSeed the seed
     * @return the copy
     */
    public SyntheticConfig withSeed(long newSeed) {
        return new SyntheticConfig(labelSpace, newSeed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, features, degradation,
                affectDisplay, maxHeadTrainingFrames);
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
                minFrames, maxFrames, featureSize, fps, features, degradation, affectDisplay,
                maxHeadTrainingFrames);
    }

    /**
     * A copy with another number of videos per subject.
     *
     * @param videos videos per subject
     * @return the copy
     */
    public SyntheticConfig withVideosPerSubject(int videos) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videos, minFrames, maxFrames, featureSize, fps, features, degradation, affectDisplay,
                maxHeadTrainingFrames);
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
                videosPerSubject, min, max, featureSize, fps, features, degradation, affectDisplay,
                maxHeadTrainingFrames);
    }

    /**
     * A copy with another feature size.
     *
     * @param size the feature size dx, a multiple of 4
     * @return the copy
     */
    public SyntheticConfig withFeatureSize(int size) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, size, fps, features, degradation,
                affectDisplay, maxHeadTrainingFrames);
    }

    /**
     * A copy with another frame rate.
     *
     * @param framesPerSecond the frame rate
     * @return the copy
     */
    public SyntheticConfig withFps(double framesPerSecond) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, framesPerSecond, features,
                degradation, affectDisplay, maxHeadTrainingFrames);
    }

    /**
     * A copy with another feature model.
     *
     * @param model how features are composed, e.g. {@code FeatureModel.defaults().withShares(...)}
     * @return the copy
     */
    public SyntheticConfig withFeatures(FeatureModel model) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, model, degradation,
                affectDisplay, maxHeadTrainingFrames);
    }

    /**
     * A copy with another degradation model; {@link DegradationModel#none()} keeps every frame
     * clean.
     *
     * @param model how often and where faces are degraded
     * @return the copy
     */
    public SyntheticConfig withDegradation(DegradationModel model) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, features, model,
                affectDisplay, maxHeadTrainingFrames);
    }

    /**
     * A copy with another affect display model; {@link AffectDisplayModel#none()} makes the face
     * display the valence/arousal labels on every frame. Action Unit corpora do not use it.
     *
     * @param model how the valence/arousal labels relate to what the face displays
     * @return the copy
     */
    public SyntheticConfig withAffectDisplay(AffectDisplayModel model) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, features, degradation, model,
                maxHeadTrainingFrames);
    }

    /**
     * A copy with another cap on the frames the ridge head is fitted on.
     *
     * @param frames the most training frames used
     * @return the copy
     */
    public SyntheticConfig withMaxHeadTrainingFrames(int frames) {
        return new SyntheticConfig(labelSpace, seed, trainSubjects, validationSubjects, testSubjects,
                videosPerSubject, minFrames, maxFrames, featureSize, fps, features, degradation, affectDisplay,
                frames);
    }

    /**
     * The name of the corpus this configuration generates, which identifies its data: {@code
     * "synthetic-va"} for valence/arousal, else {@code "synthetic-"} and the label space's name,
     * followed by the seed in parentheses, e.g. {@code "synthetic-va(seed 1)"} for {@link
     * #valenceArousal()} and {@code "synthetic-bp4d-au(seed 3)"} for {@code
     * actionUnits().withSeed(3)}. A configuration that differs from its preset ({@link
     * #valenceArousal()} or {@link #actionUnits()} with the same seed) in anything that changes the
     * data also carries its {@link #fingerprint()}: {@code "synthetic-va(seed 11, config
     * 1a2b3c4d)"}.
     *
     * @return the corpus name (its splits are named {@code "<name>/<split>"})
     */
    public String corpusName() {
        boolean va = labelSpace.kind() == LabelKind.VALENCE_AROUSAL;
        String base = "synthetic-" + (va ? "va" : labelSpace.name()) + "(seed " + seed;
        SyntheticConfig preset = (va ? valenceArousal() : actionUnits()).withSeed(seed);
        return canonicalText().equals(preset.canonicalText()) ? base + ")"
                : base + ", config " + fingerprint() + ")";
    }

    /**
     * A short, stable fingerprint of the data this configuration generates: the first 8
     * hexadecimal digits of the SHA-256 of {@link #canonicalText()} in UTF-8, which spells the
     * generator's version and every setting. The corpus's splits report it as their {@link
     * org.affectiveprocesses.api.SequenceDataset#source()}, so that the provenance of a model
     * names its training data by name and fingerprint.
     *
     * @return 8 lower-case hexadecimal digits
     */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalText().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, FINGERPRINT_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * The canonical text of the configuration: the version of the generator ({@link
     * SyntheticAffectCorpus#GENERATOR_VERSION}), then one {@code key=value} line per setting that
     * changes the generated data, in a fixed order, numbers as exact hexadecimal floating point
     * ({@link Double#toHexString}) so that the text, and {@link #fingerprint()}, are the same on
     * every JVM. The affect display model is left out for Action Unit label spaces, which do not
     * use it.
     *
     * @return the text, lines ending in {@code \n}
     */
    public String canonicalText() {
        StringBuilder b = new StringBuilder("synthetic-corpus-config=1\n");
        line(b, "generator", Integer.toString(SyntheticAffectCorpus.GENERATOR_VERSION));
        line(b, "labelSpace", labelSpace.name() + " " + labelSpace.kind() + " " + labelSpace.dimensions() + " "
                + hex(labelSpace.rawMin(), labelSpace.rawMax()));
        line(b, "seed", Long.toString(seed));
        line(b, "subjects", trainSubjects + " " + validationSubjects + " " + testSubjects);
        line(b, "videosPerSubject", Integer.toString(videosPerSubject));
        line(b, "frames", minFrames + " " + maxFrames);
        line(b, "featureSize", Integer.toString(featureSize));
        line(b, "fps", hex(fps));
        line(b, "features", hex(features.identityShare(), features.expressionShare(), features.nuisanceShare(),
                features.frameNoiseShare(), features.prototypeOffset(), features.channelGainSigma()));
        line(b, "degradation", hex(degradation.lowerOcclusionsPerMinute(), degradation.upperOcclusionsPerMinute(),
                degradation.globalPerMinute(), degradation.yawScaleDegrees(), degradation.receptiveLeak()));
        if (labelSpace.kind() == LabelKind.VALENCE_AROUSAL) {
            AffectDisplayModel a = affectDisplay;
            line(b, "affectDisplay", hex(a.episodesPerMinute(), a.minEpisodeSeconds(), a.maxEpisodeSeconds(),
                    a.restingDisplay(), a.minLagSeconds(), a.maxLagSeconds(), a.hiddenValenceShare(),
                    a.hiddenArousalShare()));
        }
        line(b, "maxHeadTrainingFrames", Integer.toString(maxHeadTrainingFrames));
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append('=').append(value).append('\n');
    }

    private static String hex(double... values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " ").append(Double.toHexString(v));
        }
        return b.toString();
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }
}
