package org.affectiveprocesses.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;

class SyntheticConfigTest {

    @Test
    void valenceArousalPresetHasTheDocumentedDefaults() {
        SyntheticConfig c = SyntheticConfig.valenceArousal();
        assertThat(c.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
        assertThat(c.seed()).isEqualTo(SyntheticConfig.DEFAULT_SEED);
        assertThat(c.subjects()).isEqualTo(24);
        assertThat(List.of(c.trainSubjects(), c.validationSubjects(), c.testSubjects()))
                .containsExactly(16, 4, 4);
        assertThat(c.videosPerSubject()).isEqualTo(2);
        assertThat(c.minFrames()).isEqualTo(600);
        assertThat(c.maxFrames()).isEqualTo(1500);
        assertThat(c.featureSize()).isEqualTo(512);
        assertThat(c.fps()).isEqualTo(30.0);
        assertThat(c.maxHeadTrainingFrames()).isEqualTo(10_000);
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
        assertThat(base.withNoiseStd(1).noiseStd()).isEqualTo(1.0);
        assertThat(base.withIdentityStd(2).identityStd()).isEqualTo(2.0);
        assertThat(base.withNuisanceStd(3).nuisanceStd()).isEqualTo(3.0);
        assertThat(base.withOcclusionStd(4).occlusionStd()).isEqualTo(4.0);
        assertThat(base.withLowQualityEpisodesPerMinute(0).lowQualityEpisodesPerMinute()).isZero();
        assertThat(base.withMaxHeadTrainingFrames(100).maxHeadTrainingFrames()).isEqualTo(100);
        SyntheticConfig changed = base.withNoiseStd(1);
        assertThat(changed.identityStd()).isEqualTo(base.identityStd());
        assertThat(changed.seed()).isEqualTo(base.seed());
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
        assertThatThrownBy(() -> base.withNoiseStd(-1)).hasMessageContaining("noiseStd");
        assertThatThrownBy(() -> base.withIdentityStd(Double.POSITIVE_INFINITY))
                .hasMessageContaining("identityStd");
        assertThatThrownBy(() -> base.withNuisanceStd(Double.NaN)).hasMessageContaining("nuisanceStd");
        assertThatThrownBy(() -> base.withOcclusionStd(-0.5)).hasMessageContaining("occlusionStd");
        assertThatThrownBy(() -> base.withLowQualityEpisodesPerMinute(-1))
                .hasMessageContaining("lowQualityEpisodesPerMinute");
        assertThatThrownBy(() -> base.withMaxHeadTrainingFrames(1))
                .hasMessageContaining("maxHeadTrainingFrames");
        assertThatThrownBy(() -> base.withFrames(1_000_000, 1_000_000).withFeatureSize(4096))
                .hasMessageContaining("one array");
        assertThatThrownBy(() -> base.withLabelSpace(null)).isInstanceOf(NullPointerException.class);
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
