package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.training.ClipSampler;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature store: round trip, lazy bounded reading, and its errors. */
class FeatureStoreTest {

    @TempDir
    Path dir;

    @Test
    void aCorpusRoundTripsThroughAStore() throws IOException {
        SyntheticAffectCorpus corpus = SyntheticAffectCorpus.generate(
                SyntheticConfig.small(3).withSubjects(2, 1, 1).withFrames(80, 100).withFeatureSize(8));

        FeatureStore written = FeatureStore.write(dir.resolve("store"), corpus);
        AffectCorpus store = FeatureStore.open(dir.resolve("store"));

        assertThat(store.name()).isEqualTo(corpus.name());
        assertThat(store.splitNames()).containsExactlyElementsOf(corpus.splitNames());
        assertThat(store.labelSpace()).isEqualTo(corpus.labelSpace());
        assertThat(store.featureSize()).isEqualTo(8);
        assertThat(written.protocol()).contains("the splits of corpus " + corpus.name());
        for (String split : corpus.splitNames()) {
            SequenceDataset a = corpus.split(split);
            SequenceDataset b = store.split(split);
            assertThat(b.name()).isEqualTo(corpus.name() + "/" + split);
            assertThat(b.size()).isEqualTo(a.size());
            for (int i = 0; i < a.size(); i++) {
                AffectSequence x = a.get(i);
                AffectSequence y = b.get(i);
                assertThat(b.length(i)).isEqualTo(x.length());
                assertThat(y.id()).isEqualTo(x.id());
                assertThat(y.subject()).isEqualTo(x.subject());
                for (int t = 0; t < x.length(); t += 7) {
                    assertThat(y.features(t)).containsExactly(x.features(t));
                    assertThat(y.pseudoLabels(t)).containsExactly(x.pseudoLabels(t));
                    assertThat(y.labels(t)).containsExactly(x.labels(t));
                    assertThat(y.seconds(t)).isEqualTo(x.seconds(t));
                }
            }
        }
        assertThatThrownBy(() -> store.split("dev")).hasMessageContaining("its splits are [train, validation, test]");
    }

    @Test
    void onlyABoundedNumberOfSequencesIsResident() throws IOException {
        int videos = 40;
        int frames = 50;
        int dx = 16;
        FeatureStoreWriter w = FeatureStore.create(dir, "many");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < videos; i++) {
            String id = String.format("video%02d", i);
            w.add(Fixtures.features(id, LabelSpace.valenceArousal(), frames, dx, i));
            ids.add(id);
        }
        w.finish(Map.of("train", ids), null);
        long oneSequence = SequenceCache.estimate(frames, dx, 2);

        FeatureStore store = FeatureStore.open(dir, 3 * oneSequence);
        SequenceDataset train = store.split("train");

