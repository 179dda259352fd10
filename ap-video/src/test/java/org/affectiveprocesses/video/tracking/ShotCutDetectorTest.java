package org.affectiveprocesses.video.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.decode.FrameSource;
import org.affectiveprocesses.video.decode.FrameSources;
import org.junit.jupiter.api.Test;

class ShotCutDetectorTest {
    /** A frame of stripes, shifted by {@code shift} pixels, with a base brightness. */
    private static RgbImage stripes(int w, int h, int shift, int base) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = base + (((x + shift) / 8) % 2 == 0 ? 40 : 0);
                rgb[(y * w + x) * 3] = rgb[(y * w + x) * 3 + 1] = rgb[(y * w + x) * 3 + 2] = (byte) v;
            }
        }
        return RgbImage.of(w, h, rgb);
    }

    @Test
    void steadyMotionIsNoCutButAnAbruptChangeOfPictureIs() {
        ShotCutDetector d = new ShotCutDetector();
        assertThat(d.isCut(stripes(64, 48, 0, 50))).as("the first frame").isFalse();
        for (int s = 1; s < 20; s++) {
            assertThat(d.isCut(stripes(64, 48, 3 * s, 50))).as("panning, frame %d", s).isFalse();
        }
        assertThat(d.isCut(stripes(64, 48, 60, 150))).as("another picture").isTrue();
        assertThat(d.lastScore()).isGreaterThan(ShotCutDetector.DEFAULT_THRESHOLD);
        assertThat(d.isCut(stripes(64, 48, 60, 150))).as("the same frame again").isFalse();
        assertThat(d.isCut(stripes(32, 48, 0, 150))).as("a frame of another size").isTrue();
        assertThatThrownBy(() -> new ShotCutDetector(0)).hasMessageContaining("percentage");
    }

    @Test
    void theCutsOfMegamindAreFoundAndVtestHasNone() throws IOException {
        // the hand-made ground truth (megamind-faces.csv): frame 0 is black, cuts before 98, 154, 200
        assertThat(cuts("Megamind.avi")).containsExactly(1, 98, 154, 200);
        assertThat(cuts("vtest.avi")).as("a fixed camera over a street").isEmpty();
    }

    private static List<Integer> cuts(String clip) throws IOException {
        List<Integer> out = new ArrayList<>();
        ShotCutDetector d = new ShotCutDetector();
        try (FrameSource s = FrameSources.open(TestMedia.file(clip))) {
            DecodedFrame f;
            while ((f = s.next()) != null) {
                if (d.isCut(f.image())) {
                    out.add(f.index());
                }
            }
        }
        return out;
    }
}
