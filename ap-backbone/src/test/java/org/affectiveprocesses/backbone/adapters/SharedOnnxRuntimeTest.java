package org.affectiveprocesses.backbone.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in face-expression backbone and an ONNX model run through DJL's ONNX Runtime engine
 * share the process's one ONNX Runtime environment, whichever is created first.
 */
class SharedOnnxRuntimeTest {
    @TempDir
    Path dir;

    @Test
    void anOnnxBackboneLoadsAfterTheBuiltInBackbone() throws IOException {
        Path file = dir.resolve("tiny.onnx");
        OnnxModelWriter.write(file, "input", 0, TinyModel.SIDE, "va");
        try (FaceExpressionBackbone builtIn = FaceExpressionBackbone.load();
                Backbone onnx = ExternalBackbones.onnx(file, TinyModel.spec())) {
            RgbImage face = RgbImage.of(TinyModel.SIDE, TinyModel.SIDE, new byte[TinyModel.SIDE * TinyModel.SIDE * 3]);
            assertThat(builtIn.encode(face).features()).hasSize(builtIn.featureSize());
            assertThat(onnx.encode(face).features()).isNotEmpty();
        }
    }
}
