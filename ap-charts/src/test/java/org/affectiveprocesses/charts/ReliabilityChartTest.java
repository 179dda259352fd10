package org.affectiveprocesses.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.affectiveprocesses.metrics.Calibration;
import org.affectiveprocesses.metrics.CalibrationReport;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reliability diagram: the ideal diagonal, one line per dimension and the pooled line. */
class ReliabilityChartTest {
    @TempDir
    Path dir;

    /** Valence calibrated, arousal with σ twice too wide. */
    private static CalibrationReport report(double arousalWidth) {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 4000;
        double[][] y = new double[2][n];
        double[][] mu = new double[2][n];
        double[][] sigma = new double[2][n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 2; d++) {
                sigma[d][i] = 0.2;
                y[d][i] = 0.2 * rng.nextGaussian();
            }
            sigma[1][i] *= arousalWidth;
        }
        return CalibrationReport.of(List.of("valence", "arousal"), List.of(y[0], y[1]), List.of(mu[0], mu[1]),
                List.of(sigma[0], sigma[1]));
    }

    @Test
    void drawsTheDiagonalEveryDimensionThePooledLineAndTheUncalibratedOne() throws IOException {
        CalibrationReport after = report(1.0);
        Chart chart = ReliabilityChart.of(after).uncalibrated(report(2.0)).build();
        XYDataset data = chart.jfreeChart().getXYPlot().getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(5);
        assertThat(String.valueOf(data.getSeriesKey(0))).startsWith("calibrated");
        assertThat(String.valueOf(data.getSeriesKey(3))).isEqualTo("all dimensions");
        double[] levels = Calibration.levels();
        for (int j = 0; j < levels.length; j++) {
            assertThat(data.getXValue(1, j)).isEqualTo(levels[j]);
            assertThat(data.getYValue(3, j)).isEqualTo(after.observedFrequencies(CalibrationReport.POOLED)[j]);
        }
        // σ too wide: fewer frames than expected below the low quantiles, more below the high ones
        assertThat(data.getYValue(4, 0)).isLessThan(0.04);
        assertThat(data.getYValue(4, levels.length - 1)).isGreaterThan(0.96);
        Path file = chart.save(dir.resolve("reliability.png"));
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(ReliabilityChart.DEFAULT_WIDTH);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.AP)).isGreaterThan(50);
        assertThat(ChartFixtures.pixelsNear(img, ChartStyle.RANDOM)).as("the uncalibrated line").isGreaterThan(50);
    }
}
