package org.affectiveprocesses.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The scores of an {@link EvaluateJob}: for every scope (each split of the predictions, then
 * {@value #POOLED} over all of them when there are several, as {@code ap evaluate} reports the folds
 * of a cross-validation), for the AP and the backbone, the metrics of {@link Evaluation#METRICS} per
 * label dimension and their mean over the dimensions. NaN where a metric is undefined. Immutable.
 */
public final class EvaluationScores {
    /** The scope over all splits. */
    public static final String POOLED = "pooled";
    /** The row name of the backbone's pseudo-labels. */
    public static final String BACKBONE = MomentTables.BACKBONE;
    /** The columns of {@link #toDataFrame}. */
    public static final StructType SCHEMA = new StructType()
            .add("scope", DataTypes.StringType, false)
            .add("model", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false)
            .add("dimension", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, false);

    private final Pooling pooling;
    private final String modelName;
    private final List<String> dimensions;
    private final Map<String, double[]> values;
    private final List<String> scopes;

    EvaluationScores(Pooling pooling, String modelName, List<String> dimensions, List<String> scopes,
            Map<String, double[]> values) {
        this.pooling = pooling;
        this.modelName = modelName;
        this.dimensions = List.copyOf(dimensions);
        this.scopes = List.copyOf(scopes);
        this.values = Map.copyOf(values);
    }

    static String key(String scope, String model, Metric metric) {
        return scope + "\u0000" + model + "\u0000" + metric.name();
    }

    /** How frames or sequences were combined. */
    public Pooling pooling() {
        return pooling;
    }

    /** The model's row name (e.g. {@code "AP"}). */
    public String modelName() {
        return modelName;
    }

    /** The label dimensions. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** The scopes: the splits by name, then {@value #POOLED} when there are several. */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * A score.
     *
     * @param scope a scope of {@link #scopes()}
     * @param model {@link #modelName()} or {@value #BACKBONE}
     * @param metric a metric of {@link Evaluation#METRICS}
     * @param dimension a label dimension
     * @throws IllegalArgumentException if one of them is unknown
     */
    public double value(String scope, String model, Metric metric, String dimension) {
        int d = dimensions.indexOf(dimension);
        if (d < 0) {
            throw new IllegalArgumentException("unknown dimension '" + dimension + "'; dimensions are " + dimensions);
        }
        return row(scope, model, metric)[d];
    }

    /** The mean of a metric over the dimensions (NaN if one is NaN), as the "Mean" column of {@code ap evaluate}. */
    public double mean(String scope, String model, Metric metric) {
        double sum = 0;
        for (double v : row(scope, model, metric)) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            sum += v;
        }
        return sum / dimensions.size();
    }

    /** Every score, with the mean as dimension {@code "mean"}, as a DataFrame of {@link #SCHEMA}. */
    public Dataset<Row> toDataFrame(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        forEachRow((scope, model, metric, dimension, value) -> rows.add(RowFactory.create(scope, model,
                metric.displayName(), dimension, value)));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * The scores in the CSV of {@code ap evaluate --csv}: {@code scope,model,metric,dimension,value},
     * the AP's rows then the backbone's per split, then the pooled rows when there are several
     * splits; an undefined value is an empty field.
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("scope,model,metric,dimension,value\n");
        forEachRow((scope, model, metric, dimension, value) -> sb.append(csvField(scope)).append(',')
                .append(csvField(model)).append(',').append(csvField(metric.displayName())).append(',')
                .append(csvField(dimension)).append(',').append(Double.isFinite(value) ? Double.toString(value) : "")
                .append('\n'));
        return sb.toString();
    }

    /** For each scope a markdown table: one row per model and metric, one column per dimension and the mean. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        for (String scope : scopes) {
            sb.append("### ").append(scope).append(pooling == Pooling.POOLED ? " (pooled over frames)"
                    : " (mean over sequences)").append("\n\n| Model | Metric |");
            dimensions.forEach(d -> sb.append(' ').append(d).append(" |"));
            sb.append(" Mean |\n|---|---|").append("---|".repeat(dimensions.size() + 1)).append('\n');
            for (String model : List.of(BACKBONE, modelName)) {
                for (Metric m : Evaluation.METRICS) {
                    sb.append("| ").append(model).append(" | ").append(m.displayName()).append(" |");
                    for (String d : dimensions) {
                        sb.append(' ').append(threeDecimals(value(scope, model, m, d))).append(" |");
                    }
                    sb.append(' ').append(threeDecimals(mean(scope, model, m))).append(" |\n");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One score of {@link #forEachRow}. */
    @FunctionalInterface
    private interface RowSink {
        void accept(String scope, String model, Metric metric, String dimension, double value);
    }

    private void forEachRow(RowSink sink) {
        for (String scope : scopes) {
            for (String model : List.of(modelName, BACKBONE)) {
                for (Metric m : Evaluation.METRICS) {
                    for (String d : dimensions) {
                        sink.accept(scope, model, m, d, value(scope, model, m, d));
                    }
                    sink.accept(scope, model, m, "mean", mean(scope, model, m));
                }
            }
        }
    }

    private double[] row(String scope, String model, Metric metric) {
        double[] v = values.get(key(scope, model, metric));
        if (v == null) {
            throw new IllegalArgumentException("no score for scope '" + scope + "', model '" + model + "', metric "
                    + metric + "; scopes are " + scopes + ", models " + List.of(modelName, BACKBONE) + ", metrics "
                    + Evaluation.METRICS);
        }
        return v;
    }

    private static String threeDecimals(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Collects scores by scope, model and metric. */
    static final class Builder {
        private final Map<String, double[]> values = new LinkedHashMap<>();
        private final int dimensions;

        Builder(int dimensions) {
            this.dimensions = dimensions;
        }

        void put(String scope, String model, Metric metric, int dimension, double value) {
            values.computeIfAbsent(key(scope, model, metric), k -> {
                double[] v = new double[dimensions];
                Arrays.fill(v, Double.NaN);
                return v;
            })[dimension] = value;
        }

        Map<String, double[]> values() {
            return values;
        }
    }
}
