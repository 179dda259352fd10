package org.affectiveprocesses.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.affectiveprocesses.api.backbone.RgbImage;

/** The real test media the module's build fetched (build/fetch-test-media.sh, build/fetch-npm.sh). */
public final class TestMedia {
    private TestMedia() {
    }

    /** A fetched media file; fails the test with a clear message if the build did not fetch it. */
    public static Path file(String name) {
        String dir = System.getProperty("ap.testMedia", "target/test-media");
        Path p = Path.of(dir).resolve(name);
        assertThat(p).as("test media %s (fetched by the module's build into %s)", name, dir).isRegularFile();
        return p;
    }

    /** A fetched image. */
    public static RgbImage image(String name) throws IOException {
        BufferedImage img = ImageIO.read(file(name).toFile());
        int w = img.getWidth();
        int h = img.getHeight();
        return RgbImage.fromPackedRgb(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    /** Face {@code index} of skimage's lfw_subset.npy: 25 × 25 grey values in [0, 1]. */
    public static double[] lfw(int index) throws IOException {
        byte[] raw = Files.readAllBytes(file("lfw_subset.npy"));
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = b.getShort(8) & 0xFFFF;
        String header = new String(raw, 10, headerLen, StandardCharsets.ISO_8859_1);
        assertThat(header).contains("'<f8'").contains("(200, 25, 25)");
        double[] out = new double[625];
        int offset = 10 + headerLen + index * 625 * 8;
        for (int i = 0; i < 625; i++) {
            out[i] = b.getDouble(offset + i * 8);
        }
        return out;
    }
}
