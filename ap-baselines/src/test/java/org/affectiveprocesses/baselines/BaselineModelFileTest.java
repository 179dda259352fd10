package org.affectiveprocesses.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.NpzWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving and loading baselines: exact round trips and clear refusals of damaged or foreign files. */
class BaselineModelFileTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    static Stream<BaselineSpec> specs() {
        return Stream.of(
                new BaselineSpec(new ConvGruConfig(2, 4, 3, ConvAxis.TIME, 1, 9), 6, VA, false),
                new BaselineSpec(new ConvGruConfig(1, 4, 3, ConvAxis.FEATURE, 4, 9), 6, VA, true),
                new BaselineSpec(new BiGruConfig(2, 4, 9), 6, LabelSpace.bp4d(), false),
                new BaselineSpec(new SelfAttentionConfig(2, 2, 8, 6, true, 9), 6, VA, false));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aSavedModelLoadsWithIdenticalContentsAndPredictions(BaselineSpec spec) throws IOException {
        Path file = dir.resolve("m.apmodel");
        AffectSequence s = TinyData.dataset("s", spec.labelSpace(), 1, 23, 6, 3).get(0);
        Prediction before;
        try (BaselineModel model = RandomModels.open(spec, 11, 4)) {
            before = model.predict(s);
            model.save(file);
        }
        assertThat(BaselineModelFile.modelType(file)).isEqualTo(spec.architecture().modelType());
        BaselineModelFile.Contents read = BaselineModelFile.read(file);
        BaselineModelFile.Contents written = RandomModels.contents(spec, 11, 4);
        assertThat(read.spec()).isEqualTo(spec);
        assertThat(read.weights()).isEqualTo(written.weights());
        assertThat(read.normalization()).isEqualTo(written.normalization());
        assertThat(read.outputStd()).containsExactly(written.outputStd());
        assertThat(read.hop()).isEqualTo(4);
        assertThat(read.inferenceBatchSize()).isEqualTo(4);
        assertThat(read.provenance().validationScores()).containsEntry("CCC mean", 0.5);
        assertThat(read.provenance().validationScores().get("MSE mean")).isNaN();
        assertThat(BaselineTrainingConfig.fromConfiguration(read.provenance().trainingConfig()))
                .isEqualTo(BaselineTrainingConfig.convGru().withSeed(9));
        try (BaselineModel loaded = BaselineModel.load(file)) {
            Prediction after = loaded.predict(s);
            for (int d = 0; d < spec.labelSize(); d++) {
                assertThat(after.meanSeries(d)).containsExactly(before.meanSeries(d));
                assertThat(after.stdSeries(d)).containsExactly(before.stdSeries(d));
            }
        }
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.entryNames().get(0)).isEqualTo(BaselineModelFile.MANIFEST);
            assertThat(r.names()).contains(BaselineModelFile.NORMALIZATION_MEAN, "head.weight");
        }
    }

    private Path saved() throws IOException {
        Path file = dir.resolve("good.apmodel");
        BaselineModelFile.write(file, RandomModels.contents(specs().findFirst().orElseThrow(), 1, 4));
        return file;
    }

    /** A copy of the saved file with its manifest edited and its arrays changed (and its checksums recomputed). */
    private Path edited(Consumer<ObjectNode> manifest, Consumer<Map<String, NpyArray>> arrays) throws IOException {
        return edited(manifest, arrays, true);
    }

    private Path edited(Consumer<ObjectNode> manifest, Consumer<Map<String, NpyArray>> arrays, boolean checksums)
            throws IOException {
        Path source = saved();
        Path target = dir.resolve("edited.apmodel");
        try (NpzReader r = NpzArchive.open(source)) {
            ObjectNode root = (ObjectNode) JSON.readTree(r.text(BaselineModelFile.MANIFEST));
            manifest.accept(root);
            Map<String, NpyArray> values = new java.util.LinkedHashMap<>();
            for (String name : r.names()) {
                values.put(name, r.get(name));
            }
            arrays.accept(values);
            try (NpzWriter w = checksums ? NpzArchive.createWithChecksums(target) : NpzArchive.create(target)) {
                w.putText(BaselineModelFile.MANIFEST, JSON.writeValueAsString(root));
                for (Map.Entry<String, NpyArray> e : values.entrySet()) {
                    w.put(e.getKey(), e.getValue());
                }
                w.commit();
            }
        }
        return target;
    }

    private Path editedManifest(Consumer<ObjectNode> manifest) throws IOException {
        return edited(manifest, a -> { });
    }

    @Test
    void versionOneFilesWithoutChecksumsAreStillReadAndVersionTwoNeedsThem() throws IOException {
        Path v1 = edited(m -> {
            m.put("formatVersion", 1);
            m.remove("inputStandardization");
        }, a -> { }, false);
        assertThat(BaselineModelFile.read(v1).hop()).isEqualTo(4);
        Path v2 = edited(m -> { }, a -> { }, false);
        assertThatThrownBy(() -> BaselineModelFile.read(v2)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("has no entry 'checksums.sha256', which format version 2 requires");
        try (NpzReader r = NpzArchive.open(saved())) {
            assertThat(r.hasChecksums()).isTrue();
        }
    }

    @Test
    void refusesAnotherVersionOrAnUnknownField() throws IOException {
        Path v3 = editedManifest(m -> m.put("formatVersion", 3));
        assertThatThrownBy(() -> BaselineModelFile.read(v3)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("format version 3 is not supported").hasMessageContaining("edited.apmodel");
        Path v1WithV2Field = editedManifest(m -> m.put("formatVersion", 1));
        assertThatThrownBy(() -> BaselineModelFile.read(v1WithV2Field)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'inputStandardization' is not a known field");
        Path v1 = editedManifest(m -> {
            m.put("formatVersion", 1);
            m.remove("inputStandardization");
            ((ObjectNode) m.get("provenance")).put("trainingConfig", "BaselineTrainingConfig[...]");
        });
        assertThat(BaselineModelFile.read(v1).normalization().frames()).isZero();
        Path extra = editedManifest(m -> ((ObjectNode) m.get("architecture")).put("dilation", 2));
        assertThatThrownBy(() -> BaselineModelFile.read(extra)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'architecture.dilation'").hasMessageContaining("not a known field");
        Path axis = editedManifest(m -> ((ObjectNode) m.get("architecture")).put("axis", "SPACE"));
        assertThatThrownBy(() -> BaselineModelFile.read(axis)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'architecture.axis'").hasMessageContaining("SPACE");
    }

    @Test
    void refusesAnInconsistentArchitecture() throws IOException {
        Path wider = editedManifest(m -> ((ObjectNode) m.get("architecture")).put("hiddenSize", 5));
        assertThatThrownBy(() -> BaselineModelFile.read(wider)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("parameterCount");
        Path even = editedManifest(m -> ((ObjectNode) m.get("architecture")).put("kernelSize", 2));
        assertThatThrownBy(() -> BaselineModelFile.read(even)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'architecture'").hasMessageContaining("odd");
        Path std = editedManifest(m -> ((ArrayNode) m.get("outputStd")).set(0, -1.0));
        assertThatThrownBy(() -> BaselineModelFile.read(std)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("outputStd");
    }

    @Test
    void refusesDamagedMissingOrForeignTensors() throws IOException {
        Path damaged = edited(m -> { }, a -> a.put("head.bias", NpyArray.ofFloats(new int[] {2}, new float[] {9, 9})));
        assertThatThrownBy(() -> BaselineModelFile.read(damaged)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'head.bias'").hasMessageContaining("SHA-256");
        Path missing = edited(m -> { }, a -> a.remove("head.bias"));
        assertThatThrownBy(() -> BaselineModelFile.read(missing)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("lacks the entry 'head.bias.npy'");
        Path foreign = edited(m -> { }, a -> a.put("extra", NpyArray.ofFloats(new int[] {1}, new float[] {1})));
        assertThatThrownBy(() -> BaselineModelFile.read(foreign)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("unknown entry 'extra.npy'");
        Path reshaped = editedManifest(m -> ((ArrayNode) ((ObjectNode) m.get("tensors").get(0)).get("shape")).add(1));
        assertThatThrownBy(() -> BaselineModelFile.read(reshaped)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tensors[0].shape");
    }

    @Test
    void pointsAffectiveProcessFilesToTheirLoader() throws IOException {
        Path ap = dir.resolve("ap.apmodel");
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper(), 8, VA);
        ModelFile.write(ap, ModelFile.Contents.of(WeightInitializer.initialize(spec, 1), InferenceOptions.paper(),
                RandomModels.PROVENANCE));
        assertThat(BaselineModelFile.modelType(ap)).isEqualTo("affective-process");
        assertThatThrownBy(() -> BaselineModelFile.read(ap)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("AffectiveProcess.load");
        Path notAModel = dir.resolve("x.apmodel");
        Files.writeString(notAModel, "hello");
        assertThatThrownBy(() -> BaselineModel.load(notAModel)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("x.apmodel");
    }

    @Test
    void contentsMustFitTheirSpec() {
        BaselineModelFile.Contents c = RandomModels.contents(specs().findFirst().orElseThrow(), 1, 4);
        assertThatThrownBy(() -> new BaselineModelFile.Contents(c.spec(), c.weights(), c.normalization(),
                new float[] {1f}, 4, 4, c.provenance())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outputStd has 1 values for 2 dimensions");
        assertThatThrownBy(() -> new BaselineModelFile.Contents(c.spec(), c.weights(), c.normalization(),
                c.outputStd(), 10, 4, c.provenance())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hop");
        assertThat(List.of(c.outputStd()[0])).containsExactly(0.3f);
    }
}
