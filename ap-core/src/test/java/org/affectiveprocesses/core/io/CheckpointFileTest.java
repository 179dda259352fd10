package org.affectiveprocesses.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.AdamState;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.core.training.DatasetIdentity;
import org.affectiveprocesses.core.training.EpochLoop;
import org.affectiveprocesses.core.training.TrainingCheckpoint;
import org.affectiveprocesses.io.IoFixtures;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.TensorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
    @TempDir
    Path dir;

    static final TrainingConfig CONFIG = TrainingConfig.valenceArousal().withSeed(-3).withSchedule(3, 4)
            .withArchitecture(new ApArchitecture(ApVariant.LATENT, true, 8, 6, 3, 0.05, 0.2));
    static final ApModelSpec SPEC = new ApModelSpec(CONFIG.architecture(), 5, LabelSpace.valenceArousal());

    /** A checkpoint after {@code done} steps of 3 × 4: epoch 1 (the best) validated after 4 steps, 2 after 8, 3 after 12. */
    static TrainingCheckpoint checkpoint(long done) {
        List<EpochReport> reports = new ArrayList<>();
        Map<String, Double> first = new LinkedHashMap<>();
        first.put("CCC valence", 0.25);
        first.put("CCC arousal", Double.NaN);
        first.put("CCC mean", 0.1 + 0.2);
        Map<String, Double> second = new LinkedHashMap<>(first);
        second.put("CCC mean", 0.125);
        if (done >= 4) {
            reports.add(new EpochReport(1, 3, 1.5, 2.5e-4, first, 0.1 + 0.2, true, 3.25));
        }
        if (done >= 8) {
            reports.add(new EpochReport(2, 3, 0.75, 1.25e-4, second, 0.125, false, 2.0));
        }
        if (done >= 12) {
            reports.add(new EpochReport(3, 3, 0.5, 0, second, 0.125, false, 1.5));
        }
        EpochLoop.Best<ApWeights> best = reports.isEmpty() ? null
                : new EpochLoop.Best<>(WeightInitializer.initialize(SPEC, 2), first, 1);
        float[] v = WeightInitializer.initialize(SPEC, 4).flatten();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i]) * 1e-3f;
        }
        AdamState adam = done == 0 ? AdamState.initial(SPEC)
                : new AdamState(done, WeightInitializer.initialize(SPEC, 3), ApWeights.fromFlat(SPEC, v));
        float[] mean = {1, -2, 3.5f, 0, 7};
        float[] std = {0.5f, 1, 2, 4, 8};
        return new TrainingCheckpoint("0.1.0-SNAPSHOT", "djl", CONFIG, SPEC,
                new DatasetIdentity("train (4 sequences) ünïcode", "ab".repeat(32)),
                new DatasetIdentity("validation (2 sequences)", "0f".repeat(32)), InputStandardization.of(mean, std, 1400),
                new EpochLoop.State<>(done, done % 4 == 0 ? 0 : 1.0 / 3, done % 4 == 0 ? 0 : 0.625, reports, best),
                WeightInitializer.initialize(SPEC, 1), adam);
    }

    private Path written(String name, long done) throws IOException {
        Path file = dir.resolve(name);
        CheckpointFile.write(file, checkpoint(done));
        return file;
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void roundTripsAtTheStartWithinAnEpochAndAtItsEnd() throws IOException {
        for (long done : new long[] {0, 3, 8, 9, 12}) {
            TrainingCheckpoint c = checkpoint(done);
            Path file = written("c" + done + CheckpointFile.EXTENSION, done);
            TrainingCheckpoint back = CheckpointFile.read(file);
            assertThat(back).as("after %d steps", done).isEqualTo(c);
            assertThat(back.loop().epochLoss()).isEqualTo(c.loop().epochLoss());
            assertThat(back.loop().epochs()).isEqualTo(c.loop().epochs());
            if (done >= 4) {
                assertThat(back.loop().epochs().get(0).validationScores().get("CCC arousal")).isNaN();
                assertThat(back.loop().best().weights()).isEqualTo(c.loop().best().weights());
            }
        }
        assertThat(listing()).hasSize(5); // no temporary files left
    }

    @Test
    void theFileIsANumpyArchiveWithTheDocumentedEntriesAndManifest() throws IOException {
        Path file = written("doc.apckpt", 9);
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.entryNames().get(0)).isEqualTo("apmodel.json");
            assertThat(r.entryNames().get(r.entryNames().size() - 1)).isEqualTo("checksums.sha256");
            List<String> names = new ArrayList<>();
            for (String prefix : List.of("weights/", "adam.m/", "adam.v/", "best/")) {
                SPEC.parameters().forEach(t -> names.add(prefix + t.name()));
            }
            names.add("input.mean");
            names.add("input.std");
            assertThat(r.names()).containsExactlyElementsOf(names);
            assertThat(r.get("best/encoder.0.weight").toFloats())
                    .containsExactly(WeightInitializer.initialize(SPEC, 2).get("encoder.0.weight"));
            JsonNode m = new ObjectMapper().readTree(r.text("apmodel.json"));
            assertThat(m.get("format").textValue()).isEqualTo("affective-process-checkpoint");
            assertThat(m.get("formatVersion").intValue()).isEqualTo(1);
            assertThat(m.get("engine").textValue()).isEqualTo("djl");
            assertThat(m.at("/trainingConfig/values/seed").longValue()).isEqualTo(-3);
            assertThat(m.at("/trainingData/sha256").textValue()).isEqualTo("ab".repeat(32));
            assertThat(m.at("/position/completedSteps").longValue()).isEqualTo(9);
            assertThat(m.at("/position/epochLoss").doubleValue()).isEqualTo(1.0 / 3);
            assertThat(m.at("/adam/steps").longValue()).isEqualTo(9);
            assertThat(m.get("epochs")).hasSize(2);
            assertThat(m.at("/epochs/0/validationScores/CCC arousal").textValue()).isEqualTo("NaN");
            assertThat(m.get("bestEpoch").intValue()).isEqualTo(1);
            assertThat(m.at("/inputStandardization/frames").intValue()).isEqualTo(1400);
        }
        try (NpzReader r = NpzArchive.open(written("start.apckpt", 0))) {
            assertThat(r.names()).noneMatch(n -> n.startsWith("best/"));
        }
    }

    @Test
    void modelFilesAndCheckpointsAreNotTakenForEachOther() throws IOException {
        Path checkpoint = written("c.apckpt", 9);
        Path model = dir.resolve("m.apmodel");
        ModelFile.write(model, ModelFile.Contents.of(WeightInitializer.initialize(SPEC, 1), InferenceOptions.paper(),
                Provenance.untrained("0.1.0-SNAPSHOT", "djl", "test")));
        assertThatThrownBy(() -> CheckpointFile.read(model)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("m.apmodel").hasMessageContaining("field 'format'")
                .hasMessageContaining("expected 'affective-process-checkpoint'");
        assertThatThrownBy(() -> ModelFile.read(checkpoint)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("c.apckpt").hasMessageContaining("'affective-process-checkpoint'");
    }

    @Test
    void anInconsistentPositionIsNamed() throws IOException {
        assertRejected(edited(m -> ((ObjectNode) m.get("adam")).put("steps", 8)), "field 'adam.steps'",
                "is 8 but the training took 9");
        assertRejected(edited(m -> ((ObjectNode) m.get("position")).put("completedSteps", 13)),
                "field 'position.completedSteps'", "the schedule has 12 steps");
        assertRejected(edited(m -> ((ObjectNode) m.get("position")).put("completedSteps", 12)),
                "field 'adam.steps'");
        assertRejected(edited(m -> ((ArrayNode) m.get("epochs")).remove(1)), "field 'epochs'",
                "has 1 reports; 2 epochs were validated by step 9");
        assertRejected(edited(m -> ((ObjectNode) m.get("epochs").get(1)).put("epoch", 3)), "field 'epochs[1].epoch'",
                "expected 2");
        assertRejected(edited(m -> m.put("bestEpoch", 2)), "field 'bestEpoch'",
                "is 2 but the last epoch marked best is 1");
        assertRejected(edited(m -> ((ObjectNode) m.get("epochs").get(0)).put("best", false)), "field 'epochs'",
                "first epoch");
        assertRejected(edited(m -> ((ObjectNode) m.get("epochs").get(0).get("validationScores")).remove("CCC mean")),
                "field 'epochs[0].validationScores'", "lacks the selection score 'CCC mean'");
        assertRejected(edited(m -> ((ObjectNode) m.get("position")).put("epochSeconds", -1.0)),
                "unusable training state", "bad training position");
    }

    @Test
    void unknownAndInvalidFieldsAreNamed() throws IOException {
        assertRejected(edited(m -> m.put("optimizer", "sgd")), "field 'optimizer'", "not a known field");
        assertRejected(edited(m -> ((ObjectNode) m.get("trainingData")).put("sha256", "xyz")),
                "field 'trainingData.sha256'", "64 lower-case hex digits");
        assertRejected(edited(m -> ((ObjectNode) m.get("position")).put("rng", 5)), "field 'position.rng'");
        assertRejected(edited(m -> ((ObjectNode) m.at("/trainingConfig/values")).put("epochs", 0)),
                "field 'trainingConfig'", "epochs must be >= 1");
        assertRejected(edited(m -> m.put("formatVersion", 2)), "format version 2 is not supported");
        assertRejected(edited(m -> m.put("featureSize", 6)), "of tensor 'weights/", "[6");
    }

    @Test
    void aNegativeSecondMomentIsRefusedEvenWithAMatchingHash() throws IOException {
        Path src = written("src.apckpt", 9);
        Path bad = dir.resolve("bad.apckpt");
        TensorSpec t = SPEC.parameters().get(2);
        float[] v = checkpoint(9).adam().secondMoments().get(t.name());
        v[1] = -1e-6f;
        NpyArray a = NpyArray.ofFloats(t.shape(), v);
        IoFixtures.rewrite(src, bad, "apmodel.json", m -> {
            for (JsonNode n : m.get("tensors")) {
                if (n.get("name").textValue().equals("adam.v/" + t.name())) {
                    ((ObjectNode) n).put("sha256", a.sha256());
                }
            }
        }, Map.of("adam.v/" + t.name(), a));
        assertRejected(bad, "unusable training state", "second moment of tensor " + t.name(), "flat index 1");
    }

    @Test
    void aFlippedByteAndATruncatedFileAreNamed() throws IOException {
        Path file = written("flip.apckpt", 9);
        byte[] bytes = Files.readAllBytes(file);
        byte[] flipped = bytes.clone();
        int name = IoFixtures.indexOf(bytes, "adam.v/decoder.1.weight.npy".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        flipped[name + 200] ^= 0x04;
        Files.write(file, flipped);
        assertRejected(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertRejected(file);
    }

    @Test
    void aFailedWriteLeavesThePreviousCheckpoint() throws IOException {
        Path file = written("keep.apckpt", 3);
        byte[] before = Files.readAllBytes(file);
        TrainingCheckpoint c = checkpoint(9);
        assertThatThrownBy(() -> CheckpointFile.write(dir.resolve("missing").resolve("x.apckpt"), c))
                .isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(listing()).containsExactly(file);
    }

    private Path edited(Consumer<ObjectNode> edit) throws IOException {
        Path src = dir.resolve("src.apckpt");
        if (!Files.exists(src)) {
            CheckpointFile.write(src, checkpoint(9));
        }
        Path bad = dir.resolve("bad.apckpt");
        IoFixtures.rewrite(src, bad, "apmodel.json", edit, Map.of());
        return bad;
    }

    private static void assertRejected(Path file, String... messageParts) {
        var assertion = assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.getFileName().toString());
        for (String part : messageParts) {
            assertion.hasMessageContaining(part);
        }
    }
}
