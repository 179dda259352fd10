package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annotations joined with feature sequences by frame or by time; missing labels stay NaN. */
class AnnotationJoinTest {

    @TempDir
    Path root;

    private Annotation affWild2(int frames) throws IOException {
        return AffWild2Reader.readFile(root, Fixtures.affWild2(root.resolve("v.txt"), frames));
    }

    @Test
    void equalLengthsJoinFrameByFrameAndKeepFeatures() throws IOException {
        Annotation a = affWild2(6);
        AffectSequence f = Fixtures.features("features-of-v", LabelSpace.valenceArousal(), 6, 4, 1);

        AffectSequence j = AnnotationJoin.join(f, Path.of("v.npz"), a, 0);

        assertThat(j.id()).isEqualTo("v");
        assertThat(j.subject()).isEqualTo("v");
        assertThat(j.length()).isEqualTo(6);
        assertThat(j.features(3)).containsExactly(f.features(3));
        assertThat(j.pseudoLabels(3)).containsExactly(f.pseudoLabels(3));
        assertThat(j.label(3, 0)).isEqualTo(a.label(3, 0));
        assertThat(j.label(1, 0)).as("-5 stays masked, not zero").isNaN();
        assertThat(j.hasLabel(1)).isFalse();
        assertThat(j.labelledFrameCount()).isEqualTo(5);
    }

    @Test
    void moreAnnotatedFramesThanFeatureFramesNamesTheFirstExtraLine() throws IOException {
        Annotation a = affWild2(8);
        AffectSequence f = Fixtures.features("v", LabelSpace.valenceArousal(), 6, 4, 1);
        assertThatThrownBy(() -> AnnotationJoin.join(f, Path.of("feat/v.npz"), a, 0))
                .isInstanceOf(AnnotationFormatException.class)
                .hasMessageContaining("v.txt: line 8: is the annotation's frame 7 of 8, but the feature file feat/v.npz "
                        + "has only 6 frames (they must match");
    }

    @Test
    void fewerAnnotatedFramesNamesTheLastLine() throws IOException {
        Annotation a = affWild2(4);
        AffectSequence f = Fixtures.features("v", LabelSpace.valenceArousal(), 6, 4, 1);
        assertThatThrownBy(() -> AnnotationJoin.join(f, Path.of("v.npz"), a, 1))
                .hasMessageContaining("v.txt: line 5: is the last of 4 annotated frames, but the feature file v.npz has 6 "
                        + "frames (at most 1 may differ");
    }

    @Test
    void withinTheToleranceExtraFramesAreUnlabelled() throws IOException {
        Annotation a = affWild2(5);
        AffectSequence f = Fixtures.features("v", LabelSpace.valenceArousal(), 6, 4, 1);
        AffectSequence j = AnnotationJoin.join(f, Path.of("v.npz"), a, 1);
        assertThat(j.label(5, 0)).isNaN();
        assertThat(j.label(4, 0)).isEqualTo(0.8f);
    }

    @Test
    void timedTracesLabelTheNearestFrameWithinHalfASpacing() throws IOException {
        Fixtures.write(root.resolve("s/t.csv"), "timestamp;valence;arousal\n0.0;0.1;0.1\n0.1;0.2;0.2\n0.2;0.3;0.3\n");
        Annotation a = SewaReader.readFile(root.resolve("s"), root.resolve("s/t.csv"));
        AffectSequence f = Fixtures.features("t", LabelSpace.valenceArousal(), 12, 2, 3);  // 30 fps: 0 .. 0.367 s
        AffectSequence j = AnnotationJoin.join(f, Path.of("t.npz"), a, 0);
        assertThat(j.label(0, 0)).isEqualTo(0.1f);       // 0.000 s
        assertThat(j.label(2, 0)).isEqualTo(0.2f);       // 0.067 s: nearest 0.1
        assertThat(j.label(7, 0)).isEqualTo(0.3f);       // 0.233 s: within 0.05 of 0.2
        assertThat(j.label(8, 0)).isNaN();               // 0.267 s: past the trace
        assertThat(j.labelledFrameCount()).isEqualTo(8);
    }

    @Test
    void aFeatureFileOfAnotherLabelSpaceIsRejected() throws IOException {
        Annotation a = affWild2(3);
        AffectSequence f = Fixtures.features("v", LabelSpace.bp4d(), 3, 4, 1);
        assertThatThrownBy(() -> AnnotationJoin.join(f, Path.of("v.npz"), a, 0))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("v.npz: holds pseudo-labels of bp4d-au");
    }

    @Test
    void framesWithoutAFaceStayInvalid() throws IOException {
        Annotation a = affWild2(3);
        AffectSequence f = AffectSequence.builder("v", LabelSpace.valenceArousal(), 2)
                .addFrame(0.0, new float[] {1, 2}, new float[] {0, 0}, null).addInvalidFrame(0.04)
                .addFrame(0.08, new float[] {1, 2}, new float[] {0, 0}, null).build();
        AffectSequence j = AnnotationJoin.join(f, Path.of("v.npz"), a, 0);
        assertThat(j.isValid(1)).isFalse();
        assertThat(j.seconds(2)).isEqualTo(0.08);
        assertThat(j.label(2, 0)).isEqualTo(a.label(2, 0));
    }
}
