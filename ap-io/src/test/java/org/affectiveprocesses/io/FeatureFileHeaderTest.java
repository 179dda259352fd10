package org.affectiveprocesses.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FeatureFile#readHeader(Path)}: metadata and shapes without frame data. */
class FeatureFileHeaderTest {

    @TempDir
    Path dir;

    @Test
    void readsIdSubjectSpaceAndShapes() throws IOException {
        float[][] x = new float[5][3];
        float[][] y = new float[5][5];
        AffectSequence s = AffectSequence.builder("F001_T1", LabelSpace.bp4d(), 3).subject("F001")
                .addFrame(0.0, x[0], y[0], null).addFrame(0.1, x[1], y[1], null).addInvalidFrame(0.2)
                .addFrame(0.3, x[3], y[3], null).addFrame(0.4, x[4], y[4], null).build();
        Path file = dir.resolve("a.npz");
        FeatureFile.write(file, s, FeatureFile.Extras.backbone("test-net"));

        FeatureFile.Header h = FeatureFile.readHeader(file);

        assertThat(h).isEqualTo(new FeatureFile.Header("F001_T1", "F001", LabelSpace.bp4d(), 5, 3, "test-net"));
    }

    @Test
    void theNumpyFileNamesItsSubject() throws IOException {
        FeatureFile.Header h = FeatureFile.readHeader(IoFixtures.numpyFeatureFile(dir));
        assertThat(h.id()).isEqualTo("py_video");
        assertThat(h.subject()).isEqualTo("S07");
        assertThat(h.frames()).isEqualTo(4);
        assertThat(h.featureSize()).isEqualTo(3);
        assertThat(h.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
    }

    @Test
    void mismatchedShapesAreRejectedNamingTheEntries() throws IOException {
        Path src = IoFixtures.numpyFeatureFile(dir);
        Path bad = dir.resolve("bad.npz");
        IoFixtures.rewrite(src, bad, FeatureFile.META, m -> { },
                Map.of(FeatureFile.FEATURES, NpyArray.wrapFloats(new int[] {3, 3}, new float[9])));
        assertThatThrownBy(() -> FeatureFile.readHeader(bad)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("bad.npz").hasMessageContaining("features.npy");
    }
}
