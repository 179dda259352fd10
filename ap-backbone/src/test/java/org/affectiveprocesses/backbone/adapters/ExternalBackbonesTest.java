package org.affectiveprocesses.backbone.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalBackbonesTest {
    @TempDir
    Path dir;

    @Test
    void onnxModelGivesTheDirectlyComputedOutputs() throws IOException {
        Path file = dir.resolve("tiny.onnx");
        OnnxModelWriter.write(file, "input", 0, TinyModel.SIDE, "va");
        try (Backbone b = ExternalBackbones.onnx(file, TinyModel.spec())) {
            assertMatchesTinyModel(b, "tiny.onnx");
        }
    }

    @Test
    void torchScriptModelGivesTheDirectlyComputedOutputs() throws IOException {
        Path file = dir.resolve("tiny.pt");
        try (InputStream in = getClass().getResourceAsStream("tiny.pt")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Backbone b = ExternalBackbones.torchScript(file, TinyModel.spec(), LabelSpace.valenceArousal())) {
            assertMatchesTinyModel(b, "tiny.pt");
        }
    }

    @Test
    void savedModelGivesTheDirectlyComputedOutputs() throws IOException {
        Path model = dir.resolve("tiny-savedmodel");
        TinySavedModel.export(model, "serving_default");
        try (Backbone b = ExternalBackbones.savedModel(model, TinyModel.spec(), LabelSpace.valenceArousal())) {
            assertMatchesTinyModel(b, "tiny-savedmodel");
        }
    }

    @Test
    void aFixedBatchOfOneIsRespected() throws IOException {
        Path file = dir.resolve("batch1.onnx");
        OnnxModelWriter.write(file, "input", 1, TinyModel.SIDE, "va");
        try (Backbone b = ExternalBackbones.onnx(file, TinyModel.spec().withBatchSize(8))) {
            assertMatchesTinyModel(b, "batch1.onnx");
        }
    }

    @Test
    void missingFilesAreReportedWithTheirPath() {
        assertThatThrownBy(() -> ExternalBackbones.onnx(dir.resolve("absent.onnx"), TinyModel.spec()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent.onnx");
        assertThatThrownBy(() -> ExternalBackbones.torchScript(dir.resolve("absent.pt"), TinyModel.spec(),
                LabelSpace.valenceArousal())).isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent.pt");
        assertThatThrownBy(() -> ExternalBackbones.savedModel(dir.resolve("absent"), TinyModel.spec(),
                LabelSpace.valenceArousal())).isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent");
    }

    @Test
    void aDamagedModelFileIsAFormatError() throws IOException {
        Path file = dir.resolve("garbage.onnx");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> ExternalBackbones.onnx(file, TinyModel.spec()))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("garbage.onnx");
    }

    @Test
    void anUndeclaredOutputIsNamedWithTheModelsOutputs() throws IOException {
        Path file = dir.resolve("tiny.onnx");
        OnnxModelWriter.write(file, "input", 0, TinyModel.SIDE, "va");
        assertThatThrownBy(() -> ExternalBackbones.onnx(file, TinyModel.spec().withExtraOutputs("emotion")))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tiny.onnx").hasMessageContaining("no output 'emotion'")
                .hasMessageContaining("features").hasMessageContaining("va");
    }

    @Test
    void pseudoLabelsOfTheWrongSizeAreRejected() throws IOException {
        Path file = dir.resolve("tiny.onnx");
        OnnxModelWriter.write(file, "input", 0, TinyModel.SIDE, "va");
        assertThatThrownBy(() -> ExternalBackbones.onnx(file, TinyModel.spec(), LabelSpace.bp4d()))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("tiny.onnx")
                .hasMessageContaining("output 'va' gives 2 values").hasMessageContaining("bp4d-au");
    }

    @Test
    void aWrongInputNameOrSizeIsRejected() throws IOException {
        Path file = dir.resolve("tiny.onnx");
        OnnxModelWriter.write(file, "pixels", 0, TinyModel.SIDE, "va");
        assertThatThrownBy(() -> ExternalBackbones.onnx(file, TinyModel.spec()))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("[pixels]")
                .hasMessageContaining("'input'");
        Path good = dir.resolve("good.onnx");
        OnnxModelWriter.write(good, "input", 0, TinyModel.SIDE, "va");
        assertThatThrownBy(() -> ExternalBackbones.onnx(good, TinyModel.spec().withPreprocessing(
                Preprocessing.of(16).withMinFaceSize(4)))).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("good.onnx").hasMessageContaining("fails on a [1, 3, 16, 16] input 'input'");
        Path model = dir.resolve("tiny-savedmodel");
        TinySavedModel.export(model, "serving_default");
        assertThatThrownBy(() -> ExternalBackbones.savedModel(model, TinyModel.spec().withPreprocessing(
                Preprocessing.of(8).withLayout(org.affectiveprocesses.backbone.TensorLayout.NHWC)),
                LabelSpace.valenceArousal())).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("input 'input' has shape [-1, 3, 8, 8]").hasMessageContaining("[1, 8, 8, 3]");
    }

    @Test
    void savedModelSignatureAndOutputNamesAreChecked() throws IOException {
        Path model = dir.resolve("tiny-savedmodel");
        TinySavedModel.export(model, "serving_default");
        assertThatThrownBy(() -> ExternalBackbones.savedModel(model, TinyModel.spec().withSignature("predict"),
                LabelSpace.valenceArousal())).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("no signature 'predict'").hasMessageContaining("serving_default");
        assertThatThrownBy(() -> ExternalBackbones.savedModel(model,
                org.affectiveprocesses.backbone.BackboneSpec.of("input", "embedding", "va")
                        .withPreprocessing(TinyModel.spec().preprocessing()),
                LabelSpace.valenceArousal())).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("no output 'embedding'");
    }

    @Test
    void tooSmallFacesAreRefusedNamingTheBackbone() throws IOException {
        Path file = dir.resolve("tiny.onnx");
        OnnxModelWriter.write(file, "input", 0, TinyModel.SIDE, "va");
        try (Backbone b = ExternalBackbones.onnx(file, TinyModel.spec())) {
            RgbImage tiny = RgbImage.of(3, 3, new byte[27]);
            assertThatThrownBy(() -> b.encode(tiny)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tiny.onnx").hasMessageContaining("3x3");
        }
    }

    private static void assertMatchesTinyModel(Backbone b, String name) {
        assertThat(b.name()).isEqualTo(name);
        assertThat(b.featureSize()).isEqualTo(TinyModel.HID);
        assertThat(b.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
        List<RgbImage> faces = TinyModel.faces(5, 7);
        List<FrameEncoding> all = b.encodeAll(faces);
        assertThat(all).hasSize(5);
        for (int i = 0; i < faces.size(); i++) {
            float[] f = TinyModel.features(TinyModel.input(faces.get(i)));
            float[] y = TinyModel.va(f);
            assertClose(all.get(i).features(), f);
            assertClose(all.get(i).pseudoLabels(), y);
        }
        assertClose(b.encode(faces.get(2)).features(), all.get(2).features());
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(2e-4f));
        }
    }
}
