package org.affectiveprocesses.backbone.precomputed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.Backbones;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.io.FeatureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecomputedBackboneTest {
    private static final RgbImage FACE = RgbImage.of(2, 2, new byte[12]);

    @TempDir
    Path dir;

    private Path write() throws IOException {
        AffectSequence.Builder b = AffectSequence.builder("video", LabelSpace.valenceArousal(), 3);
        b.addFrame(0.0, new float[] {1, 2, 3}, new float[] {0.1f, 0.2f}, new float[] {0, 0});
        b.addInvalidFrame(0.04);
        b.addFrame(0.08, new float[] {4, 5, 6}, new float[] {-0.3f, 0.4f}, new float[] {Float.NaN, Float.NaN});
        Path file = dir.resolve("video.npz");
        FeatureFile.write(file, b.build(), FeatureFile.Extras.backbone("elsewhere"));
        return file;
    }

    @Test
    void servesTheStoredFramesWithAFaceInOrder() throws IOException {
        try (PrecomputedBackbone b = PrecomputedBackbone.open(write())) {
            assertThat(b.featureSize()).isEqualTo(3);
            assertThat(b.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
            assertThat(b.frameCount()).isEqualTo(3);
            assertThat(b.encode(FACE).features()).containsExactly(1, 2, 3);
            assertThat(b.encode(FACE).pseudoLabels()).containsExactly(-0.3f, 0.4f);
            assertThat(b.position()).isEqualTo(3);
            assertThatThrownBy(() -> b.encode(FACE)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("video.npz");
            b.seek(1);
            assertThat(b.encode(FACE).features()).containsExactly(4, 5, 6);
            assertThat(b.frame(0).pseudoLabels()).containsExactly(0.1f, 0.2f);
            assertThatThrownBy(() -> b.frame(1)).hasMessageContaining("no face at frame 1");
        }
    }

    @Test
    void badOrMissingFilesAreReported() throws IOException {
        assertThatThrownBy(() -> PrecomputedBackbone.open(dir.resolve("absent.npz")))
                .isInstanceOf(NoSuchFileException.class);
        Path junk = dir.resolve("junk.npz");
        Files.writeString(junk, "junk");
        assertThatThrownBy(() -> PrecomputedBackbone.open(junk)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("junk.npz");
    }

    @Test
    void isFoundByNameWithTheFileInASystemProperty() throws IOException {
        Path file = write();
        String old = System.getProperty(PrecomputedBackboneProvider.PROPERTY);
        try {
            System.setProperty(PrecomputedBackboneProvider.PROPERTY, file.toString());
            try (Backbone b = Backbones.byName("precomputed")) {
                assertThat(b.encode(FACE).features()).containsExactly(1, 2, 3);
            }
            assertThat(Backbones.available()).containsKey("test-plugin");
            try (Backbone plugin = Backbones.byName("test-plugin")) {
                assertThat(plugin.encode(FACE).features()).containsExactly(2f);
            }
        } finally {
            if (old == null) {
                System.clearProperty(PrecomputedBackboneProvider.PROPERTY);
            } else {
                System.setProperty(PrecomputedBackboneProvider.PROPERTY, old);
            }
        }
    }
}