        assertThat(store.loads()).isZero();
        long total = 0;
        for (int i = 0; i < train.size(); i++) {
            total += train.length(i);
        }
        assertThat(total).isEqualTo((long) videos * frames);
        assertThat(train.identity()).contains("40 sequences, 2000 frames");
        assertThat(store.loads()).as("lengths come from headers").isZero();
        for (AffectSequence s : train) {
            assertThat(s.length()).isEqualTo(frames);
            assertThat(store.residentSequences()).isLessThanOrEqualTo(3);
        }
        assertThat(store.loads()).isEqualTo(videos);
        assertThat(store.residentSequences()).isEqualTo(3);
        train.get(39);
        train.get(38);
        assertThat(store.loads()).as("recent sequences come from the cache").isEqualTo(videos);
        train.get(0);
        assertThat(store.loads()).isEqualTo(videos + 1);
    }

    @Test
    void trainingBatchesComeFromABoundedCache() throws IOException {
        FeatureStoreWriter w = FeatureStore.create(dir, "clips");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            AffectSequence s = Fixtures.features("v" + i, LabelSpace.valenceArousal(), 120, 8, i);
            float[][] x = new float[120][];
            float[][] y = new float[120][];
            float[][] gt = new float[120][];
            for (int t = 0; t < 120; t++) {
                x[t] = s.features(t);
                y[t] = s.pseudoLabels(t);
                gt[t] = new float[] {0.1f * (t % 7), -0.1f};
            }
            w.add(AffectSequence.of("v" + i, LabelSpace.valenceArousal(), x, y, gt));
            ids.add("v" + i);
        }
        w.finish(Map.of("train", ids), null);
        FeatureStore store = FeatureStore.open(dir, 2 * SequenceCache.estimate(120, 8, 2));
        TrainingConfig config = TrainingConfig.valenceArousal().withBatchSize(8);
        ClipSampler sampler = new ClipSampler(store.split("train"), config, 16, 1);
        for (int step = 0; step < 10; step++) {
            assertThat(sampler.next().clips()).isEqualTo(8);
            assertThat(store.residentSequences()).isLessThanOrEqualTo(2);
        }
        assertThat(store.loads()).as("80 clips from 12 videos through a 2-video cache").isGreaterThan(12);
    }

    @Test
    void aZeroBudgetReadsEveryTimeAndKeepsNothing() throws IOException {
        FeatureStoreWriter w = FeatureStore.create(dir, "s");
        w.add(Fixtures.features("a", LabelSpace.valenceArousal(), 10, 2, 1));
        w.finish(Map.of("all", List.of("a")), null);
        FeatureStore store = FeatureStore.open(dir, 0);
        store.split("all").get(0);
        store.split("all").get(0);
        assertThat(store.loads()).isEqualTo(2);
        assertThat(store.residentSequences()).isZero();
    }

    @Test
    void aDirectoryOfFeatureFilesWithoutManifestIsOneSplit() throws IOException {
        Fixtures.featureFile(dir, "b", LabelSpace.bp4d(), 12, 3, 1);
        Fixtures.featureFile(dir, "a", LabelSpace.bp4d(), 10, 3, 2);
        FeatureStore store = FeatureStore.open(dir);
        assertThat(store.splitNames()).containsExactly(FeatureStore.ALL);
        assertThat(store.videoIds()).containsExactly("a", "b");
        assertThat(store.frames()).isEqualTo(22);
        assertThat(store.header("b").backbone()).isEqualTo("fixture");
        assertThat(store.split("all").get(1).id()).isEqualTo("b");
    }

    @Test
    void filesOfAnotherLabelSpaceOrFeatureSizeAreRejected() throws IOException {
        Fixtures.featureFile(dir, "a", LabelSpace.bp4d(), 10, 3, 1);
        Fixtures.featureFile(dir, "b", LabelSpace.disfa(), 10, 3, 1);
        assertThatThrownBy(() -> FeatureStore.open(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("b.npz: holds disfa-au with 3 features, but a.npz holds bp4d-au with 3");
    }

    @Test
    void theManifestIsChecked() throws IOException {
        Fixtures.featureFile(dir, "a", LabelSpace.valenceArousal(), 10, 3, 1);
        Fixtures.write(dir.resolve("store.json"), "{\"format\": \"affective-process-feature-store\", \"formatVersion\": 1,"
                + " \"name\": \"x\", \"splits\": {\"train\": [\"a\", \"zz\"]}}");
        assertThatThrownBy(() -> FeatureStore.open(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("store.json: split 'train' names video 'zz', but no feature file");
        Fixtures.write(dir.resolve("store.json"), "{\"format\": \"affective-process-feature-store\", \"formatVersion\": 2,"
                + " \"name\": \"x\", \"splits\": {\"train\": [\"a\"]}}");
        assertThatThrownBy(() -> FeatureStore.open(dir)).hasMessageContaining("field 'formatVersion' is 2");
        Fixtures.write(dir.resolve("store.json"), "{\"format\": \"affective-process-feature-store\", \"formatVersion\": 1,"
                + " \"name\": \"x\", \"name\": \"y\", \"splits\": {\"train\": [\"a\"]}}");
        assertThatThrownBy(() -> FeatureStore.open(dir)).hasMessageContaining("store.json: is not valid JSON")
                .hasMessageContaining("Duplicate field 'name'");
        Fixtures.write(dir.resolve("store.json"), "{\"format\": \"affective-process-feature-store\", \"formatVersion\": 1,"
                + " \"name\": \"x\", \"splits\": {\"train\": [\"a\"]}, \"extra\": 1}");
        assertThatThrownBy(() -> FeatureStore.open(dir)).hasMessageContaining("unknown field 'extra'");
        Fixtures.write(dir.resolve("store.json"), "{\"format\": ");
        assertThatThrownBy(() -> FeatureStore.open(dir)).hasMessageContaining("store.json: is not valid JSON");
    }

    @Test
    void aDamagedFileFailsWhenReadNamingIt() throws IOException {
        FeatureStoreWriter w = FeatureStore.create(dir, "s");
        w.add(Fixtures.features("a", LabelSpace.valenceArousal(), 10, 2, 1));
        FeatureStore store = w.finish(Map.of("all", List.of("a")), null);
        byte[] bytes = Files.readAllBytes(dir.resolve("a.npz"));
        bytes[bytes.length / 3] ^= 0x55;
        Files.write(dir.resolve("a.npz"), bytes);
        assertThatThrownBy(() -> store.split("all").get(0)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("a.npz");
    }

    @Test
    void theWriterRefusesUsedDirectoriesAndUnknownIds() throws IOException {
        Fixtures.featureFile(dir.resolve("used"), "a", LabelSpace.valenceArousal(), 5, 2, 1);
        assertThatThrownBy(() -> FeatureStore.create(dir.resolve("used"), "s"))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("choose a new directory");
        assertThatThrownBy(() -> FeatureStore.create(dir.resolve("missing-parent").resolve("store"), "s"))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("does not exist");
        FeatureStoreWriter w = FeatureStore.create(dir.resolve("new"), "s");
        assertThat(w.add(Fixtures.features("a/b", LabelSpace.valenceArousal(), 5, 2, 1)).getFileName())
                .hasToString("a_b.npz");
        assertThat(dir.resolve("new")).doesNotExist(); // until finished
        assertThatThrownBy(() -> w.add(Fixtures.features("a?b", LabelSpace.valenceArousal(), 5, 2, 1)))
                .hasMessageContaining("would share the file name a_b.npz");
        Map<String, List<String>> splits = new LinkedHashMap<>();
        splits.put("train", List.of("nope"));
        assertThatThrownBy(() -> w.finish(splits, null)).hasMessageContaining("names 'nope', which was not added");
        assertThatThrownBy(() -> FeatureStore.open(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aVideoInTwoSplitsThatMustBeDisjointIsRejected() throws IOException {
        for (String id : List.of("a", "b", "c")) {
            Fixtures.featureFile(dir, id, LabelSpace.valenceArousal(), 10, 3, 1);
        }
        String head = "{\"format\": \"affective-process-feature-store\", \"formatVersion\": 1, \"name\": \"x\", \"splits\": ";
        Fixtures.write(dir.resolve("store.json"), head + "{\"train\": [\"a\", \"b\"], \"test\": [\"c\", \"a\"]}}");
        assertThatThrownBy(() -> FeatureStore.open(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("store.json: lists video 'a' in both split 'train' and split 'test'");
        Fixtures.write(dir.resolve("store.json"), head + "{\"fold1/train\": [\"a\"], \"fold1/test\": [\"b\", \"a\"]}}");
        assertThatThrownBy(() -> FeatureStore.open(dir)).hasMessageContaining("in both split 'fold1/train' and split 'fold1/test'");
        Fixtures.write(dir.resolve("store.json"), head + "{\"fold1/train\": [\"a\"], \"all\": [\"a\"]}}");
        assertThatThrownBy(() -> FeatureStore.open(dir)).hasMessageContaining("in both split 'fold1/train' and split 'all'");
        // folds of a cross-validation share videos across folds
        Fixtures.write(dir.resolve("store.json"), head + "{\"fold1/train\": [\"a\", \"b\"], \"fold1/test\": [\"c\"],"
                + " \"fold2/train\": [\"c\", \"b\"], \"fold2/test\": [\"a\"]}}");
        assertThat(FeatureStore.open(dir).splitNames()).hasSize(4);
        FeatureStoreWriter w = FeatureStore.create(dir.resolve("new"), "s");
        w.add(Fixtures.features("v", LabelSpace.valenceArousal(), 5, 2, 1));
        assertThatThrownBy(() -> w.finish(Map.of("train", List.of("v"), "test", List.of("v")), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists video 'v' in both split");
    }

    @Test
    void anUnfinishedStoreLeavesOnlyATemporaryDirectoryThatIsRefusedAndLaterSwept() throws IOException {
        FeatureStoreWriter w = FeatureStore.create(dir.resolve("store"), "s");
        Path first = w.add(Fixtures.features("v1", LabelSpace.valenceArousal(), 5, 2, 1));
        Path temp = first.getParent();
        assertThat(dir.resolve("store")).doesNotExist();
        assertThat(temp.getFileName().toString()).matches("\\.store\\.ap-[0-9a-f]{16}\\.tmp");
        assertThatThrownBy(() -> FeatureStore.open(temp)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("is an unfinished feature store");
        w.abort();
        assertThat(temp).doesNotExist();
        assertThat(dir.resolve("store")).doesNotExist();
    }
}
