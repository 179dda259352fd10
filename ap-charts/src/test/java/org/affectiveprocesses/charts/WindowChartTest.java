package org.affectiveprocesses.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fig. 4: a window of ground truth, backbone, AP mean, samples and context dots as a PNG. */
class WindowChartTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheDefaultSizeWithEveryElementDrawn() throws IOException {
        AffectSequence s = ChartFixtures.sequence();
        Prediction p = ChartFixtures.prediction(s, 5);

        Path file = WindowChart.of(s, p).dimension("valence").window(0).build().save(dir.resolve("figs/fig4.png"));

        assertThat(Files.size(file)).isGreaterThan(5_000);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(WindowChart.DEFAULT_WIDTH);
        assertThat(img.getHeight()).isEqualTo(WindowChart.DEFAULT_HEIGHT);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.CONTEXT)).as("context dots").isGreaterThan(200);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.AP)).as("AP mean").isGreaterThan(300);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.BACKBONE)).as("backbone").isGreaterThan(300);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.GROUND_TRUTH)).as("ground truth").isGreaterThan(300);
    }

    @Test
    void anyFrameRangeAndSizeCanBeDrawn() {
        AffectSequence s = ChartFixtures.sequence();
        Chart c = WindowChart.of(s, ChartFixtures.prediction(s, 0)).dimension(1).frames(20, 120).size(640, 300)
                .title("arousal").build();
        BufferedImage img = c.image();
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(300);
        assertThat(c.toPng()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(c.jfreeChart().getTitle().getText()).isEqualTo("arousal");
    }

    @Test
    void aPredictionOfAnotherSequenceOrABadRangeIsRejected() {
        AffectSequence s = ChartFixtures.sequence();
        AffectSequence other = s.subsequence(0, 100);
        Prediction p = ChartFixtures.prediction(s, 0);
        assertThatThrownBy(() -> WindowChart.of(other, p)).hasMessageContaining("is not of the sequence");
        assertThatThrownBy(() -> WindowChart.of(s, p).frames(100, 200)).hasMessageContaining("are not a range");
        assertThatThrownBy(() -> WindowChart.of(s, p).dimension("liking")).hasMessageContaining("no dimension 'liking'");
        assertThatThrownBy(() -> WindowChart.of(s, p).window(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WindowChart.of(s, p).size(10, 10).build()).hasMessageContaining("16-10000 pixels");
    }
}
