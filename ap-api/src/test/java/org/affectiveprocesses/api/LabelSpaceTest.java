package org.affectiveprocesses.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.affectiveprocesses.metrics.Metric;
import org.junit.jupiter.api.Test;

class LabelSpaceTest {

    @Test
    void actionUnitIntensitiesNormaliseLinearlyToMinusOneOne() {
        LabelSpace disfa = LabelSpace.disfa();
        assertThat(disfa.size()).isEqualTo(12);
        assertThat(disfa.dimensions()).startsWith("AU1", "AU2", "AU4").endsWith("AU26");
        assertThat(disfa.normalize(0)).isEqualTo(-1.0);
        assertThat(disfa.normalize(5)).isEqualTo(1.0);
        assertThat(disfa.normalize(2.5)).isEqualTo(0.0);
        assertThat(disfa.normalize(1)).isEqualTo(-0.6, org.assertj.core.data.Offset.offset(1e-12));
        for (double raw = 0; raw <= 5; raw += 0.25) {
            assertThat(disfa.denormalize(disfa.normalize(raw))).isEqualTo(raw, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void headlineMetricFollowsThePaper() {
        assertThat(LabelSpace.valenceArousal().headlineMetric()).isEqualTo(Metric.CCC);
        assertThat(LabelSpace.bp4d().headlineMetric()).isEqualTo(Metric.ICC_3_1);
        assertThat(LabelSpace.bp4d().dimensions()).containsExactly("AU6", "AU10", "AU12", "AU14", "AU17");
    }

    @Test
    void rejectsBadDefinitionsWithNames() {
        assertThatThrownBy(() -> LabelSpace.custom("x", List.of("a", "a"), 0, 1))
                .hasMessageContaining("repeats dimension 'a'");
        assertThatThrownBy(() -> LabelSpace.custom("x", List.of("a"), 1, 1))
                .hasMessageContaining("min < max");
        assertThatThrownBy(() -> LabelSpace.valenceArousal().indexOf("dominance"))
                .hasMessageContaining("no dimension 'dominance'");
    }

    @Test
    void equalityByContent() {
        assertThat(LabelSpace.of("valence-arousal", LabelKind.VALENCE_AROUSAL, List.of("valence", "arousal"), -1, 1))
                .isEqualTo(LabelSpace.valenceArousal());
        assertThat(LabelSpace.bp4d()).isNotEqualTo(LabelSpace.disfa());
    }

    @Test
    void theNumberOfDimensionsIsBoundedAndDuplicatesAreFoundInLinearTime() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add("d" + i);
        }
        assertThatThrownBy(() -> LabelSpace.custom("huge", many, 0, 1))
                .hasMessageContaining("has 100000 dimensions; at most 1024 are supported");
        List<String> most = new java.util.ArrayList<>(many.subList(0, LabelSpace.MAX_DIMENSIONS));
        assertThat(LabelSpace.custom("most", most, 0, 1).size()).isEqualTo(1024);
        most.set(1023, "d0");
        assertThatThrownBy(() -> LabelSpace.custom("dup", most, 0, 1)).hasMessageContaining("repeats dimension 'd0'");
    }
}
