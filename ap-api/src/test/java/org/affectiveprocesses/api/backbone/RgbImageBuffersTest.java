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

    @Test
    void copyingARegionWritesItsRowsOneAfterAnother() {
        byte[] target = new byte[2 + 2 * 2 * 3];
        counting().copyTo(new RgbImage.Region(1, 0, 2, 2), target, 2);
        assertThat(target).containsExactly(0, 0, 4, 5, 6, 7, 8, 9, 13, 14, 15, 16, 17, 18);
        assertThatThrownBy(() -> counting().copyTo(new RgbImage.Region(2, 0, 2, 1), new byte[6], 0))
                .hasMessageContaining("is not inside the 3x2 image");
        assertThatThrownBy(() -> counting().copyTo(new RgbImage.Region(0, 0, 2, 1), new byte[6], 1))
                .hasMessageContaining("no room for 6 bytes at 1");
    }

    @Test
    void aBackboneEncodesRegionsAsTheRegionsCutOutByDefault() {
        java.util.List<RgbImage> seen = new java.util.ArrayList<>();
        Backbone b = new Backbone() {
            @Override
            public String name() {
                return "sizes";
            }

            @Override
            public int featureSize() {
                return 2;
            }

            @Override
            public org.affectiveprocesses.api.LabelSpace labelSpace() {
                return org.affectiveprocesses.api.LabelSpace.valenceArousal();
            }

            @Override
            public FrameEncoding encode(RgbImage face) {
                seen.add(face);
                return new FrameEncoding(new float[] {face.width(), face.height()}, new float[] {0, 0},
                        java.util.Map.of());
            }

            @Override
            public void close() {
            }
        };
        java.util.List<FrameEncoding> e = b.encodeRegions(java.util.List.of(counting(), counting()),
                java.util.List.of(new RgbImage.Region(1, 0, 2, 2), new RgbImage.Region(0, 1, 1, 1)));
        assertThat(e).hasSize(2);
        assertThat(seen.get(0)).isEqualTo(counting().crop(new FaceBox(1, 0, 2, 2, 1)));
        assertThat(e.get(1).features()).containsExactly(1f, 1f);
        assertThatThrownBy(() -> b.encodeRegions(java.util.List.of(counting()), java.util.List.of()))
                .hasMessageContaining("1 frames but 0 regions");
    }
}
