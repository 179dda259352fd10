package org.affectiveprocesses.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The calibration of a model's per-frame Gaussian predictions on a data set: every {@link
 * Measure} per label dimension and pooled over all dimensions' frames ({@link #POOLED}), computed
 * with {@link Calibration} over all labelled frames of all sequences, plus the reliability diagram
 * (expected against observed frequency at {@link Calibration#levels()}).
 *
 * <p>Immutable. Build one with {@link #of(List, List, List, List)} or get one from an {@link
 * EvaluationReport} whose predictions carried a standard deviation.
 */
public final class CalibrationReport {
    /** The column name of the measures pooled over every dimension's frames. */
    public static final String POOLED = "All";

    /** What the report measures. */
    public enum Measure {
        /** The fraction of frames with |y − μ| ≤ σ; calibrated: 0.683. */
        COVERAGE_1_SIGMA("coverage ±1σ", Calibration.nominalCoverage(1)),
        /** The fraction of frames with |y − μ| ≤ 2σ; calibrated: 0.954. */
        COVERAGE_2_SIGMA("coverage ±2σ", Calibration.nominalCoverage(2)),
        /** The mean Gaussian negative log-likelihood (lower is better). */
        NLL("NLL", Double.NaN),
        /** Kuleshov et al.'s calibration error Σ (p − p̂)² over the 19 levels; calibrated: 0. */
        CALIBRATION_ERROR("calibration error", 0.0),
        /** Sharpness: the mean σ (smaller is sharper; read it beside coverage). */
        SHARPNESS("sharpness (mean σ)", Double.NaN);

        private final String displayName;
        private final double ideal;

        Measure(String displayName, double ideal) {
            this.displayName = displayName;
            this.ideal = ideal;
        }

        /**
         * The name used in tables.
         *
         * @return e.g. {@code "coverage ±1σ"}
         */
        public String displayName() {
            return displayName;
        }

        /**
         * The value of a perfectly calibrated model, where there is one.
         *
         * @return 0.683, 0.954, 0, or NaN for NLL and sharpness (no fixed ideal)
         */
        public double ideal() {
            return ideal;
        }
    }

    private final List<String> columns;
    private final long[] frames;
    private final double[][] values; // [measure][column]
    private final double[][] reliability; // [column][level]

    private CalibrationReport(List<String> columns, long[] frames, double[][] values, double[][] reliability) {
        this.columns = columns;
        this.frames = frames;
        this.values = values;
        this.reliability = reliability;
    }

    /**
     * Measures calibration from every dimension's labelled frames.
     *
     * @param dimensions the dimension names
     * @param truth per dimension, the truth of every labelled frame
     * @param mean per dimension, the predicted means aligned with {@code truth}
     * @param std per dimension, the predicted standard deviations (&gt; 0)
     * @return the report
     * @throws IllegalArgumentException if the lists do not match the dimensions, a dimension has
     *     fewer than two frames, or a value is invalid (see {@link Calibration})
     */
    public static CalibrationReport of(List<String> dimensions, List<double[]> truth, List<double[]> mean,
            List<double[]> std) {
        Objects.requireNonNull(dimensions, "dimensions");
        int dims = dimensions.size();
        if (dims == 0 || truth.size() != dims || mean.size() != dims || std.size() != dims) {
            throw new IllegalArgumentException("need one truth, mean and std array per dimension for "
                    + dimensions + ", got " + truth.size() + ", " + mean.size() + ", " + std.size());
        }
        List<String> columns = new ArrayList<>(dimensions);
        columns.add(POOLED);
        Measure[] measures = Measure.values();
        double[][] values = new double[measures.length][dims + 1];
        double[][] reliability = new double[dims + 1][];
        long[] frames = new long[dims + 1];
        for (int d = 0; d <= dims; d++) {
            double[] y = d < dims ? truth.get(d) : Pooling.concat(truth);
            double[] mu = d < dims ? mean.get(d) : Pooling.concat(mean);
            double[] sigma = d < dims ? std.get(d) : Pooling.concat(std);
            frames[d] = y.length;
            try {
                values[Measure.COVERAGE_1_SIGMA.ordinal()][d] = Calibration.coverageWithinSigmas(y, mu, sigma, 1);
                values[Measure.COVERAGE_2_SIGMA.ordinal()][d] = Calibration.coverageWithinSigmas(y, mu, sigma, 2);
                values[Measure.NLL.ordinal()][d] = Calibration.nll(y, mu, sigma);
                values[Measure.CALIBRATION_ERROR.ordinal()][d] = Calibration.calibrationError(y, mu, sigma);
                values[Measure.SHARPNESS.ordinal()][d] = Calibration.sharpness(sigma);
                reliability[d] = Calibration.observedFrequencies(y, mu, sigma, Calibration.levels());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("calibration of '" + columns.get(d) + "': " + e.getMessage(), e);
            }
        }
        return new CalibrationReport(List.copyOf(columns), frames, values, reliability);
    }

    /**
     * The columns: the dimensions, then {@link #POOLED}.
     *
     * @return the column names
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * One measure in one column.
     *
     * @param measure what
     * @param column a dimension name or {@link #POOLED}
     * @return its value
     * @throws IllegalArgumentException naming the columns if there is no such column
     */
    public double value(Measure measure, String column) {
        return values[Objects.requireNonNull(measure, "measure").ordinal()][indexOf(column)];
    }

    /**
     * The number of labelled frames measured in one column.
     *
     * @param column a dimension name or {@link #POOLED}
     * @return the frame count
     */
    public long frames(String column) {
        return frames[indexOf(column)];
    }

    /**
     * The reliability diagram of one column: the observed frequency p̂ at each of {@link
     * Calibration#levels()}.
     *
     * @param column a dimension name or {@link #POOLED}
     * @return p̂ per level (a new array)
     */
    public double[] observedFrequencies(String column) {
        return reliability[indexOf(column)].clone();
    }

    /**
     * The report as a markdown table: a row per measure, a column per dimension, the pooled
     * column and the ideal value.
     *
     * @return the table
     */
    public String toMarkdown() {
        return TableText.markdown(header(), rows(true));
    }

    /**
     * The report as CSV (full precision).
     *
     * @return the CSV text with a header line
     */
    public String toCsv() {
        return TableText.csv(header(), rows(false));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CalibrationReport[%d frames, coverage ±1σ %.3f, ±2σ %.3f, NLL %.3f]",
                frames[columns.size() - 1], value(Measure.COVERAGE_1_SIGMA, POOLED),
                value(Measure.COVERAGE_2_SIGMA, POOLED), value(Measure.NLL, POOLED));
    }

    private List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("Calibration");
        header.addAll(columns);
        header.add("Ideal");
        return header;
    }

    private List<List<String>> rows(boolean rounded) {
        List<List<String>> rows = new ArrayList<>();
        for (Measure m : Measure.values()) {
            List<String> row = new ArrayList<>();
            row.add(m.displayName());
            for (double v : values[m.ordinal()]) {
                row.add(rounded ? TableText.threeDecimals(v) : TableText.fullPrecision(v));
            }
            row.add(Double.isNaN(m.ideal()) ? "" : rounded ? TableText.threeDecimals(m.ideal())
                    : TableText.fullPrecision(m.ideal()));
            rows.add(row);
        }
        return rows;
    }

    private int indexOf(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("unknown column '" + column + "'; columns are " + columns);
        }
        return i;
    }

}
