package org.affectiveprocesses.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;

class SyntheticConfigTest {
    /** The fingerprint of {@code SyntheticConfig.small(11)}, generator 3 (checked against Python hashlib). */
    private static final String PINNED_SMALL_11 = "31d59587";

    @Test
    void valenceArousalPresetHasTheDocumentedDefaults() {
        SyntheticConfig c = SyntheticConfig.valenceArousal();
        assertThat(c.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
        assertThat(c.seed()).isEqualTo(SyntheticConfig.DEFAULT_SEED).isEqualTo(1L);
        assertThat(c.subjects()).isEqualTo(24);
        assertThat(List.of(c.trainSubjects(), c.validationSubjects(), c.testSubjects()))
                .containsExactly(16, 4, 4);
        assertThat(c.videosPerSubject()).isEqualTo(2);
        assertThat(c.minFrames()).isEqualTo(600);
        assertThat(c.maxFrames()).isEqualTo(1500);
        assertThat(c.featureSize()).isEqualTo(512);
        assertThat(c.fps()).isEqualTo(30.0);
        assertThat(c.maxHeadTrainingFrames()).isEqualTo(10_000);
        assertThat(c.features()).isEqualTo(FeatureModel.defaults());
        assertThat(c.degradation()).isEqualTo(DegradationModel.defaults());
        assertThat(c.affectDisplay()).isEqualTo(AffectDisplayModel.defaults());
    }

    @Test
    void modelDefaultsAreTheDocumentedValues() {
        FeatureModel f = FeatureModel.defaults();
        assertThat(List.of(f.identityShare(), f.expressionShare(), f.nuisanceShare(), f.frameNoiseShare()))
                .containsExactly(0.35, 0.30, 0.25, 0.10);
        assertThat(f.prototypeOffset()).isEqualTo(0.3);
        assertThat(f.channelGainSigma()).isEqualTo(0.5);
        DegradationModel d = DegradationModel.defaults();
        assertThat(List.of(d.lowerOcclusionsPerMinute(), d.upperOcclusionsPerMinute(), d.globalPerMinute()))
                .containsExactly(1.5, 0.5, 3.0);
        assertThat(d.yawScaleDegrees()).isEqualTo(25.0);
        assertThat(d.receptiveLeak()).isEqualTo(0.25);
        DegradationModel none = DegradationModel.none();
        assertThat(List.of(none.lowerOcclusionsPerMinute(), none.upperOcclusionsPerMinute(),
                none.globalPerMinute(), none.yawScaleDegrees())).containsOnly(0.0);
        AffectDisplayModel a = AffectDisplayModel.defaults();
        assertThat(List.of(a.episodesPerMinute(), a.minEpisodeSeconds(), a.maxEpisodeSeconds(), a.restingDisplay()))
                .containsExactly(6.0, 0.5, 4.0, 0.2);
        assertThat(List.of(a.minLagSeconds(), a.maxLagSeconds())).containsExactly(1.0, 6.0);
        assertThat(List.of(a.hiddenValenceShare(), a.hiddenArousalShare())).containsExactly(0.2, 0.4);
        AffectDisplayModel off = AffectDisplayModel.none();
        assertThat(off.restingDisplay()).isEqualTo(1.0);
        assertThat(List.of(off.minLagSeconds(), off.maxLagSeconds(), off.hiddenValenceShare(),
                off.hiddenArousalShare())).containsOnly(0.0);
        // each knob turns off one ingredient and leaves the others
        assertThat(a.withoutSparseDisplay()).isEqualTo(a.withDisplayEpisodes(6, 0.5, 4, 1));
        assertThat(a.withoutLag()).isEqualTo(a.withLagSeconds(0, 0));
        assertThat(a.withoutHiddenAffect()).isEqualTo(a.withHiddenShares(0, 0));
        assertThat(a.withoutLag().withoutHiddenAffect().withoutSparseDisplay()).isEqualTo(off);
        assertThat(a.withoutLag().restingDisplay()).isEqualTo(0.2);
        assertThat(a.withoutSparseDisplay().maxLagSeconds()).isEqualTo(6.0);
    }

    @Test
    void actionUnitPresetUsesTheFiveBp4dUnits() {
        SyntheticConfig c = SyntheticConfig.actionUnits();
        assertThat(c.labelSpace()).isEqualTo(LabelSpace.bp4d());
        assertThat(c.labelSpace().dimensions()).containsExactly("AU6", "AU10", "AU12", "AU14", "AU17");
        assertThat(c.withLabelSpace(LabelSpace.valenceArousal())).isEqualTo(SyntheticConfig.valenceArousal());
    }

    @Test
    void smallPresetIsSmall() {
        SyntheticConfig c = SyntheticConfig.small(9);
        assertThat(c.seed()).isEqualTo(9);
        assertThat(List.of(c.trainSubjects(), c.validationSubjects(), c.testSubjects()))
                .containsExactly(4, 2, 2);
        assertThat(c.minFrames()).isEqualTo(300);
        assertThat(c.maxFrames()).isEqualTo(400);
        assertThat(c.featureSize()).isEqualTo(64);
    }

    @Test
    void withMethodsChangeOnlyTheirSetting() {
        SyntheticConfig base = SyntheticConfig.valenceArousal();
        assertThat(base.withSeed(5).seed()).isEqualTo(5);
        assertThat(base.withSeed(5).withSeed(base.seed())).isEqualTo(base);
        assertThat(base.withSubjects(3, 2, 1).subjects()).isEqualTo(6);
        assertThat(base.withVideosPerSubject(3).videosPerSubject()).isEqualTo(3);
        assertThat(base.withFrames(10, 20).maxFrames()).isEqualTo(20);
        assertThat(base.withFeatureSize(32).featureSize()).isEqualTo(32);
        assertThat(base.withFps(25).fps()).isEqualTo(25.0);
        assertThat(base.withMaxHeadTrainingFrames(100).maxHeadTrainingFrames()).isEqualTo(100);
        FeatureModel features = FeatureModel.defaults().withShares(0.1, 0.2, 0.3, 0.4).withPrototypeOffset(0.7)
                .withChannelGainSigma(0);
        assertThat(List.of(features.identityShare(), features.expressionShare(), features.nuisanceShare(),
                features.frameNoiseShare(), features.prototypeOffset(), features.channelGainSigma()))
                .containsExactly(0.1, 0.2, 0.3, 0.4, 0.7, 0.0);
        DegradationModel degradation = DegradationModel.defaults().withRates(1, 2, 3).withYawScaleDegrees(10)
                .withReceptiveLeak(0.5);
        assertThat(List.of(degradation.lowerOcclusionsPerMinute(), degradation.upperOcclusionsPerMinute(),
                degradation.globalPerMinute(), degradation.yawScaleDegrees(), degradation.receptiveLeak()))
                .containsExactly(1.0, 2.0, 3.0, 10.0, 0.5);
        AffectDisplayModel display = AffectDisplayModel.defaults().withDisplayEpisodes(3, 1, 2, 0.5)
                .withLagSeconds(2, 3).withHiddenShares(0.1, 0.3);
        assertThat(List.of(display.episodesPerMinute(), display.minEpisodeSeconds(), display.maxEpisodeSeconds(),
                display.restingDisplay(), display.minLagSeconds(), display.maxLagSeconds(),
                display.hiddenValenceShare(), display.hiddenArousalShare()))
                .containsExactly(3.0, 1.0, 2.0, 0.5, 2.0, 3.0, 0.1, 0.3);
        SyntheticConfig changed = base.withFeatures(features).withDegradation(degradation).withAffectDisplay(display);
        assertThat(changed.features()).isEqualTo(features);
        assertThat(changed.degradation()).isEqualTo(degradation);
        assertThat(changed.affectDisplay()).isEqualTo(display);
        assertThat(changed.seed()).isEqualTo(base.seed());
        assertThat(changed.withFeatures(FeatureModel.defaults()).withDegradation(DegradationModel.defaults())
                .withAffectDisplay(AffectDisplayModel.defaults())).isEqualTo(base);
    }

    @Test
    void rejectsInvalidSettingsNamingThem() {
        SyntheticConfig base = SyntheticConfig.valenceArousal();
        assertThatThrownBy(() -> base.withSubjects(0, 1, 1)).hasMessageContaining("trainSubjects");
        assertThatThrownBy(() -> base.withSubjects(1, 0, 1)).hasMessageContaining("validationSubjects");
        assertThatThrownBy(() -> base.withSubjects(1, 1, 0)).hasMessageContaining("testSubjects");
        assertThatThrownBy(() -> base.withVideosPerSubject(0)).hasMessageContaining("videosPerSubject");
        assertThatThrownBy(() -> base.withFrames(1, 5)).hasMessageContaining("minFrames");
        assertThatThrownBy(() -> base.withFrames(10, 5)).hasMessageContaining("maxFrames");
        assertThatThrownBy(() -> base.withFeatureSize(0)).hasMessageContaining("featureSize");
        assertThatThrownBy(() -> base.withFps(0)).hasMessageContaining("fps");
        assertThatThrownBy(() -> base.withFps(Double.NaN)).hasMessageContaining("fps");
        assertThatThrownBy(() -> base.withFeatureSize(30)).hasMessageContaining("featureSize")
                .hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> base.withFeatures(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> base.withDegradation(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> base.withAffectDisplay(null)).isInstanceOf(NullPointerException.class);
        AffectDisplayModel a = AffectDisplayModel.defaults();
        assertThatThrownBy(() -> a.withDisplayEpisodes(-1, 0.5, 4, 0.2)).hasMessageContaining("episodesPerMinute");
        assertThatThrownBy(() -> a.withDisplayEpisodes(6, 0, 4, 0.2)).hasMessageContaining("minEpisodeSeconds");
        assertThatThrownBy(() -> a.withDisplayEpisodes(6, 5, 4, 0.2)).hasMessageContaining("minEpisodeSeconds")
                .hasMessageContaining("maxEpisodeSeconds");
        assertThatThrownBy(() -> a.withDisplayEpisodes(6, 0.5, 61, 0.2)).hasMessageContaining("maxEpisodeSeconds");
        assertThatThrownBy(() -> a.withDisplayEpisodes(6, 0.5, 4, 1.1)).hasMessageContaining("restingDisplay");
        assertThatThrownBy(() -> a.withDisplayEpisodes(6, 0.5, 4, Double.NaN)).hasMessageContaining("restingDisplay");
        assertThatThrownBy(() -> a.withLagSeconds(-1, 6)).hasMessageContaining("minLagSeconds");
        assertThatThrownBy(() -> a.withLagSeconds(3, 2)).hasMessageContaining("minLagSeconds");
        assertThatThrownBy(() -> a.withLagSeconds(1, 31)).hasMessageContaining("maxLagSeconds");
        assertThatThrownBy(() -> a.withHiddenShares(-0.1, 0.4)).hasMessageContaining("hiddenValenceShare");
        assertThatThrownBy(() -> a.withHiddenShares(0.2, 1.5)).hasMessageContaining("hiddenArousalShare");
        assertThatThrownBy(() -> base.withFps(1e8)).hasMessageContaining("longest annotator lag");
        assertThat(SyntheticConfig.actionUnits().withFps(1e8).fps()).isEqualTo(1e8);
        FeatureModel f = FeatureModel.defaults();
        assertThatThrownBy(() -> f.withShares(-0.1, 0.3, 0.25, 0.1)).hasMessageContaining("identityShare");
        assertThatThrownBy(() -> f.withShares(0.35, Double.NaN, 0.25, 0.1)).hasMessageContaining("expressionShare");
        assertThatThrownBy(() -> f.withShares(0.35, 0.3, Double.POSITIVE_INFINITY, 0.1))
                .hasMessageContaining("nuisanceShare");
        assertThatThrownBy(() -> f.withShares(0.35, 0.3, 0.25, -1)).hasMessageContaining("frameNoiseShare");
        assertThatThrownBy(() -> f.withShares(0, 0, 0, 0)).hasMessageContaining("share");
        assertThatThrownBy(() -> f.withPrototypeOffset(-0.3)).hasMessageContaining("prototypeOffset");
        assertThatThrownBy(() -> f.withChannelGainSigma(2.5)).hasMessageContaining("channelGainSigma");
        DegradationModel d = DegradationModel.defaults();
        assertThatThrownBy(() -> d.withRates(-1, 0, 0)).hasMessageContaining("lowerOcclusionsPerMinute");
        assertThatThrownBy(() -> d.withRates(0, Double.NaN, 0)).hasMessageContaining("upperOcclusionsPerMinute");
        assertThatThrownBy(() -> d.withRates(0, 0, 1001)).hasMessageContaining("globalPerMinute");
        assertThatThrownBy(() -> d.withYawScaleDegrees(200)).hasMessageContaining("yawScaleDegrees");
        assertThatThrownBy(() -> d.withReceptiveLeak(1.5)).hasMessageContaining("receptiveLeak");
        assertThatThrownBy(() -> base.withMaxHeadTrainingFrames(1))
                .hasMessageContaining("maxHeadTrainingFrames");
        assertThatThrownBy(() -> base.withFrames(1_000_000, 1_000_000).withFeatureSize(4096))
                .hasMessageContaining("one array");
        assertThatThrownBy(() -> base.withFeatureSize(11_588)).hasMessageContaining("(4 featureSize)²");
        assertThat(base.withFeatureSize(11_584).featureSize()).isEqualTo(11_584);
        assertThatThrownBy(() -> base.withLabelSpace(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void presetsAreNamedByTheirLabelsAndSeed() {
        assertThat(SyntheticConfig.valenceArousal().corpusName()).isEqualTo("synthetic-va(seed 1)");
        assertThat(SyntheticConfig.valenceArousal().withSeed(3).corpusName()).isEqualTo("synthetic-va(seed 3)");
        assertThat(SyntheticConfig.valenceArousal().withSeed(-7).corpusName()).isEqualTo("synthetic-va(seed -7)");
        assertThat(SyntheticConfig.actionUnits().corpusName()).isEqualTo("synthetic-bp4d-au(seed 1)");
        assertThat(SyntheticConfig.actionUnits().withSeed(3).corpusName()).isEqualTo("synthetic-bp4d-au(seed 3)");
        // Action Units do not use the affect display model, so it does not change their data or name
        assertThat(SyntheticConfig.actionUnits().withAffectDisplay(AffectDisplayModel.none()).corpusName())
                .isEqualTo("synthetic-bp4d-au(seed 1)");
    }

    @Test
    void otherConfigurationsAddAStableFingerprint() {
        SyntheticConfig small = SyntheticConfig.small(11);
        assertThat(small.corpusName()).isEqualTo("synthetic-va(seed 11, config " + small.fingerprint() + ")");
        assertThat(small.fingerprint()).matches("[0-9a-f]{8}");
        // the fingerprint is the first 8 hex digits of the SHA-256 of the canonical text, which
        // spells every setting; both are pinned here so that they stay the same across versions
        assertThat(SyntheticConfig.small(11).fingerprint()).isEqualTo(small.fingerprint());
        assertThat(small.canonicalText()).isEqualTo(String.join("\n",
                "synthetic-corpus-config=1",
                "generator=3",
                "labelSpace=valence-arousal VALENCE_AROUSAL [valence, arousal] -0x1.0p0 0x1.0p0",
                "seed=11",
                "subjects=4 2 2",
                "videosPerSubject=2",
                "frames=300 400",
                "featureSize=64",
                "fps=0x1.ep4",
                "features=0x1.6666666666666p-2 0x1.3333333333333p-2 0x1.0p-2 0x1.999999999999ap-4"
                        + " 0x1.3333333333333p-2 0x1.0p-1",
                "degradation=0x1.8p0 0x1.0p-1 0x1.8p1 0x1.9p4 0x1.0p-2",
                "affectDisplay=0x1.8p2 0x1.0p-1 0x1.0p2 0x1.999999999999ap-3 0x1.0p0 0x1.8p2"
                        + " 0x1.999999999999ap-3 0x1.999999999999ap-2",
                "maxHeadTrainingFrames=10000", ""));
        assertThat(small.fingerprint()).isEqualTo(PINNED_SMALL_11);
        SyntheticConfig va = SyntheticConfig.valenceArousal();
        Set<String> names = new HashSet<>();
        for (SyntheticConfig c : List.of(va, small, SyntheticConfig.small(12), va.withFps(25), va.withFeatureSize(256),
                va.withFeatures(FeatureModel.defaults().withPrototypeOffset(0.5)),
                va.withDegradation(DegradationModel.none()), va.withAffectDisplay(AffectDisplayModel.none()),
                va.withAffectDisplay(AffectDisplayModel.defaults().withoutLag()), va.withMaxHeadTrainingFrames(5000),
                va.withLabelSpace(LabelSpace.disfa()), SyntheticConfig.actionUnits())) {
            assertThat(names.add(c.corpusName())).as("a new name for %s", c).isTrue();
        }
        assertThat(va.withLabelSpace(LabelSpace.disfa()).corpusName()).startsWith("synthetic-disfa-au(seed 1, config ");
        assertThat(SyntheticConfig.actionUnits().withAffectDisplay(AffectDisplayModel.none()).canonicalText())
                .isEqualTo(SyntheticConfig.actionUnits().canonicalText()).doesNotContain("affectDisplay");
    }

    @Test
    void everySettingThatChangesTheDataChangesTheFingerprint() {
        SyntheticConfig base = SyntheticConfig.small(11);
        FeatureModel f = base.features();
        DegradationModel d = base.degradation();
        AffectDisplayModel a = base.affectDisplay();
        List<SyntheticConfig> changed = List.of(
                base.withSeed(12),
                base.withLabelSpace(LabelSpace.bp4d()),
                base.withSubjects(5, 2, 2), base.withSubjects(4, 3, 2), base.withSubjects(4, 2, 3),
                base.withVideosPerSubject(3),
                base.withFrames(301, 400), base.withFrames(300, 401),
                base.withFeatureSize(68),
                base.withFps(25),
                base.withFeatures(f.withShares(0.36, 0.30, 0.25, 0.10)),
                base.withFeatures(f.withShares(0.35, 0.31, 0.25, 0.10)),
                base.withFeatures(f.withShares(0.35, 0.30, 0.26, 0.10)),
                base.withFeatures(f.withShares(0.35, 0.30, 0.25, 0.11)),
                base.withFeatures(f.withPrototypeOffset(0.31)),
                base.withFeatures(f.withChannelGainSigma(0.51)),
                base.withDegradation(d.withRates(1.6, 0.5, 3.0)),
                base.withDegradation(d.withRates(1.5, 0.6, 3.0)),
                base.withDegradation(d.withRates(1.5, 0.5, 3.1)),
                base.withDegradation(d.withYawScaleDegrees(26)),
                base.withDegradation(d.withReceptiveLeak(0.26)),
                base.withAffectDisplay(a.withDisplayEpisodes(7, 0.5, 4, 0.2)),
                base.withAffectDisplay(a.withDisplayEpisodes(6, 0.6, 4, 0.2)),
                base.withAffectDisplay(a.withDisplayEpisodes(6, 0.5, 4.1, 0.2)),
                base.withAffectDisplay(a.withDisplayEpisodes(6, 0.5, 4, 0.21)),
                base.withAffectDisplay(a.withLagSeconds(1.1, 6)),
                base.withAffectDisplay(a.withLagSeconds(1, 6.1)),
                base.withAffectDisplay(a.withHiddenShares(0.21, 0.4)),
                base.withAffectDisplay(a.withHiddenShares(0.2, 0.41)),
                base.withMaxHeadTrainingFrames(9_999));
        Set<String> prints = new HashSet<>();
        prints.add(base.fingerprint());
        for (SyntheticConfig c : changed) {
            assertThat(c).isNotEqualTo(base);
            assertThat(prints.add(c.fingerprint())).as("a new fingerprint for %s", c).isTrue();
            assertThat(c.corpusName()).isNotEqualTo(base.corpusName());
        }
        // and the same settings, however they were reached, give the same fingerprint and name
        SyntheticConfig roundabout = base.withSeed(99).withFps(25).withSeed(11).withFps(30);
        assertThat(roundabout.fingerprint()).isEqualTo(base.fingerprint());
        assertThat(roundabout.corpusName()).isEqualTo(base.corpusName());
        // the generator's version is part of the fingerprint, so data of another version are told apart
        assertThat(base.canonicalText()).contains("\ngenerator=" + SyntheticAffectCorpus.GENERATOR_VERSION + "\n");
    }

    @Test
    void presetsByTheirCommandLineNames() {
        assertThat(SyntheticConfig.PRESETS).containsExactly("va", "au", "small");
        assertThat(SyntheticConfig.preset("va", SyntheticConfig.DEFAULT_SEED)).isEqualTo(SyntheticConfig.valenceArousal());
        assertThat(SyntheticConfig.preset("VA", 3)).isEqualTo(SyntheticConfig.valenceArousal().withSeed(3));
        assertThat(SyntheticConfig.preset("au", 1)).isEqualTo(SyntheticConfig.actionUnits());
        assertThat(SyntheticConfig.preset("small", 7)).isEqualTo(SyntheticConfig.small(7));
        assertThatThrownBy(() -> SyntheticConfig.preset("disfa", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'disfa'").hasMessageContaining("[va, au, small]");
    }

    @Test
    void acceptsValenceArousalAndActionUnitsOnly() {
        SyntheticConfig base = SyntheticConfig.valenceArousal();
        assertThat(base.withLabelSpace(LabelSpace.disfa()).labelSpace().size()).isEqualTo(12);
        assertThatThrownBy(() -> base.withLabelSpace(LabelSpace.custom("x", List.of("a"), 0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CUSTOM");
    }
}
