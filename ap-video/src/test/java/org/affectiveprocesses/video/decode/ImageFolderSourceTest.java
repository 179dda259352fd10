package org.affectiveprocesses.video.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSourceTest {
    @TempDir
    Path dir;

    @Test
    void readsImagesInNameOrderAtTheGivenRate() throws IOException {
        for (String name : new String[] {"b.png", "a.png", "c.jpg"}) {
            BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, name.charAt(0));
            ImageIO.write(img, name.endsWith("png") ? "png" : "jpg", dir.resolve(name).toFile());
        }
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        try (FrameSource s = FrameSources.open(dir, 4.0)) {
            assertThat(s.declaredFrames()).isEqualTo(3);
            DecodedFrame a = s.next();
            DecodedFrame b = s.next();
            DecodedFrame c = s.next();
            assertThat(s.next()).isNull();
            assertThat(a.image().get(0, 0, 2)).isEqualTo('a');
            assertThat(b.image().get(0, 0, 2)).isEqualTo('b');
            assertThat(new double[] {a.seconds(), b.seconds(), c.seconds()}).containsExactly(0.0, 0.25, 0.5);
            assertThat(c.image().width()).isEqualTo(8);
        }
    }

    @Test
    void aFolderWithoutImagesIsRejected() {
        assertThatThrownBy(() -> FrameSources.open(dir)).isInstanceOf(MediaFormatException.class)
                .hasMessageContaining("holds no images");
    }

    @Test
    void anUnreadableImageNamesTheFileAndFrame() throws IOException {
        Files.writeString(dir.resolve("frame1.png"), "not a png");
        try (FrameSource s = FrameSources.open(dir)) {
            assertThatThrownBy(s::next).isInstanceOf(MediaFormatException.class)
                    .hasMessageContaining("frame1.png").hasMessageContaining("frame 0");
        }
    }
}
