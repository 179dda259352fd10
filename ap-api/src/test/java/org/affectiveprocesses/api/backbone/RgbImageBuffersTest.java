package org.affectiveprocesses.api.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RgbImageBuffersTest {
    /** A 3 × 2 image whose bytes are 1, 2, 3, ... */
    private static RgbImage counting() {
        byte[] rgb = new byte[3 * 2 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i + 1);
        }
        return RgbImage.of(3, 2, rgb);
    }

    @Test
    void paddedRowsGiveTheImageWithoutThePadding() {
        ByteBuffer rows = ByteBuffer.allocateDirect(12 + 9);
        for (int i = 0; i < 9; i++) {
            rows.put(i, (byte) (i + 1));
            rows.put(12 + i, (byte) (i + 10));
        }
        rows.put(9, (byte) 99).put(10, (byte) 99).put(11, (byte) 99);
        assertThat(RgbImage.fromRows(3, 2, rows, 12)).isEqualTo(counting());
    }

    @Test
    void rowsThatDoNotFitTheBufferAreRefusedNamingTheSizes() {
        assertThatThrownBy(() -> RgbImage.fromRows(3, 2, ByteBuffer.allocate(20), 12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 21 bytes")
                .hasMessageContaining("has 20");
        assertThatThrownBy(() -> RgbImage.fromRows(3, 2, ByteBuffer.allocate(100), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows 8 bytes apart");
    }

    @Test
    void copyToWritesTheBytesAtTheBuffersPosition() {
        ByteBuffer target = ByteBuffer.allocateDirect(20);
        target.position(2);
        counting().copyTo(target);
        assertThat(target.position()).isEqualTo(20);
        byte[] back = new byte[18];
        target.get(2, back);
        assertThat(back).isEqualTo(counting().toBytes());
        assertThatThrownBy(() -> counting().copyTo(ByteBuffer.allocate(17))).isInstanceOf(BufferOverflowException.class);
    }

    @Test
    void rowsCopiedIntoGivenStorageGiveTheSameImageOnThatStorage() {
        ByteBuffer rows = ByteBuffer.allocateDirect(12 + 9);
        for (int i = 0; i < 9; i++) {
            rows.put(i, (byte) (i + 1));
            rows.put(12 + i, (byte) (i + 10));
        }
        byte[] storage = new byte[18];
        RgbImage image = RgbImage.fromRows(3, 2, rows, 12, storage);
        assertThat(image).isEqualTo(counting());
        storage[0] = 42;
        assertThat(image.get(0, 0, 0)).as("the image wraps the storage it was given").isEqualTo(42);
        assertThatThrownBy(() -> RgbImage.fromRows(3, 2, rows, 12, new byte[17]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 18 bytes of storage");
    }

    @Test
    void aRegionIsTheBoxRoundedOutwardsAndClippedAndCropCutsExactlyIt() {
        RgbImage image = counting();
        assertThat(image.region(new FaceBox(0.5, 0.2, 1.2, 0.5, 1))).isEqualTo(new RgbImage.Region(0, 0, 2, 1));
        assertThat(image.region(new FaceBox(-4, 1.5, 10, 10, 1))).isEqualTo(new RgbImage.Region(0, 1, 3, 1));
        RgbImage crop = image.crop(new FaceBox(1, 0, 2, 2, 1));
        assertThat(crop.width()).isEqualTo(2);
        assertThat(crop.get(0, 1, 2)).isEqualTo(image.get(1, 1, 2));
        assertThatThrownBy(() -> image.region(new FaceBox(5, 5, 2, 2, 1))).hasMessageContaining("lies outside");
    }
}
