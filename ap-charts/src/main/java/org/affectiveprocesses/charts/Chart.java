package org.affectiveprocesses.charts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * A chart ready to be written as a PNG image of a fixed pixel size. Rendering never needs a
 * display: unless the JVM was started with {@code java.awt.headless} set, loading this class
 * sets it to {@code true}.
 */
public final class Chart {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final JFreeChart chart;
    private final int width;
    private final int height;

    /**
     * @param chart the JFreeChart to render
     * @param width the image width in pixels
     * @param height the image height in pixels
     * @throws IllegalArgumentException if a size is below 16 or above 10,000 pixels
     */
    public Chart(JFreeChart chart, int width, int height) {
        this.chart = Objects.requireNonNull(chart, "chart");
        if (width < 16 || height < 16 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("chart size must be 16-10000 pixels per side, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
    }

    /** The same chart at another size. */
    public Chart withSize(int newWidth, int newHeight) {
        return new Chart(chart, newWidth, newHeight);
    }

    /** The image width in pixels. */
    public int width() {
        return width;
    }

    /** The image height in pixels. */
    public int height() {
        return height;
    }

    /** The underlying JFreeChart, for further styling (changes show in later renderings). */
    public JFreeChart jfreeChart() {
        return chart;
    }

    /** Renders the chart. */
    public BufferedImage image() {
        return chart.createBufferedImage(width, height);
    }

    /** The chart as PNG bytes. */
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Writes the chart as PNG to a stream (the stream is not closed). */
    public void write(OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart, width, height);
    }

    /**
     * Writes the chart as a PNG file, atomically (a temporary sibling is moved into place);
     * missing parent directories are created.
     *
     * @return the file
     * @throws IOException if writing fails
     */
    public Path save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    @Override
    public String toString() {
        return "Chart[" + chart.getTitle().getText() + ", " + width + " x " + height + "]";
    }
}
