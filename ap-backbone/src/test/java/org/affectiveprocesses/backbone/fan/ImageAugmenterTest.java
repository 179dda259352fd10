package org.affectiveprocesses.backbone.fan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageAugmenterTest {
    private static final int S = 16;

    private static float[] image(long seed) {
        Random r = new Random(seed);
        float[] img = new float[3 * S * S];
        for (int i = 0; i < img.length; i++) {
            img[i] = r.nextFloat();
        }
        return img;
    }

    @Test
    void noAugmentationIsTheIdentity() {
        float[] img = image(1);
        assertThat(new ImageAugmenter(Augmentation.none()).apply(img, S, new Random(1))).containsExactly(img);
    }

    @Test
    void flipAloneMirrorsHalfTheTime() {
        float[] img = image(2);
        float[] mirror = new float[img.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    mirror[c * S * S + y * S + x] = img[c * S * S + y * S + (S - 1 - x)];
                }
            }
        }
        ImageAugmenter flip = new ImageAugmenter(new Augmentation(1, true, 0, 0, 0, 0, 0));
        Random r = new Random(3);
        int mirrored = 0;
        for (int i = 0; i < 40; i++) {
            float[] out = flip.apply(img, S, r);
            boolean isMirror = close(out, mirror);
            assertThat(isMirror || close(out, img)).isTrue();
            mirrored += isMirror ? 1 : 0;
        }
        assertThat(mirrored).isBetween(8, 32);
    }

    @Test
    void greyMakesTheChannelsEqualAndJitterStaysInRange() {
        ImageAugmenter grey = new ImageAugmenter(new Augmentation(0.875, true, 20, 0.2, 0.2, 0.2, 1));
        float[] out = grey.apply(image(4), S, new Random(5));
        for (int i = 0; i < S * S; i++) {
            assertThat(out[i]).isEqualTo(out[S * S + i]).isEqualTo(out[2 * S * S + i]);
            assertThat(out[i]).isBetween(0f, 1f);
        }
    }

    @Test
    void paperAugmentationIsReproducibleWithASeed() {
        ImageAugmenter a = new ImageAugmenter(Augmentation.paper());
        float[] img = image(6);
        assertThat(a.apply(img, S, new Random(9))).containsExactly(a.apply(img, S, new Random(9)));
        assertThatThrownBy(() -> a.apply(new float[5], S, new Random(1))).hasMessageContaining("768");
    }

    @Test
    void learningRateSchedulesFollowThePaper() {
        LearningRate step = LearningRate.stepDecay(1e-4);
        assertThat(step.at(0)).isEqualTo(1e-4);
        assertThat(step.at(4.99)).isEqualTo(1e-4);
        assertThat(step.at(5)).isCloseTo(1e-5, within(1e-12));
        assertThat(step.at(19.5)).isCloseTo(1e-7, within(1e-14));
        LearningRate cyclic = LearningRate.cyclic(3e-4);
        assertThat(cyclic.at(0)).isCloseTo(3e-5, within(1e-12));
        assertThat(cyclic.at(1)).isCloseTo(3e-4, within(1e-12));
        assertThat(cyclic.at(0.5)).isCloseTo(1.65e-4, within(1e-12));
        assertThat(cyclic.at(2)).isCloseTo(3e-5, within(1e-12));
    }

    @Test
    void heatmapPeaksGiveBackTheLandmarks() {
        float[] landmarks = {10f, 20f, 100.3f, 60.8f, 0f, 127f};
        float[] maps = Heatmaps.render(landmarks, 128, 128, 32);
        assertThat(maps).hasSize(3 * 32 * 32);
        float[] peaks = Heatmaps.peaks(maps, 32, 128, 128);
        for (int i = 0; i < landmarks.length; i++) {
            assertThat(peaks[i]).isCloseTo(landmarks[i], within(2.1f));
        }
    }

    private static boolean close(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-5) {
                return false;
            }
        }
        return true;
    }
}
