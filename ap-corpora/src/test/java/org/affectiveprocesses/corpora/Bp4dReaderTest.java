package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BP4D / FERA 2015 layout: <video>_AU<nn>.csv per Action Unit, 9 = missing. */
class Bp4dReaderTest {

    @TempDir
    Path root;

    private void video(String video, int first, int n, int missingAt) throws IOException {
        for (int au : LabelSpace.BP4D_ACTION_UNITS) {
            StringBuilder sb = new StringBuilder();
            for (int f = first; f < first + n; f++) {
                int v = f == missingAt && au == 12 ? 9 : (f + au) % 6;
                sb.append(f).append(',').append(v).append('\n');
            }
            Fixtures.write(root.resolve(String.format("AU%02d/%s_AU%02d.csv", au, video, au)), sb.toString());
        }
    }

    @Test
    void readsFiveActionUnitsWithNineMaskingOneUnitOnly() throws IOException {
        video("F001_T1", 100, 10, 103);
        video("M002_T8", 1, 4, -1);

        List<Annotation> a = AnnotationLayout.BP4D.read(root);

        assertThat(a).extracting(Annotation::video).containsExactly("F001_T1", "M002_T8");
        assertThat(a).extracting(Annotation::subject).containsExactly("F001", "M002");
        Annotation f1 = a.get(0);
        assertThat(f1.labelSpace()).isEqualTo(LabelSpace.bp4d());
        assertThat(f1.frames()).isEqualTo(10);
        int au12 = LabelSpace.bp4d().indexOf("AU12");
        assertThat(f1.label(3, au12)).as("9 marks AU12 of frame 103 missing").isNaN();
        assertThat(f1.label(3, 0)).as("AU6 of frame 103: (103+6)%6 = 1").isCloseTo(-0.6f,
                org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(f1.labelledFrames()).isEqualTo(10);
        assertThat(f1.describeRow(0)).isEqualTo("line 1 (frame 100)");
    }

    @Test
    void anActionUnitOutsideFera2015IsRejected() throws IOException {
        video("F001_T1", 1, 3, -1);
        Fixtures.write(root.resolve("AU07/F001_T1_AU07.csv"), "1,0\n2,0\n3,0\n");
        assertThatThrownBy(() -> AnnotationLayout.BP4D.read(root))
                .isInstanceOf(AnnotationFormatException.class)
                .hasMessageContaining("F001_T1_AU07.csv: names AU7, which is not one of the 5 BP4D Action Units [6, 10, 12, 14, 17]");
    }

    @Test
    void anIntensityOtherThanZeroToFiveOrNineIsRejected() throws IOException {
        video("F001_T1", 1, 3, -1);
        Fixtures.write(root.resolve("AU14/F001_T1_AU14.csv"), "1,0\n2,7\n3,0\n");
        assertThatThrownBy(() -> AnnotationLayout.BP4D.read(root))
                .hasMessageContaining("F001_T1_AU14.csv: line 2: intensity 7 of AU14 is outside the FACS scale 0-5 "
                        + "(and is not 9, the mark of a missing label)");
    }

    @Test
    void framesThatDisagreeBetweenUnitsAreRejected() throws IOException {
        video("F001_T1", 1, 3, -1);
        Fixtures.write(root.resolve("AU17/F001_T1_AU17.csv"), "1,0\n3,0\n4,0\n");
        assertThatThrownBy(() -> AnnotationLayout.BP4D.read(root))
                .hasMessageContaining("F001_T1_AU17.csv: line 2: has frame 3 where F001_T1_AU06.csv line 2 has frame 2");
    }
}
