package org.affectiveprocesses.backbone.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in face-expression backbone and an ONNX model run through DJL's ONNX Runtime engine
 * share the process's one ONNX Runtime environment, whichever is created first. Each order runs in
 * a fresh JVM ({@link Main}), since the environment lives as long as the process.
 */
class SharedOnnxRuntimeTest {
    @TempDir
    Path dir;

    @Test
    void eitherBackboneMayBeCreatedFirst() throws Exception {
        Path file = dir.resolve("tiny.onnx");
        OnnxModelWriter.write(file, "input", 0, TinyModel.SIDE, "va");
        for (String order : new String[] {"built-in-first", "onnx-first"}) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    "-Dai.djl.offline=true", Main.class.getName(), order, file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(order + ":\n" + out).isZero();
            assertThat(out).as(order).contains("both encoded: 256 and " + TinyModel.HID + " features");
        }
    }

    /** Creates the two backbones in the order given and encodes a face with each. */
    static final class Main {
        public static void main(String[] args) throws IOException {
            boolean builtInFirst = args[0].equals("built-in-first");
            Path onnxFile = Path.of(args[1]);
            Backbone first = builtInFirst ? FaceExpressionBackbone.load() : ExternalBackbones.onnx(onnxFile,
                    TinyModel.spec());
            try (first; Backbone second = builtInFirst ? ExternalBackbones.onnx(onnxFile, TinyModel.spec())
                    : FaceExpressionBackbone.load()) {
                Backbone builtIn = builtInFirst ? first : second;
                Backbone onnx = builtInFirst ? second : first;
                RgbImage face = RgbImage.of(TinyModel.SIDE, TinyModel.SIDE,
                        new byte[TinyModel.SIDE * TinyModel.SIDE * 3]);
                System.out.println("both encoded: " + builtIn.encode(face).features().length + " and "
                        + onnx.encode(face).features().length + " features");
            }
        }
    }
}
