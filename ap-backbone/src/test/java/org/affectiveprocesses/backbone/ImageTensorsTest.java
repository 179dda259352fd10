package org.affectiveprocesses.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.junit.jupiter.api.Test;

class ImageTensorsTest {
    // a 2 x 1 image: red pixel, then (10, 20, 30)
    private static final RgbImage IMG = RgbImage.of(2, 1, new byte[] {(byte) 255, 0, 0, 10, 20, 30});

    @Test
    void nchwRgbIsPlanarAndScaled() {
        Preprocessing p = Preprocessing.of(2).withSize(2, 1).withMinFaceSize(1);
        float[] v = ImageTensors.batch(List.of(IMG), p, "t");
        assertThat(v).containsExactly(new float[] {1f, 10 / 255f, 0f, 20 / 255f, 0f, 30 / 255f}, within(1e-6f));
        assertThat(p.batchShape(4)).containsExactly(4, 3, 1, 2);
    }

    @Test
    void nhwcBgrWithNormalisation() {
        Preprocessing p = Preprocessing.of(2).withSize(2, 1).withMinFaceSize(1).withChannels(ChannelOrder.BGR)
                .withLayout(TensorLayout.NHWC).withScale(1f).withNormalization(new float[] {10, 20, 30},
                        new float[] {2, 4, 5});
        float[] v = ImageTensors.batch(List.of(IMG), p, "t");
        // pixel 0 (B, G, R) = (0, 0, 255); pixel 1 = (30, 20, 10)
        assertThat(v).containsExactly(new float[] {-5f, -5f, 45f, 10f, 0f, -4f}, within(1e-5f));
        assertThat(p.batchShape(1)).containsExactly(1, 1, 2, 3);
    }

    @Test
    void greyIsLuma() {
        Preprocessing p = Preprocessing.of(2).withSize(2, 1).withMinFaceSize(1).withChannels(ChannelOrder.GREY)
                .withScale(1f);
        float[] v = ImageTensors.batch(List.of(IMG), p, "t");
        assertThat(v[0]).isCloseTo(0.299f * 255, within(1e-3f));
        assertThat(v[1]).isCloseTo(0.299f * 10 + 0.587f * 20 + 0.114f * 30, within(1e-3f));
    }

    @Test
    void otherSizesAreResized() {
        Preprocessing p = Preprocessing.of(4).withMinFaceSize(1);
        assertThat(ImageTensors.batch(List.of(IMG, IMG), p, "t")).hasSize(2 * 3 * 16);
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> Preprocessing.of(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Preprocessing.imagenet(8).withChannels(ChannelOrder.GREY))
                .hasMessageContaining("1 or 1");
        assertThatThrownBy(() -> Preprocessing.of(8).withNormalization(new float[] {0}, new float[] {0}))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> BackboneSpec.of("in", "x", "x")).hasMessageContaining("named twice");
        assertThatThrownBy(() -> BackboneSpec.of("", "x", "y")).hasMessageContaining("input");
        assertThatThrownBy(() -> BackboneSpec.of("in", "x", "y").withBatchSize(0)).hasMessageContaining("batch");
        assertThat(BackboneSpec.of("in", "x", "y").withExtraOutputs("e").outputs()).containsExactly("x", "y", "e");
        assertThat(Preprocessing.imagenet(8)).isEqualTo(Preprocessing.imagenet(8)).isNotEqualTo(Preprocessing.of(8));
    }
}
