package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SEWA layout: a header naming the columns, one row per frame or timestamp. */
class SewaReaderTest {

    @TempDir
    Path root;

    @Test
    void readsTheAvecLayoutByColumnNameAsATimedTrace() throws IOException {
        Fixtures.write(root.resolve("Train_DE_01.csv"),
                "name;timestamp;arousal;valence;liking\n'Train_DE_01';0.00;0.10;-0.20;0\n'Train_DE_01';0.10;0.30;;0\n");

        List<Annotation> a = AnnotationLayout.SEWA.read(root);

        Annotation s = a.get(0);
        assertThat(s.video()).isEqualTo("Train_DE_01");
        assertThat(s.isTimed()).isTrue();
        assertThat(s.seconds(1)).isEqualTo(0.1);
        assertThat(s.label(0, 0)).as("valence is dimension 0").isEqualTo(-0.2f);
        assertThat(s.label(0, 1)).isEqualTo(0.1f);
        assertThat(s.label(1, 0)).as("an empty field is missing").isNaN();
        assertThat(s.label(1, 1)).isEqualTo(0.3f);
    }

    @Test
    void aCommaTraceWithoutTimeIsPerFrame() throws IOException {
        Fixtures.write(root.resolve("v.csv"), "Valence,Arousal\n0.1,0.2\nNaN,0.3\n");
        Annotation s = AnnotationLayout.SEWA.read(root).get(0);
        assertThat(s.isTimed()).isFalse();
        assertThat(s.frames()).isEqualTo(2);
        assertThat(s.label(1, 0)).isNaN();
    }

    @Test
    void missingColumnsAreNamed() throws IOException {
        Fixtures.write(root.resolve("v.csv"), "name;timestamp;arousal\nx;0;0.1\n");
        assertThatThrownBy(() -> AnnotationLayout.SEWA.read(root))
                .hasMessageContaining("v.csv: line 1: names the columns [name, timestamp, arousal]; a SEWA trace needs");
    }

    @Test
    void rowsWithTheWrongFieldCountAndTimeGoingBackAreRejected() throws IOException {
        Fixtures.write(root.resolve("a.csv"), "timestamp;valence;arousal\n0.0;0.1;0.1\n0.1;0.1\n");
        assertThatThrownBy(() -> AnnotationLayout.SEWA.read(root)).hasMessageContaining("a.csv: line 3: has 2 fields");
        Fixtures.write(root.resolve("a.csv"), "timestamp;valence;arousal\n0.2;0.1;0.1\n0.1;0.1;0.1\n");
        assertThatThrownBy(() -> AnnotationLayout.SEWA.read(root))
                .hasMessageContaining("a.csv: line 3: timestamp 0.1 does not increase");
    }
}
