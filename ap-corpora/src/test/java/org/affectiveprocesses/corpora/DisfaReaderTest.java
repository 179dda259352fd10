package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DISFA layout: SNxxx_auN.txt per subject and Action Unit, lines frame,intensity. */
class DisfaReaderTest {

    @TempDir
    Path root;

    @Test
    void readsTwelveActionUnitsPerSubjectNormalised() throws IOException {
        Fixtures.disfaSubject(root, "SN001", 20);
        Fixtures.disfaSubject(root, "SN002", 15);

        List<Annotation> a = AnnotationLayout.DISFA.read(root);

        assertThat(a).extracting(Annotation::video).containsExactly("SN001", "SN002");
        Annotation sn1 = a.get(0);
        assertThat(sn1.subject()).isEqualTo("SN001");
        assertThat(sn1.labelSpace()).isEqualTo(LabelSpace.disfa());
        assertThat(sn1.frames()).isEqualTo(20);
        int au12 = LabelSpace.disfa().indexOf("AU12");
        // frame 3 (row 2): intensity (3 + 12) % 6 = 3 -> 2*3/5 - 1 = 0.2
        assertThat(sn1.label(2, au12)).isCloseTo(0.2f, org.assertj.core.data.Offset.offset(1e-6f));
        // frame 5, AU1: (5 + 1) % 6 = 0 -> -1; frame 4, AU1: 5 -> +1
        assertThat(sn1.label(4, 0)).isEqualTo(-1f);
        assertThat(sn1.label(3, 0)).isEqualTo(1f);
        assertThat(sn1.describeRow(3)).isEqualTo("line 4 (frame 4)");
        assertThat(a.get(1).frames()).isEqualTo(15);
    }

    @Test
    void skippedFramesAreMaskedNotZeroFilled() throws IOException {
        Fixtures.disfaSubject(root, "SN003", 6);
        for (String dim : LabelSpace.disfa().dimensions()) {
            Path f = root.resolve("SN003/SN003_" + dim.toLowerCase() + ".txt");
            Files.writeString(f, "1,2\n2,2\n5,4\n");
        }
        Annotation a = AnnotationLayout.DISFA.read(root).get(0);
        assertThat(a.frames()).isEqualTo(5);
        assertThat(a.label(2, 0)).isNaN();
        assertThat(a.label(3, 5)).isNaN();
        assertThat(a.label(4, 0)).isCloseTo(0.6f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(a.labelledFrames()).isEqualTo(3);
        assertThat(a.describeRow(2)).isEqualTo("frame 3 (not in the file)");
    }

    @Test
    void aWrongActionUnitNameIsRejectedNamingTheFile() throws IOException {
        Fixtures.disfaSubject(root, "SN001", 5);
        Fixtures.write(root.resolve("SN001/SN001_au3.txt"), Fixtures.disfaLines(5, 3));
        assertThatThrownBy(() -> AnnotationLayout.DISFA.read(root))
                .isInstanceOf(AnnotationFormatException.class)
                .hasMessageContaining("SN001_au3.txt: names AU3, which is not one of the 12 DISFA Action Units");
    }

    @Test
    void aBadlyNamedFileIsRejected() throws IOException {
        Fixtures.disfaSubject(root, "SN001", 5);
        Fixtures.write(root.resolve("SN001/SN001_AU_1.txt"), Fixtures.disfaLines(5, 1));
        assertThatThrownBy(() -> AnnotationLayout.DISFA.read(root))
                .hasMessageContaining("SN001_AU_1.txt: is not a DISFA label file name; expected <video>_au1.txt");
    }

    @Test
    void aMissingActionUnitFileIsNamed() throws IOException {
        Fixtures.disfaSubject(root, "SN001", 5);
        Files.delete(root.resolve("SN001/SN001_au26.txt"));
        assertThatThrownBy(() -> AnnotationLayout.DISFA.read(root))
                .hasMessageContaining("SN001_au26.txt: is missing: DISFA needs a file for each of the Action Units");
    }

    @Test
    void actionUnitFilesOfDifferentLengthsAreRejectedWithFileAndLine() throws IOException {
        Fixtures.disfaSubject(root, "SN001", 10);
        Fixtures.write(root.resolve("SN001/SN001_au2.txt"), Fixtures.disfaLines(9, 2));
        assertThatThrownBy(() -> AnnotationLayout.DISFA.read(root))
                .isInstanceOf(AnnotationFormatException.class)
                .hasMessageContaining("SN001_au1.txt: line 10: has frame 10 but SN001_au2.txt ends at frame 9 (line 9)");
    }

    @Test
    void malformedLinesAndOutOfRangeIntensitiesAreRejected() throws IOException {
        Fixtures.disfaSubject(root, "SN001", 5);
        Fixtures.write(root.resolve("SN001/SN001_au4.txt"), "1,0\n2,0\n3 0\n4,0\n5,0\n");
        assertThatThrownBy(() -> AnnotationLayout.DISFA.read(root))
                .hasMessageContaining("SN001_au4.txt: line 3: has 1 field ('3 0'); expected 2 separated by ','");
        Fixtures.write(root.resolve("SN001/SN001_au4.txt"), "1,0\n2,6\n3,0\n4,0\n5,0\n");
        assertThatThrownBy(() -> AnnotationLayout.DISFA.read(root))
                .hasMessageContaining("SN001_au4.txt: line 2: intensity 6 of AU4 is outside the FACS scale 0-5");
        Fixtures.write(root.resolve("SN001/SN001_au4.txt"), "1,0\n3,0\n2,0\n4,0\n5,0\n");
        assertThatThrownBy(() -> AnnotationLayout.DISFA.read(root))
                .hasMessageContaining("SN001_au4.txt: line 3: frame 2 does not increase");
    }
}
