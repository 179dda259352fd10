package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Aff-Wild2 layout: header, one line per frame, -5 = unannotated. */
class AffWild2ReaderTest {

    @TempDir
    Path root;

    @Test
    void readsValuesMasksMinusFiveAndKeepsThePartitionFolder() throws IOException {
        Fixtures.affWild2(root.resolve("Train_Set/video1.txt"), 5);
        Fixtures.write(root.resolve("Validation_Set/video2.txt"), "valence,arousal\n0.5,-0.25\r\n-1,1\r\n\n\n");

        List<Annotation> a = AnnotationLayout.AFF_WILD2.read(root);

        assertThat(a).extracting(Annotation::video).containsExactly("video1", "video2");
        Annotation v1 = a.get(0);
        assertThat(v1.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
        assertThat(v1.frames()).isEqualTo(5);
        assertThat(v1.label(3, 0)).isEqualTo(0.6f);
        assertThat(v1.label(3, 1)).isEqualTo(-0.6f);
        assertThat(v1.label(1, 0)).isNaN();
        assertThat(v1.label(1, 1)).isNaN();
        assertThat(v1.labelledFrames()).isEqualTo(4);
        assertThat(v1.line(3)).isEqualTo(5);
        assertThat(v1.folder()).isEqualTo("Train_Set");
        assertThat(v1.subject()).isEqualTo("video1");
        assertThat(a.get(1).frames()).isEqualTo(2);
        assertThat(a.get(1).label(1, 0)).isEqualTo(-1f);
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLine() throws IOException {
        Fixtures.write(root.resolve("bad.txt"), "valence,arousal\n0.1,0.2\n0.1;0.2\n");
        assertThatThrownBy(() -> AnnotationLayout.AFF_WILD2.read(root))
                .isInstanceOf(AnnotationFormatException.class)
                .hasMessageContaining("bad.txt: line 3: has 1 field")
                .satisfies(e -> assertThat(((AnnotationFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void aNonNumberIsReportedWithItsField() throws IOException {
        Fixtures.write(root.resolve("bad.txt"), "valence,arousal\n0.1,0.2\n0.1,high\n");
        assertThatThrownBy(() -> AnnotationLayout.AFF_WILD2.read(root))
                .hasMessageContaining("bad.txt: line 3: arousal 'high' is not a finite number");
    }

    @Test
    void valuesOutsideTheRangeAreRejected() throws IOException {
        Fixtures.write(root.resolve("bad.txt"), "valence,arousal\n1.5,0.2\n");
        assertThatThrownBy(() -> AnnotationLayout.AFF_WILD2.read(root))
                .hasMessageContaining("line 2: valence 1.5 is outside [-1, 1]");
    }

    @Test
    void theHeaderIsRequired() throws IOException {
        Fixtures.write(root.resolve("nohdr.txt"), "0.1,0.2\n");
        assertThatThrownBy(() -> AnnotationLayout.AFF_WILD2.read(root))
                .hasMessageContaining("nohdr.txt: line 1: is '0.1,0.2'; an Aff-Wild2 file starts with the header");
    }

    @Test
    void blankLinesInsideTheFileAreRejected() throws IOException {
        Fixtures.write(root.resolve("gap.txt"), "valence,arousal\n0.1,0.2\n\n0.1,0.2\n");
        assertThatThrownBy(() -> AnnotationLayout.AFF_WILD2.read(root)).hasMessageContaining("gap.txt: line 3: is blank");
    }

    @Test
    void aVideoAnnotatedTwiceIsRejected() throws IOException {
        Fixtures.affWild2(root.resolve("a/v.txt"), 3);
        Fixtures.affWild2(root.resolve("b/v.txt"), 3);
        assertThatThrownBy(() -> AnnotationLayout.AFF_WILD2.read(root)).hasMessageContaining("annotates video 'v' again");
    }

    @Test
    void aMissingDirectoryOrAnEmptyOneSaysSo() throws IOException {
        assertThatThrownBy(() -> AnnotationLayout.AFF_WILD2.read(root.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> AnnotationLayout.AFF_WILD2.read(root))
                .isInstanceOf(AnnotationFormatException.class).hasMessageContaining("holds no affwild2 annotation files");
    }
}
