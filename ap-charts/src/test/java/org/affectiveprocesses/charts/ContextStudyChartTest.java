package org.affectiveprocesses.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fig. 3: score vs number of context points per selector, backbone dashed. */
class ContextStudyChartTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngWithOneLinePerSelectorAndTheBackbone() throws IOException {
        Chart chart = ContextStudyChart.of(ChartFixtures.study()).backbone(0.58).build();

        Path file = chart.save(dir.resolve("fig3.png"));

        assertThat(Files.size(file)).isGreaterThan(5_000);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(ContextStudyChart.DEFAULT_WIDTH);
        assertThat(img.getHeight()).isEqualTo(ContextStudyChart.DEFAULT_HEIGHT);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.LOWEST)).isGreaterThan(300);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.HIGHEST)).isGreaterThan(300);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.RANDOM)).isGreaterThan(300);
        assertThat(chart.jfreeChart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(4);
        assertThat(String.valueOf(chart.jfreeChart().getXYPlot().getDataset().getSeriesKey(0))).isEqualTo("lowest σ");
        assertThat(chart.jfreeChart().getXYPlot().getDataset().getYValue(3, 1)).isEqualTo(0.58);
    }

    @Test
    void oneDimensionCanBeDrawnAndUnknownOnesAreRejected() {
        Chart c = ContextStudyChart.of(ChartFixtures.study()).dimension("arousal").size(400, 300).build();
        assertThat(c.image().getWidth()).isEqualTo(400);
        assertThat(c.jfreeChart().getXYPlot().getDataset().getYValue(0, 0)).isEqualTo(0.63);
        assertThat(c.jfreeChart().getXYPlot().getDataset().getSeriesCount()).as("no backbone given").isEqualTo(3);
        assertThatThrownBy(() -> ContextStudyChart.of(ChartFixtures.study()).dimension("AU1"))
                .hasMessageContaining("no dimension 'AU1'");
    }
}
