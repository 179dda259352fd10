package org.affectiveprocesses.backbone.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.backbone.fan.FaceSample;
import org.affectiveprocesses.backbone.fan.FanBackbone;
import org.affectiveprocesses.backbone.fan.LandmarkSample;
import org.junit.jupiter.api.Test;

class SyntheticFacesTest {

    @Test
    void aSeedDeterminesTheFaces() {
        List<FaceSample> a = SyntheticFaces.valenceArousal(3, 64, 5);
        List<FaceSample> b = SyntheticFaces.valenceArousal(3, 64, 5);
        for (int i = 0; i < 3; i++) {
            assertThat(a.get(i).image()).isEqualTo(b.get(i).image());
            assertThat(a.get(i).labels()).containsExactly(b.get(i).labels());
        }
        assertThat(SyntheticFaces.valenceArousal(1, 64, 6).get(0).image()).isNotEqualTo(a.get(0).image());
    }

    @Test
    void labelsAndEmotionsFollowTheDocumentedRules() {
        for (FaceSample s : SyntheticFaces.valenceArousal(50, 32, 1)) {
            float[] y = s.labels();
            assertThat(y[0]).isBetween(-1f, 1f);
            assertThat(y[1]).isBetween(-1f, 1f);
            assertThat(s.emotion()).isEqualTo(SyntheticFaces.emotion(y[0], y[1]));
        }
        assertThat(FanBackbone.EMOTIONS.get(SyntheticFaces.emotion(0.1, 0.1))).isEqualTo("neutral");
        assertThat(FanBackbone.EMOTIONS.get(SyntheticFaces.emotion(0.9, 0))).isEqualTo("happiness");
        assertThat(FanBackbone.EMOTIONS.get(SyntheticFaces.emotion(-0.9, 0.05))).isEqualTo("anger");
        assertThat(FanBackbone.EMOTIONS.get(SyntheticFaces.emotion(-0.4, -0.8))).isEqualTo("sadness");
    }

    @Test
    void actionUnitsAreNormalisedIntensities() {
        List<FaceSample> s = SyntheticFaces.actionUnits(LabelSpace.disfa(), 40, 32, 2);
        int zeros = 0;
        for (FaceSample f : s) {
            assertThat(f.labels()).hasSize(12);
            assertThat(f.emotion()).isEqualTo(-1);
            for (float v : f.labels()) {
                assertThat(v).isBetween(-1f, 1f);
                zeros += v == -1f ? 1 : 0;
            }
        }
        assertThat(zeros).isBetween(150, 330);
        assertThatThrownBy(() -> SyntheticFaces.actionUnits(LabelSpace.valenceArousal(), 1, 32, 1))
                .hasMessageContaining("Action Unit");
    }

    @Test
    void landmarksLieOnTheFaceInTheImage() {
        for (LandmarkSample s : SyntheticFaces.landmarks(5, 64, 3)) {
            assertThat(s.count()).isEqualTo(68);
            for (float v : s.landmarks()) {
                assertThat(v).isBetween(0f, 63f);
            }
            float[] p = s.landmarks();
            // the chin (8) is below the nose tip (30), which is below the eyes (36, 45)
            assertThat(p[2 * 8 + 1]).isGreaterThan(p[2 * 30 + 1]);
            assertThat(p[2 * 30 + 1]).isGreaterThan(Math.max(p[2 * 36 + 1], p[2 * 45 + 1]));
        }
    }
}
