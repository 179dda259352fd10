package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.affectiveprocesses.api.backbone.RgbImage;
import org.junit.jupiter.api.Test;

class FaceApiInputTest {
    @Test
    void aSquareImageOfInputSizeIsOnlyNormalised() {
        byte[] px = new byte[112 * 112 * 3];
        java.util.Arrays.fill(px, (byte) 200);
        float[] in = FaceApiInput.fromImage(RgbImage.of(112, 112, px));
        assertThat(in).hasSize(112 * 112 * 3);
        assertThat(in[0]).isCloseTo((200 - 122.782f) / 255f, offset(1e-7f));
        assertThat(in[1]).isCloseTo((200 - 117.001f) / 255f, offset(1e-7f));
        assertThat(in[2]).isCloseTo((200 - 104.298f) / 255f, offset(1e-7f));
    }

    @Test
    void aTallImageIsPaddedWithBlackOnBothSidesTheOddColumnAfter() {
        // 3 wide, 112 high: 109 columns of padding, 55 after (round(54.5)) and 54 before
        float[] px = new float[112 * 3 * 3];
        java.util.Arrays.fill(px, 255f);
        float[] in = FaceApiInput.fromPixels(px, 112, 3);
        float black = -122.782f / 255f;
        float white = (255 - 122.782f) / 255f;
        assertThat(in[(50 * 112 + 53) * 3]).isCloseTo(black, offset(1e-6f));
        assertThat(in[(50 * 112 + 54) * 3]).isCloseTo(white, offset(1e-6f));
        assertThat(in[(50 * 112 + 56) * 3]).isCloseTo(white, offset(1e-6f));
        assertThat(in[(50 * 112 + 57) * 3]).isCloseTo(black, offset(1e-6f));
    }

    @Test
    void resizingSamplesAtDestinationTimesScaleWithoutHalfPixelCentres() {
        // 224 -> 112: output pixel c reads input column 2c exactly (no blending)
        float[] px = new float[224 * 224 * 3];
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                px[(y * 224 + x) * 3] = x;
            }
        }
        float[] in = FaceApiInput.fromPixels(px, 224, 224);
        assertThat(in[(7 * 112 + 10) * 3] * 255f + 122.782f).isCloseTo(20f, offset(1e-3f));
    }

    @Test
    void aWrongPixelCountIsRejected() {
        assertThatThrownBy(() -> FaceApiInput.fromPixels(new float[10], 2, 2)).hasMessageContaining("needs 12");
    }

    @Test
    void writingARegionGivesExactlyTheInputOfThatRegionCutOut() {
        java.util.Random random = new java.util.Random(7);
        byte[] px = new byte[90 * 70 * 3];
        random.nextBytes(px);
        RgbImage frame = RgbImage.of(90, 70, px);
        org.affectiveprocesses.api.backbone.FaceBox box = new org.affectiveprocesses.api.backbone.FaceBox(
                12.4, 3.7, 41.1, 55.2, 1);
        float[] out = new float[FaceApiInput.VALUES + 5];
        RgbImage.Region region = frame.region(box);
        assertThat(region).isEqualTo(new RgbImage.Region(12, 3, 42, 56));
        FaceApiInput.write(frame, region, out, 5);
        // The same pixels read one by one through the image's accessor, as float values.
        float[] pixels = new float[42 * 56 * 3];
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 42; x++) {
                for (int c = 0; c < 3; c++) {
                    pixels[(y * 42 + x) * 3 + c] = frame.get(12 + x, 3 + y, c);
                }
            }
        }
        assertThat(java.util.Arrays.copyOfRange(out, 5, out.length)).isEqualTo(FaceApiInput.fromPixels(pixels, 56, 42));
        assertThat(FaceApiInput.fromImage(frame.crop(box))).isEqualTo(FaceApiInput.fromPixels(pixels, 56, 42));
        assertThat(out[4]).isZero();
    }

    @Test
    void aRegionOutsideTheImageOrNoRoomIsRejected() {
        RgbImage frame = RgbImage.of(10, 10, new byte[300]);
        assertThatThrownBy(() -> FaceApiInput.write(frame, new RgbImage.Region(5, 5, 6, 2),
                new float[FaceApiInput.VALUES], 0)).hasMessageContaining("is not inside the 10x10 image");
        assertThatThrownBy(() -> FaceApiInput.write(frame, new RgbImage.Region(0, 0, 2, 2),
                new float[FaceApiInput.VALUES], 1)).hasMessageContaining("no room");
    }
}
