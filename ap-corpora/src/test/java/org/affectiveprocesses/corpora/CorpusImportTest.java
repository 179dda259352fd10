package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native layouts plus feature files into a store with the paper's protocol. */
class CorpusImportTest {

    @TempDir
    Path dir;

    @Test
    void disfaBecomesAThreeFoldStoreWithJoinedLabels() throws IOException {
        Path labels = dir.resolve("ActionUnit_Labels");
        Path features = dir.resolve("features");
        List<String> subjects = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String s = String.format("SN%03d", i);
            subjects.add(s);
            Fixtures.disfaSubject(labels, s, 40);
            Fixtures.featureFile(features, "LeftVideo" + s + "_comp", LabelSpace.disfa(), 40, 5, i);
        }
        Fixtures.featureFile(features, "RightVideoSN099_comp", LabelSpace.disfa(), 40, 5, 99);
        List<Annotation> annotations = AnnotationLayout.DISFA.read(labels);
        List<String> progress = new ArrayList<>();

        CorpusImport.Summary s = CorpusImport.of(annotations, FeatureIndex.scan(features))
                .progress((done, total, video) -> progress.add(done + "/" + total + " " + video))
                .run(dir.resolve("store"), "disfa", Protocols.disfa(Protocols.subjectsOf(annotations), 1));

        assertThat(s.videos()).isEqualTo(6);
        assertThat(s.frames()).isEqualTo(240);
        assertThat(s.labelledFrames()).isEqualTo(240);
        assertThat(s.unusedFeatureFiles()).extracting(p -> p.getFileName().toString()).containsExactly("RightVideoSN099_comp.npz");
        assertThat(s.videosInNoSplit()).isEmpty();
        assertThat(progress).hasSize(6).startsWith("1/6 SN001");
        FeatureStore store = FeatureStore.open(dir.resolve("store"));
        assertThat(store.splitNames()).containsExactly("fold1/train", "fold1/test", "fold2/train", "fold2/test",
                "fold3/train", "fold3/test");
        assertThat(store.protocol()).hasValueSatisfying(p -> assertThat(p).startsWith("DISFA 3-fold"));
        assertThat(store.split("fold1/train").size()).isEqualTo(4);
        assertThat(store.split("fold1/test").size()).isEqualTo(2);
        AffectSequence sn2 = store.split("fold1/train").stream().filter(q -> q.id().equals("SN002")).findFirst()
                .orElseGet(() -> store.split("fold1/test").stream().filter(q -> q.id().equals("SN002")).findFirst().orElseThrow());
        Annotation a2 = annotations.get(1);
        assertThat(sn2.subject()).isEqualTo("SN002");
        for (int t = 0; t < 40; t += 9) {
            for (int d = 0; d < 12; d++) {
                assertThat(sn2.label(t, d)).isEqualTo(a2.label(t, d));
            }
        }
        AffectSequence raw = Fixtures.features("LeftVideoSN002_comp", LabelSpace.disfa(), 40, 5, 2);
        assertThat(sn2.features(17)).containsExactly(raw.features(17));
        assertThat(store.header("SN002").backbone()).isEqualTo("fixture");
    }

    @Test
    void aVideoWithoutFeaturesOrOfAnotherLengthIsAnErrorNamingTheAnnotation() throws IOException {
        Path labels = dir.resolve("labels");
        Path features = dir.resolve("features");
        Fixtures.disfaSubject(labels, "SN001", 30);
        Fixtures.disfaSubject(labels, "SN002", 30);
        Fixtures.featureFile(features, "SN001", LabelSpace.disfa(), 30, 5, 1);
        List<Annotation> annotations = AnnotationLayout.DISFA.read(labels);
        Partition all = Protocols.single(Protocols.subjectsOf(annotations));
        assertThatThrownBy(() -> CorpusImport.of(annotations, FeatureIndex.scan(features)).run(dir.resolve("s1"), "x", all))
                .isInstanceOf(AnnotationFormatException.class)
                .hasMessageContaining("SN002_au1.txt: annotates video 'SN002', but")
                .hasMessageContaining("has no feature file SN002.npz");
        assertThat(dir.resolve("s1")).as("a failed import leaves nothing behind").doesNotExist();

        Fixtures.featureFile(features, "SN002", LabelSpace.disfa(), 28, 5, 2);
        assertThatThrownBy(() -> CorpusImport.of(annotations, FeatureIndex.scan(features)).run(dir.resolve("s2"), "x", all))
                .hasMessageContaining("SN002_au1.txt: line 29: (frame 29) is the annotation's frame 29 of 30, but the feature file");
        CorpusImport.Summary ok = CorpusImport.of(annotations, FeatureIndex.scan(features)).lengthTolerance(2)
                .run(dir.resolve("s3"), "x", all);
        assertThat(ok.frames()).isEqualTo(58);
        assertThat(Files.exists(dir.resolve("s3/store.json"))).isTrue();
    }

    @Test
    void ambiguousFeatureNamesAreRefused() throws IOException {
        Path features = dir.resolve("features");
        Fixtures.featureFile(features, "LeftVideoSN001", LabelSpace.disfa(), 5, 2, 1);
        Fixtures.featureFile(features, "RightVideoSN001", LabelSpace.disfa(), 5, 2, 1);
        FeatureIndex index = FeatureIndex.scan(features);
        assertThatThrownBy(() -> index.find("SN001")).hasMessageContaining("matches several feature files");
        assertThat(index.find("LeftVideoSN001")).isPresent();
        assertThat(index.find("SN002")).isEmpty();
    }
}
