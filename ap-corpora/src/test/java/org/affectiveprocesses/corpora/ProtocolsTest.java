package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paper's protocols: deterministic, subject-disjoint, of the stated sizes. */
class ProtocolsTest {

    @TempDir
    Path dir;

    private static List<String> subjects(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("%s%03d", prefix, i)).collect(Collectors.toList());
    }

    @ParameterizedTest
    @CsvSource({"10, 8, 1, 1", "20, 16, 2, 2", "8, 6, 1, 1", "3, 1, 1, 1", "64, 51, 7, 6"})
    void sewaIsEightOneOneBySubject(int n, int train, int validation, int test) {
        Partition p = Protocols.sewa(subjects("S", n), 1);
        assertThat(p.splitNames()).containsExactly("train", "validation", "test");
        assertThat(p.subjects("train")).hasSize(train);
        assertThat(p.subjects("validation")).hasSize(validation);
        assertThat(p.subjects("test")).hasSize(test);
        Set<String> all = new HashSet<>();
        p.splitNames().forEach(s -> all.addAll(p.subjects(s)));
        assertThat(all).containsExactlyInAnyOrderElementsOf(subjects("S", n));
    }

    @Test
    void theSameSeedGivesTheSamePartitionWhateverTheInputOrder() {
        List<String> s = subjects("S", 30);
        List<String> reversed = new ArrayList<>(s);
        java.util.Collections.reverse(reversed);
        Partition a = Protocols.sewa(s, 7);
        Partition b = Protocols.sewa(reversed, 7);
        Partition c = Protocols.sewa(s, 8);
        for (String split : a.splitNames()) {
            assertThat(b.subjects(split)).isEqualTo(a.subjects(split));
        }
        assertThat(c.subjects("test")).isNotEqualTo(a.subjects("test"));
        // pinned: a change of the shuffle would silently change the splits of published results
        Partition ten = Protocols.sewa(subjects("S", 10), 1);
        assertThat(ten.subjects("validation")).containsExactly("S004");
        assertThat(ten.subjects("test")).containsExactly("S007");
        assertThat(Protocols.disfa(subjects("SN", 27), 1).subjects("fold1/test"))
                .containsExactly("SN003", "SN009", "SN010", "SN012", "SN015", "SN017", "SN019", "SN020", "SN022");
    }

    @Test
    void disfaIsThreeFoldsOfEighteenTrainAndNineTestSubjects() {
        List<String> s = subjects("SN", 27);
        Partition p = Protocols.disfa(s, 1);
        assertThat(p.folds()).containsExactly("fold1", "fold2", "fold3");
        Set<String> tested = new HashSet<>();
        for (String fold : p.folds()) {
            List<String> train = p.subjects(fold + "/train");
            List<String> test = p.subjects(fold + "/test");
            assertThat(train).hasSize(18);
            assertThat(test).hasSize(9);
            assertThat(train).doesNotContainAnyElementsOf(test);
            assertThat(tested.addAll(test)).isTrue();
            assertThat(tested).doesNotHaveDuplicates();
        }
        assertThat(tested).containsExactlyInAnyOrderElementsOf(s);
        assertThat(Protocols.disfa(s, 1).subjects("fold2/test")).isEqualTo(p.subjects("fold2/test"));
    }

    @Test
    void foldsCanHoldOutValidationSubjectsFromTheirTrainingSubjects() {
        List<String> s = subjects("SN", 27);
        Partition p = Protocols.disfa(s, 1, 2);
        Partition plain = Protocols.disfa(s, 1);
        assertThat(p.splitNames()).containsExactly("fold1/train", "fold1/validation", "fold1/test", "fold2/train",
                "fold2/validation", "fold2/test", "fold3/train", "fold3/validation", "fold3/test");
        for (String fold : p.folds()) {
            assertThat(p.subjects(fold + "/test")).isEqualTo(plain.subjects(fold + "/test"));
            assertThat(p.subjects(fold + "/train")).hasSize(16).doesNotContainAnyElementsOf(p.subjects(fold + "/validation"));
            assertThat(p.subjects(fold + "/validation")).hasSize(2).isSubsetOf(plain.subjects(fold + "/train"));
        }
        assertThatThrownBy(() -> Protocols.disfa(s, 1, 18)).hasMessageContaining("cannot hold out 18 for validation");
    }

    @Test
    void overlappingSplitsOfOneFoldOrPartitionAreRejected() {
        assertThatThrownBy(() -> Partition.of("x", Map.of("train", List.of("a", "b"), "test", List.of("b"))))
                .hasMessageContaining("share the subjects [b]");
        assertThatThrownBy(() -> Partition.of("x", Map.of("f1/train", List.of("a"), "f1/test", List.of("a"))))
                .hasMessageContaining("share the subjects [a]");
        assertThat(Partition.of("x", Map.of("f1/train", List.of("a"), "f2/test", List.of("a"))).splitNames()).hasSize(2);
    }

    @Test
    void assignPutsEachVideoInItsSubjectsSplit() {
        Partition p = Partition.of("x", new java.util.LinkedHashMap<>(Map.of("train", List.of("F001"), "test", List.of("M001"))));
        Map<String, List<String>> v = p.assign(Map.of("F001_T1", "F001", "F001_T2", "F001", "M001_T1", "M001", "X_T1", "X"));
        assertThat(v.get("train")).containsExactly("F001_T1", "F001_T2");
        assertThat(v.get("test")).containsExactly("M001_T1");
        assertThatThrownBy(() -> p.assign(Map.of("F001_T1", "F001"))).hasMessageContaining("split 'test' would hold no video");
    }

    @Test
    void officialPartitionsComeFromListFilesWithLineNumbersInErrors() throws IOException {
        Fixtures.write(dir.resolve("test.txt"), "M001\n");
        Fixtures.write(dir.resolve("train.txt"), "# FERA 2015 training subjects\nF001\nF003\n");
        Partition p = Protocols.fromListFiles(dir, List.of("F001", "F003", "M001", "M002"));
        assertThat(p.splitNames()).containsExactly("train", "test");
        assertThat(p.subjects("train")).containsExactly("F001", "F003");

        Fixtures.write(dir.resolve("validation.txt"), "M002\nF099\n");
        assertThatThrownBy(() -> Protocols.fromListFiles(dir, List.of("F001", "F003", "M001", "M002")))
                .isInstanceOf(AnnotationFormatException.class)
                .hasMessageContaining("validation.txt: line 2: subject 'F099' has no annotated video");
        Fixtures.write(dir.resolve("validation.txt"), "M002\nF003\n");
        assertThatThrownBy(() -> Protocols.fromListFiles(dir, List.of("F001", "F003", "M001", "M002")))
                .hasMessageContaining("validation.txt: line 2: subject 'F003' is already listed in train.txt line 3");
    }

    @Test
    void aFolderPartitionFollowsAffWild2Names() throws IOException {
        Fixtures.affWild2(dir.resolve("Train_Set/a.txt"), 3);
        Fixtures.affWild2(dir.resolve("Train_Set/b.txt"), 3);
        Fixtures.affWild2(dir.resolve("Validation_Set/c.txt"), 3);
        Partition p = Protocols.fromFolders(AnnotationLayout.AFF_WILD2.read(dir));
        assertThat(p.splitNames()).containsExactly("train", "validation");
        assertThat(p.subjects("train")).containsExactly("a", "b");
    }

    @Test
    void tooFewSubjectsAreRefused() {
        assertThatThrownBy(() -> Protocols.sewa(List.of("a", "b"), 1)).hasMessageContaining("cannot split 2 subjects 8:1:1");
        assertThatThrownBy(() -> Protocols.folds(List.of("a", "b"), 3, 1)).hasMessageContaining("at least k subjects");
    }
}
