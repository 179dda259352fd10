package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;

import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.Backbones;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.junit.jupiter.api.Test;

class FaceExpressionProviderTest {
    @Test
    void backbonesByNameFindsTheFaceExpressionBackbone() {
        assertThat(Backbones.available()).containsKey("face-expression");
        try (Backbone b = Backbones.byName("face-expression")) {
            assertThat(b.name()).isEqualTo("face-expression");
            assertThat(b.featureSize()).isEqualTo(256);
            assertThat(b.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
            byte[] px = new byte[40 * 50 * 3];
            java.util.Arrays.fill(px, (byte) 90);
            FrameEncoding e = b.encode(RgbImage.of(40, 50, px));
            assertThat(e.features()).hasSize(256);
            float[] p = e.outputs().get("emotion");
            assertThat(p).hasSize(7);
            double sum = 0;
            for (float v : p) {
                assertThat(v).isBetween(0f, 1f);
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(e.pseudoLabels()).containsExactly(Emotion.valenceArousal(p));
        }
    }
}
