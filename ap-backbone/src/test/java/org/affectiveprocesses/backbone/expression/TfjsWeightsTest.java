package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.affectiveprocesses.api.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsWeightsTest {
    private static final String MANIFEST = """
            [{"paths": ["a.bin", "b.bin"], "weights": [
              {"name": "w/float", "shape": [2, 2], "dtype": "float32"},
              {"name": "w/q8", "shape": [3], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}},
              {"name": "w/q16", "shape": [2], "dtype": "float32", "quantization": {"dtype": "uint16", "scale": 0.25, "min": 2.0}},
              {"name": "w/half", "shape": [2], "dtype": "float32", "quantization": {"dtype": "float16"}},
              {"name": "w/int", "shape": [1], "dtype": "int32"}
            ]}]""";

    @TempDir
    Path dir;

    /** The bytes of the weights above: 16 + 3 + 4 + 4 + 4 = 31. */
    private static byte[] shards() {
        ByteBuffer b = ByteBuffer.allocate(31).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(1.5f).putFloat(-2f).putFloat(0f).putFloat(3.25f);
        b.put((byte) 0).put((byte) 4).put((byte) 255);
        b.putShort((short) 0).putShort((short) 65535);
        b.putShort((short) 0x3C00).putShort((short) 0xC000);
        b.putInt(-7);
        return b.array();
    }

    private Path write(String manifest, byte[] data) throws IOException {
        Files.writeString(dir.resolve("m.json"), manifest);
        Files.write(dir.resolve("a.bin"), java.util.Arrays.copyOf(data, Math.min(10, data.length)));
        Files.write(dir.resolve("b.bin"), java.util.Arrays.copyOfRange(data, Math.min(10, data.length), data.length));
        return dir.resolve("m.json");
    }

    @Test
    void readsFloatQuantisedHalfAndIntWeightsAcrossShards() throws IOException {
        TfjsWeights w = TfjsWeights.read(write(MANIFEST, shards()));
        assertThat(w.names()).containsExactly("w/float", "w/q8", "w/q16", "w/half", "w/int");
        assertThat(w.require("w/float", 2, 2).values()).containsExactly(1.5f, -2f, 0f, 3.25f);
        assertThat(w.require("w/q8", 3).values()).containsExactly(-1f, 1f, 126.5f);
        assertThat(w.require("w/q16", -1).values()).containsExactly(2f, 65535 * 0.25f + 2f);
        assertThat(w.require("w/half", 2).values()).containsExactly(1f, -2f);
        assertThat(w.require("w/int", 1).values()).containsExactly(-7f);
    }

    @Test
    void aShortShardIsReportedWithTheWeightThatNeededIt() throws IOException {
        Path m = write(MANIFEST, java.util.Arrays.copyOf(shards(), 20));
        assertThatThrownBy(() -> TfjsWeights.read(m)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("m.json").hasMessageContaining("'w/q16'").hasMessageContaining("truncated");
    }

    @Test
    void leftoverBytesAreReported() throws IOException {
        Path m = write(MANIFEST, java.util.Arrays.copyOf(shards(), 40));
        assertThatThrownBy(() -> TfjsWeights.read(m)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("9 bytes more");
    }

    @Test
    void malformedManifestsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> read("{not json")).isInstanceOf(ModelFormatException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("{}")).isInstanceOf(ModelFormatException.class).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> read("[{\"paths\": [\"a\"], \"weights\": [{\"name\": \"x\", \"shape\": [1], \"dtype\": \"bool\"}]}]"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("unsupported dtype 'bool'");
        assertThatThrownBy(() -> read("[{\"paths\": [\"../a\"], \"weights\": []}]"))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("bad shard path");
    }

    @Test
    void requireChecksNamesAndShapes() throws IOException {
        TfjsWeights w = TfjsWeights.read(write(MANIFEST, shards()));
        assertThatThrownBy(() -> w.require("w/none")).isInstanceOf(ModelFormatException.class).hasMessageContaining("lacks the weight 'w/none'");
        assertThatThrownBy(() -> w.require("w/float", 4)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("shape [2, 2], expected [4]");
    }

    @Test
    void halfFloatsDecodeSpecialValues() {
        assertThat(TfjsWeights.halfToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(TfjsWeights.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(TfjsWeights.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
    }

    @Test
    void thePackagedFaceExpressionManifestHasTheExpectedLayers() throws IOException {
        String dirName = FaceExpressionBackbone.RESOURCE_DIR;
        try (InputStream in = getClass().getResourceAsStream(dirName + FaceExpressionBackbone.MANIFEST)) {
            TfjsWeights w = TfjsWeights.read("packaged", in, name -> getClass().getResourceAsStream(dirName + name));
            assertThat(w.names()).hasSize(49).contains("dense0/conv0/filters", "dense3/conv3/pointwise_filter", "fc/weights");
            assertThat(w.require("fc/weights", 256, 7).values()).hasSize(1792);
        }
    }

    private static TfjsWeights read(String manifest) throws IOException {
        return TfjsWeights.read("inline.json", new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)),
                name -> new ByteArrayInputStream(new byte[0]));
    }
}
