package org.affectiveprocesses.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable comparison of several models on one metric, laid out like the tables of the
 * Affective Processes paper: one row per model (its {@link EvaluationReport#modelName()}), one
 * column per dimension plus {@code Mean}.
 *
 * <pre>
 * | Model | Valence | Arousal | Mean |
 * |---|---|---|---|
 * | Backbone | 0.576 | 0.632 | 0.604 |
 * </pre>
 */
public final class ResultsTable {

    private final Metric metric;
    private final Pooling pooling;
    private final List<String> dimensions;
    private final List<String> modelNames;
    private final double[][] values;
    private final double[] means;

    private ResultsTable(Metric metric, List<EvaluationReport> reports) {
        this.metric = metric;
        this.pooling = reports.get(0).pooling();
        this.dimensions = reports.get(0).dimensions();
        List<String> names = new ArrayList<>();
        this.values = new double[reports.size()][dimensions.size()];
        this.means = new double[reports.size()];
        for (int r = 0; r < reports.size(); r++) {
            EvaluationReport report = reports.get(r);
            names.add(report.modelName());
            for (int d = 0; d < dimensions.size(); d++) {
                values[r][d] = report.value(metric, d);
            }
            means[r] = report.mean(metric);
        }
        this.modelNames = List.copyOf(names);
    }

    /**
     * Tabulates one metric of several reports, in the given row order.
     *
     * @param metric the metric to show; every report must contain it
     * @param reports at least one report; all with the same dimensions (in the same order) and
     *     the same pooling, and distinct model names
     * @return the table
     * @throws IllegalArgumentException if an argument or a report is {@code null}, the list is
     *     empty, a report lacks the metric, or the reports differ in dimensions or pooling or
     *     repeat a model name
     */
    public static ResultsTable of(Metric metric, List<EvaluationReport> reports) {
        Inputs.requireNonNull("metric", metric);
        Inputs.requireNonNull("reports", reports);
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("at least one report is needed");
        }
        Set<String> names = new HashSet<>();
        for (int r = 0; r < reports.size(); r++) {
            EvaluationReport report = reports.get(r);
            Inputs.requireNonNull("reports[" + r + "]", report);
            EvaluationReport first = reports.get(0);
            String which = "reports[" + r + "] ('" + report.modelName() + "')";
            if (!report.metrics().contains(metric)) {
                throw new IllegalArgumentException(which + " has no " + metric.displayName());
            }
            if (!report.dimensions().equals(first.dimensions())) {
                throw new IllegalArgumentException(
                        which + " has dimensions " + report.dimensions() + " but reports[0] has "
                                + first.dimensions());
            }
            if (report.pooling() != first.pooling()) {
                throw new IllegalArgumentException(
                        which + " uses " + report.pooling() + " but reports[0] uses "
                                + first.pooling());
            }
            if (!names.add(report.modelName())) {
                throw new IllegalArgumentException(which + " repeats a model name");
            }
        }
        return new ResultsTable(metric, List.copyOf(reports));
    }

    /**
     * Tabulates one metric of several reports; see {@link #of(Metric, List)}.
     *
     * @param metric the metric to show
     * @param reports the reports, one row each
     * @return the table
     * @throws IllegalArgumentException as for {@link #of(Metric, List)}
     */
    public static ResultsTable of(Metric metric, EvaluationReport... reports) {
        Inputs.requireNonNull("reports", reports);
        List<EvaluationReport> list = new ArrayList<>();
        for (EvaluationReport report : reports) {
            list.add(report);
        }
        return of(metric, list);
    }

    /**
     * The metric shown.
     *
     * @return the metric
     */
    public Metric metric() {
        return metric;
    }

    /**
     * The pooling shared by all reports.
     *
     * @return the pooling rule
     */
    public Pooling pooling() {
        return pooling;
    }

    /**
     * The dimension columns, in order (the {@code Mean} column excluded).
     *
     * @return an unmodifiable list of dimension names
     */
    public List<String> dimensions() {
        return dimensions;
    }

    /**
     * The row labels, in order.
     *
     * @return an unmodifiable list of model names
     */
    public List<String> modelNames() {
        return modelNames;
    }

    /**
     * One cell of the table.
     *
     * @param modelName a row label
     * @param dimension a dimension name
     * @return the metric value of that model on that dimension
     * @throws IllegalArgumentException if the model or the dimension is unknown
     */
    public double value(String modelName, String dimension) {
        int d = dimensions.indexOf(dimension);
        if (d < 0) {
            throw new IllegalArgumentException(
                    "unknown dimension '" + dimension + "'; dimensions are " + dimensions);
        }
        return values[row(modelName)][d];
    }

    /**
     * The {@code Mean} cell of a row: the metric averaged over the dimensions.
     *
     * @param modelName a row label
     * @return the mean, as {@link EvaluationReport#mean(Metric)}
     * @throws IllegalArgumentException if the model is unknown
     */
    public double mean(String modelName) {
        return means[row(modelName)];
    }

    /**
     * Renders the table as GitHub Markdown with three decimals; see the class example.
     *
     * @return the table, each line ending with a newline
     */
    public String toMarkdown() {
        return TableText.markdown(header(), rows(true));
    }

    /**
     * Renders the table as CSV with the same layout and full precision.
     *
     * @return the CSV text, each line ending with a newline
     */
    public String toCsv() {
        return TableText.csv(header(), rows(false));
    }

    private int row(String modelName) {
        int r = modelNames.indexOf(modelName);
        if (r < 0) {
            throw new IllegalArgumentException(
                    "unknown model '" + modelName + "'; models are " + modelNames);
        }
        return r;
    }

    private List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("Model");
        header.addAll(dimensions);
        header.add(EvaluationReport.MEAN_COLUMN);
        return header;
    }

    private List<List<String>> rows(boolean rounded) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < modelNames.size(); r++) {
            List<String> row = new ArrayList<>();
            row.add(modelNames.get(r));
            for (double value : values[r]) {
                row.add(format(value, rounded));
            }
            row.add(format(means[r], rounded));
            rows.add(row);
        }
        return rows;
    }

    private static String format(double value, boolean rounded) {
        return rounded ? TableText.threeDecimals(value) : TableText.fullPrecision(value);
    }
}
