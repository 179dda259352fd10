package org.affectiveprocesses.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.affectiveprocesses.api.Configuration;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.io.IoFixtures;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.NpzWriter;
import org.affectiveprocesses.io.TensorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private static Provenance provenance() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("CCC valence", 0.4375);
        scores.put("CCC arousal", 0.1 + 0.2);
        scores.put("undefined", Double.NaN);
        scores.put("huge", Double.NEGATIVE_INFINITY);
        return new Provenance("0.1.0-SNAPSHOT", "djl", "2021-06-19T12:00:00Z",
                TrainingConfig.valenceArousal().withSeed(-5).withSchedule(30, 7).toConfiguration(),
                "SEWA train (subjects 1-20) \"quoted\"", "SEWA valid ünïcode", scores, 17);
    }

    private static ModelFile.Contents small(ApVariant variant, boolean pseudo, LabelSpace labels,
            ContextSelector selector) {
        ApModelSpec spec = new ApModelSpec(new ApArchitecture(variant, pseudo, 8, 6, 3, 0.05, 0.2), 5, labels);
        ApWeights w = WeightInitializer.initialize(spec, 1234);
        InferenceOptions options = new InferenceOptions(30, 20, 12, selector, 3, -987654321012345L);
        float[] mean = new float[5];
        float[] std = new float[5];
        double[] scales = new double[labels.size()];
        for (int i = 0; i < 5; i++) {
            mean[i] = 10f * i - 17.25f;
            std[i] = 0.125f + i;
        }
        for (int d = 0; d < scales.length; d++) {
            scales[d] = 0.5 + d * 1.25;
        }
        UncertaintyCalibration calibration = new UncertaintyCalibration(UncertaintyCalibration.Method.VARIANCE_SCALING,
                scales, "SEWA valid ünïcode", 1234, 0.75, Double.NaN);
        return new ModelFile.Contents(spec, w, InputStandardization.of(mean, std, 4321), calibration, options,
                provenance());
    }

    private static ModelFile.Contents small() {
        return small(ApVariant.LATENT, true, LabelSpace.valenceArousal(), ContextSelectors.lowestSigma());
    }

    private Path writeSmall(String name) throws IOException {
        Path file = dir.resolve(name);
        ModelFile.write(file, small());
        return file;
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void roundTripsEveryVariantAndSelector() throws IOException {
        ContextSelector[] selectors = {ContextSelectors.lowestSigma(), ContextSelectors.highestSigma(),
            ContextSelectors.all(), ContextSelectors.random(-42)};
        int i = 0;
        for (ApVariant v : ApVariant.values()) {
            for (boolean pseudo : new boolean[] {true, false}) {
                ContextSelector sel = selectors[i % selectors.length];
                LabelSpace labels = i % 3 == 0 ? LabelSpace.disfa()
                        : i % 3 == 1 ? LabelSpace.valenceArousal()
                        : LabelSpace.custom("mine", List.of("a", "b", "c"), -3.5, 7.25);
                ModelFile.Contents c = small(v, pseudo, labels, sel);
                Path file = dir.resolve("m" + i++ + ModelFile.EXTENSION);
                ModelFile.write(file, c);
                ModelFile.Contents back = ModelFile.read(file);
                assertThat(back).isEqualTo(c);
                assertThat(back.weights()).isEqualTo(c.weights());
                assertThat(back.weights().maxAbsDifference(c.weights())).isZero();
                assertThat(back.spec()).isEqualTo(c.spec());
                assertThat(back.inference()).isEqualTo(c.inference());
                assertThat(back.inference().selector().name()).isEqualTo(sel.name());
                assertThat(back.provenance()).isEqualTo(c.provenance());
                assertThat(back.provenance().validationScores().get("undefined")).isNaN();
                assertThat(back.standardization()).isEqualTo(c.standardization());
                assertThat(back.calibration()).isEqualTo(c.calibration());
                assertThat(TrainingConfig.fromConfiguration(back.provenance().trainingConfig()))
                        .isEqualTo(TrainingConfig.valenceArousal().withSeed(-5).withSchedule(30, 7));
            }
        }
        assertThat(listing()).hasSize(i); // no temporary files left
    }

    @Test
    void thePaperModelIsANumpyArchiveWithADocumentedManifest() throws IOException {
        ApModelSpec spec = ApModelSpec.paperValenceArousal();
        ModelFile.Contents c = new ModelFile.Contents(spec, WeightInitializer.initialize(spec, 7),
                InputStandardization.identity(512), UncertaintyCalibration.none(2), InferenceOptions.paper(),
                provenance());
        Path file = dir.resolve("paper.apmodel");
        ModelFile.write(file, c);
        assertThat(ModelFile.read(file)).isEqualTo(c);
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.entryNames().get(0)).isEqualTo("apmodel.json");
            List<String> names = new ArrayList<>(spec.parameters().stream().map(TensorSpec::name).toList());
            names.add("input.mean");
            names.add("input.std");
            assertThat(r.names()).containsExactlyElementsOf(names);
            assertThat(r.header("input.std").shape()).containsExactly(512);
            assertThat(r.header("encoder.0.weight").shape()).containsExactly(128, 1024);
            assertThat(r.header("label_upsample.weight").shape()).containsExactly(512, 2);
            assertThat(r.header("decoder.3.bias").shape()).containsExactly(4);
            JsonNode m = new ObjectMapper().readTree(r.text("apmodel.json"));
            assertThat(m.get("format").textValue()).isEqualTo("affective-process-model");
            assertThat(m.get("formatVersion").intValue()).isEqualTo(2);
            assertThat(m.get("modelType").textValue()).isEqualTo("affective-process");
            assertThat(m.get("featureSize").intValue()).isEqualTo(512);
            assertThat(m.get("parameterCount").longValue()).isEqualTo(330_884L);
            assertThat(m.at("/architecture/variant").textValue()).isEqualTo("LATENT");
            assertThat(m.at("/labelSpace/dimensions/1").textValue()).isEqualTo("arousal");
            assertThat(m.at("/inference/selector").textValue()).isEqualTo("lowest-sigma");
            assertThat(m.at("/inference/windowLength").intValue()).isEqualTo(70);
            assertThat(m.at("/provenance/validationScores/undefined").textValue()).isEqualTo("NaN");
            assertThat(m.at("/provenance/trainingConfig/type").textValue()).isEqualTo("TrainingConfig");
            assertThat(m.at("/provenance/trainingConfig/values/epochs").intValue()).isEqualTo(30);
            assertThat(m.at("/calibration/method").textValue()).isEqualTo("NONE");
            assertThat(m.at("/calibration/nllBefore").isNull()).isTrue();
            assertThat(m.at("/inputStandardization/frames").intValue()).isZero();
            assertThat(m.at("/inference").has("batchSize")).isFalse();
            JsonNode t0 = m.get("tensors").get(0);
            assertThat(t0.get("name").textValue()).isEqualTo("label_upsample.weight");
            assertThat(t0.get("dtype").textValue()).isEqualTo("<f4");
            assertThat(t0.get("sha256").textValue()).isEqualTo(r.get("label_upsample.weight").sha256());
        }
    }

    @Test
    void aTruncatedFileIsAFormatError() throws IOException {
        Path file = writeSmall("t.apmodel");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("t.apmodel");
    }

    @Test
    void aFlippedByteInATensorIsCaughtAndNamed() throws IOException {
        Path file = writeSmall("f.apmodel");
        byte[] bytes = Files.readAllBytes(file);
        int name = IoFixtures.indexOf(bytes, "decoder.1.weight.npy".getBytes(StandardCharsets.US_ASCII));
        int magic = IoFixtures.indexOf(Arrays.copyOfRange(bytes, name, bytes.length),
                new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}) + name;
        int dataStart = magic + 10 + ((bytes[magic + 8] & 0xFF) | (bytes[magic + 9] & 0xFF) << 8);
        bytes[dataStart + 17] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("f.apmodel")
                .hasMessageContaining("decoder.1.weight");
    }

    @Test
    void alteredValuesWithAnIntactZipFailTheSha256() throws IOException {
        Path src = writeSmall("src.apmodel");
        Path bad = dir.resolve("bad.apmodel");
        float[] v = small().weights().get("encoder.1.weight");
        v[3] += 1e-3f;
        IoFixtures.rewrite(src, bad, "apmodel.json", m -> { },
                Map.of("encoder.1.weight", NpyArray.ofFloats(new int[] {8, 8}, v)));
        assertThatThrownBy(() -> ModelFile.read(bad)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'encoder.1.weight'").hasMessageContaining("SHA-256");
    }

    @Test
    void formatVersionThreeIsRejectedByNumber() throws IOException {
        Path bad = edited(m -> m.put("formatVersion", 3));
        assertThatThrownBy(() -> ModelFile.read(bad)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("bad.apmodel")
                .hasMessageContaining("format version 3 is not supported; this SDK reads 1 to 2");
    }

    @Test
    void aVersionOneFileIsReadWithoutStandardisationOrCalibration() throws IOException {
        Path v1 = dir.resolve("version1.apmodel");
        try (var in = ModelFileTest.class.getResourceAsStream("version1.apmodel")) {
            Files.copy(in, v1);
        }
        ModelFile.Contents c = ModelFile.read(v1);
        assertThat(c.spec().featureSize()).isEqualTo(8);
        assertThat(c.standardization().isIdentity()).isTrue();
        assertThat(c.calibration()).isEqualTo(UncertaintyCalibration.none(2));
        assertThat(c.inference()).isEqualTo(InferenceOptions.paper().withWindowLength(20).withContextSize(10)
                .withHop(15).withSamples(2, 5));
        assertThat(c.provenance().trainingConfig().type()).isEqualTo(Configuration.TEXT_ONLY);
        assertThat(c.provenance().trainingConfig().text("text")).startsWith("TrainingConfig[version-1 fixture");
        // a version-1 manifest may not carry the fields of version 2
        Path bad = dir.resolve("bad.apmodel");
        IoFixtures.rewrite(v1, bad, "apmodel.json", m -> m.putObject("calibration"), Map.of());
        assertRejected(bad, "'calibration' is not a known field");
    }

    @Test
    void unusableStandardisationAndCalibrationAreNamed() throws IOException {
        assertRejected(edited(m -> ((ObjectNode) m.get("calibration")).putArray("scales").add(1.0)),
                "calibration.scales", "predicts 2 dimensions");
        assertRejected(edited(m -> ((ArrayNode) m.get("calibration").get("scales")).set(0, -1.0)),
                "calibration", "positive");
        assertRejected(edited(m -> ((ObjectNode) m.get("calibration")).put("method", "ISOTONIC")),
                "calibration.method", "ISOTONIC");
        assertRejected(edited(m -> ((ObjectNode) m.get("inference")).put("batchSize", 64)),
                "inference.batchSize", "not a known field");
        Path src = dir.resolve("src.apmodel");
        Path bad = dir.resolve("zero-std.apmodel");
        NpyArray zeroStd = NpyArray.ofFloats(new int[] {5}, new float[] {1, 1, 0, 1, 1});
        IoFixtures.rewrite(src, bad, "apmodel.json",
                m -> ((ObjectNode) tensorNode(m, "input.std")).put("sha256", zeroStd.sha256()),
                Map.of("input.std", zeroStd));
        assertRejected(bad, "inputStandardization", "standard deviation of feature 2 is 0.0");
    }

    @Test
    void otherFormatsAndModelTypesAreRejected() throws IOException {
        assertRejected(edited(m -> m.put("format", "something-else")), "field 'format'", "something-else");
        assertRejected(edited(m -> m.put("modelType", "neural-process")), "field 'modelType'", "neural-process");
        assertRejected(edited(m -> m.put("formatVersion", "1")), "field 'formatVersion'", "integer");
        assertRejected(edited(m -> m.remove("format")), "field 'format'", "missing");
    }

    @Test
    void aTensorWithTheWrongShapeInTheManifestIsNamed() throws IOException {
        Path bad = edited(m -> {
            ArrayNode shape = (ArrayNode) tensorNode(m, "encoder.1.weight").get("shape");
            shape.removeAll();
            shape.add(8).add(9);
        });
        assertRejected(bad, "encoder.1.weight", "[8, 9]");
    }

    @Test
    void aTensorWithTheWrongShapeInTheArchiveIsNamed() throws IOException {
        Path src = writeSmall("src.apmodel");
        Path bad = dir.resolve("bad.apmodel");
        IoFixtures.rewrite(src, bad, "apmodel.json", m -> { },
                Map.of("latent.mu.bias", NpyArray.ofFloats(new int[] {2, 3}, new float[6])));
        assertRejected(bad, "'latent.mu.bias.npy'", "(2, 3)");
        IoFixtures.rewrite(src, bad, "apmodel.json", m -> { },
                Map.of("latent.mu.bias", NpyArray.ofDoubles(new int[] {6}, new double[6])));
        assertRejected(bad, "'latent.mu.bias.npy'", "'<f8'");
    }

    @Test
    void missingAndUnknownTensorsAreRejected() throws IOException {
        Path src = writeSmall("src.apmodel");
        Path bad = dir.resolve("bad.apmodel");
        Map<String, NpyArray> drop = new LinkedHashMap<>();
        drop.put("decoder.0.bias", null);
        IoFixtures.rewrite(src, bad, "apmodel.json", m -> { }, drop);
        assertRejected(bad, "decoder.0.bias.npy");
        IoFixtures.rewrite(src, bad, "apmodel.json", m -> { },
                Map.of("extra.weight", NpyArray.ofFloats(new int[] {1}, new float[1])));
        assertRejected(bad, "unknown entry 'extra.weight.npy'");
        IoFixtures.rewrite(src, bad, "apmodel.json", m -> {
            ArrayNode tensors = (ArrayNode) m.get("tensors");
            tensors.remove(tensors.size() - 1);
        }, Map.of());
        assertRejected(bad, "lacks the tensor 'input.std'");
        IoFixtures.rewrite(src, bad, "apmodel.json",
                m -> ((ObjectNode) tensorNode(m, "decoder.3.bias")).put("name", "attention.key.bias"), Map.of());
        assertRejected(bad, "'attention.key.bias'", "not part of");
        IoFixtures.rewrite(src, bad, "apmodel.json",
                m -> ((ObjectNode) tensorNode(m, "decoder.3.bias")).put("dtype", "<f8"), Map.of());
        assertRejected(bad, "tensors[", "dtype", "'<f8'");
    }

    @Test
    void nonFiniteWeightsAreRejectedEvenWithAMatchingHash() throws IOException {
        Path src = writeSmall("src.apmodel");
        Path bad = dir.resolve("bad.apmodel");
        float[] v = small().weights().get("latent.sigma.weight");
        v[5] = Float.NaN;
        NpyArray poisoned = NpyArray.ofFloats(new int[] {6, 6}, v);
        IoFixtures.rewrite(src, bad, "apmodel.json",
                m -> ((ObjectNode) tensorNode(m, "latent.sigma.weight")).put("sha256", poisoned.sha256()),
                Map.of("latent.sigma.weight", poisoned));
        assertRejected(bad, "'latent.sigma.weight'", "NaN", "flat index 5");
    }

    @Test
    void unknownEnumValuesAndFieldsAreNamed() throws IOException {
        assertRejected(edited(m -> ((ObjectNode) m.get("architecture")).put("variant", "SUPER")),
                "field 'architecture.variant'", "'SUPER'", "LATENT_DETERMINISTIC");
        assertRejected(edited(m -> ((ObjectNode) m.get("labelSpace")).put("kind", "EMOTION")),
                "field 'labelSpace.kind'", "'EMOTION'");
        assertRejected(edited(m -> ((ObjectNode) m.get("inference")).put("selector", "custom")),
                "field 'inference.selector'", "'custom'");
        assertRejected(edited(m -> m.put("surprise", true)), "field 'surprise'", "not a known field");
        assertRejected(edited(m -> ((ObjectNode) m.get("provenance")).put("author", "me")),
                "field 'provenance.author'");
        assertRejected(edited(m -> ((ObjectNode) m.get("inference")).put("hop", 31)),
                "field 'inference'", "hop");
        assertRejected(edited(m -> ((ObjectNode) m.get("architecture")).put("hiddenSize", 9.5)),
                "field 'architecture.hiddenSize'");
        assertRejected(edited(m -> m.put("parameterCount", 1)), "field 'parameterCount'");
        assertRejected(edited(m -> ((ObjectNode) m.get("provenance").get("validationScores")).put("x", "high")),
                "field 'provenance.validationScores.x'");
    }

    @Test
    void aManifestThatIsNotJsonIsRejected() throws IOException {
        Path src = writeSmall("src.apmodel");
        Path bad = dir.resolve("bad.apmodel");
        try (NpzReader r = NpzArchive.open(src); NpzWriter w = NpzArchive.create(bad)) {
            w.putText("apmodel.json", "{\"format\": \"affective-process-model\", \"format\": 1}");
            for (String n : r.names()) {
                w.put(n, r.get(n));
            }
            w.commit();
        }
        assertRejected(bad, "'apmodel.json'", "not valid JSON");
    }

    @Test
    void userDefinedSelectorsAreRefusedAndNothingIsWritten() throws IOException {
        Path file = writeSmall("keep.apmodel");
        byte[] before = Files.readAllBytes(file);
        ContextSelector lambda = (candidates, c) -> new int[] {0};
        ModelFile.Contents custom = small(ApVariant.LATENT, true, LabelSpace.valenceArousal(), lambda);
        assertThatThrownBy(() -> ModelFile.write(file, custom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'custom'").hasMessageContaining("user-defined");
        ContextSelector impostor = new ContextSelector() {
            @Override
            public int[] select(org.affectiveprocesses.api.ContextCandidates candidates, int c) {
                return new int[] {0};
            }

            @Override
            public String name() {
                return "lowest-sigma";
            }
        };
        assertThatThrownBy(() -> ModelFile.write(file,
                small(ApVariant.LATENT, true, LabelSpace.valenceArousal(), impostor)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user-defined");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void anInterruptedWriteLeavesNoFileAndNoTemporaryFile() throws IOException {
        Path missing = dir.resolve("missing").resolve("m.apmodel");
        assertThatThrownBy(() -> ModelFile.write(missing, small())).isInstanceOf(IOException.class);
        assertThat(listing()).isEmpty();
        Path occupied = Files.createDirectory(dir.resolve("occupied.apmodel"));
        Files.writeString(occupied.resolve("inside"), "x");
        assertThatThrownBy(() -> ModelFile.write(occupied, small())).isInstanceOf(IOException.class);
        assertThat(listing()).containsExactly(occupied);
    }

    @Test
    void weightsOfAnotherSpecAreRefused() {
        ModelFile.Contents c = small();
        ApModelSpec other = new ApModelSpec(c.spec().architecture(), 6, c.spec().labelSpace());
        assertThatThrownBy(() -> new ModelFile.Contents(other, c.weights(), c.standardization(), c.calibration(),
                c.inference(), c.provenance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another model");
    }

    private static JsonNode tensorNode(ObjectNode manifest, String name) {
        for (JsonNode t : manifest.get("tensors")) {
            if (t.get("name").textValue().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no tensor " + name);
    }

    private Path edited(Consumer<ObjectNode> edit) throws IOException {
        Path src = dir.resolve("src.apmodel");
        if (!Files.exists(src)) {
            ModelFile.write(src, small());
        }
        Path bad = dir.resolve("bad.apmodel");
        IoFixtures.rewrite(src, bad, "apmodel.json", edit, Map.of());
        return bad;
    }

    private static void assertRejected(Path file, String... messageParts) {
        var assertion = assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.getFileName().toString());
        for (String part : messageParts) {
            assertion.hasMessageContaining(part);
        }
    }
}
