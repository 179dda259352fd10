package org.affectiveprocesses.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The immutable result of evaluating one model on one partition: the value of each chosen
 * {@link Metric} on each label dimension (for instance valence and arousal, or each Action
 * Unit), obtained with one {@link Pooling} rule.
 *
 * <p>Build it with {@link #builder(List)}:
 *
 * <pre>{@code
 * EvaluationReport report = EvaluationReport.builder(List.of("Valence", "Arousal"))
 *         .modelName("AP")
 *         .addSequence("video-1", truth1, prediction1)   // double[frame][dimension]
 *         .addSequence("video-2", truth2, prediction2)
 *         .build(Pooling.POOLED, Metric.CCC, Metric.PCC, Metric.RMSE);
 * double ccc = report.value(Metric.CCC, "Valence");
 * }</pre>
 *
 * <p>A frame whose truth is {@code NaN} for a dimension is <em>unlabelled</em> for that
 * dimension: it is skipped for that dimension only, and its prediction may be anything. On a
 * labelled frame the prediction must be finite.
 */
public final class EvaluationReport {

    /** Header of the column that averages the dimensions in {@link #toMarkdown()}. */
    static final String MEAN_COLUMN = "Mean";

    private final String modelName;
    private final Pooling pooling;
    private final List<String> dimensions;
    private final List<Metric> metrics;
    private final int sequenceCount;
    private final long frameCount;
    private final int[] labelledFrames;
    private final Map<Metric, double[]> values;
    private final Map<Metric, int[]> excluded;
    private final CalibrationReport calibration;

    private EvaluationReport(
            String modelName,
            Pooling pooling,
            List<String> dimensions,
            List<Metric> metrics,
            List<LabelledSequence> sequences) {
        this.modelName = modelName;
        this.pooling = pooling;
        this.dimensions = dimensions;
        this.metrics = metrics;
        this.sequenceCount = sequences.size();
        this.frameCount = sequences.stream().mapToLong(LabelledSequence::frames).sum();
        this.labelledFrames = new int[dimensions.size()];
        List<List<double[]>> truths = new ArrayList<>();
        List<List<double[]>> predictions = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            List<double[]> truth = new ArrayList<>();
            List<double[]> prediction = new ArrayList<>();
            for (LabelledSequence sequence : sequences) {
                truth.add(sequence.truth(d));
                prediction.add(sequence.prediction(d));
                labelledFrames[d] += sequence.truth(d).length;
            }
            if (pooling == Pooling.POOLED && labelledFrames[d] < Inputs.MIN_FRAMES) {
                throw new IllegalArgumentException(
                        "dimension '" + dimensions.get(d) + "' has " + labelledFrames[d]
                                + " labelled frames in total; pooled metrics need at least "
                                + Inputs.MIN_FRAMES);
            }
            truths.add(truth);
            predictions.add(prediction);
        }
        this.values = new EnumMap<>(Metric.class);
        this.excluded = new EnumMap<>(Metric.class);
        for (Metric metric : metrics) {
            double[] metricValues = new double[dimensions.size()];
            int[] metricExcluded = new int[dimensions.size()];
            for (int d = 0; d < dimensions.size(); d++) {
                Pooling.Result result = pooling.apply(metric, truths.get(d), predictions.get(d));
                metricValues[d] = result.value();
                metricExcluded[d] = result.excludedSequences();
            }
            values.put(metric, metricValues);
            excluded.put(metric, metricExcluded);
        }
        this.calibration = calibrationOf(dimensions, sequences);
    }

    /** The calibration of the sequences' σ over all their labelled frames, or null if one has no σ. */
    private static CalibrationReport calibrationOf(List<String> dimensions, List<LabelledSequence> sequences) {
        for (LabelledSequence s : sequences) {
            if (!s.hasStd()) {
                return null;
            }
        }
        List<double[]> truth = new ArrayList<>();
        List<double[]> mean = new ArrayList<>();
        List<double[]> std = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            List<double[]> t = new ArrayList<>();
            List<double[]> m = new ArrayList<>();
            List<double[]> sd = new ArrayList<>();
            for (LabelledSequence s : sequences) {
                t.add(s.truth(d));
                m.add(s.prediction(d));
                sd.add(s.std(d));
            }
            truth.add(Pooling.concat(t));
            mean.add(Pooling.concat(m));
            std.add(Pooling.concat(sd));
        }
        return CalibrationReport.of(dimensions, truth, mean, std);
    }

    private EvaluationReport(EvaluationReport other, String modelName) {
        this.modelName = modelName;
        this.pooling = other.pooling;
        this.dimensions = other.dimensions;
        this.metrics = other.metrics;
        this.sequenceCount = other.sequenceCount;
        this.frameCount = other.frameCount;
        this.labelledFrames = other.labelledFrames;
        this.values = other.values;
        this.excluded = other.excluded;
        this.calibration = other.calibration;
    }

    /**
     * The same report under another model name (e.g. to label a row of a {@link ResultsTable}).
     *
     * @param name the new model name, non-blank
     * @return a report with the same values and the new name
     * @throws IllegalArgumentException if the name is {@code null} or blank
     */
    public EvaluationReport withModelName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        return new EvaluationReport(this, name);
    }

    /**
     * Starts a report over the given label dimensions.
     *
     * @param dimensionNames names of the label dimensions, in the order of the second index of
     *     the arrays passed to {@link Builder#addSequence}; non-blank and distinct
     * @return a new, empty builder
     * @throws IllegalArgumentException if the list is {@code null} or empty, or a name is
     *     {@code null}, blank or repeated
     */
    public static Builder builder(List<String> dimensionNames) {
        return new Builder(dimensionNames);
    }

    /**
     * The label of the evaluated model, used as its row name in a {@link ResultsTable}.
     *
     * @return the model name
     */
    public String modelName() {
        return modelName;
    }

    /**
     * How sequences were combined.
     *
     * @return the pooling rule
     */
    public Pooling pooling() {
        return pooling;
    }

    /**
     * The label dimensions, in order.
     *
     * @return an unmodifiable list of dimension names
     */
    public List<String> dimensions() {
        return dimensions;
    }

    /**
     * The computed metrics, in the order they were requested.
     *
     * @return an unmodifiable list of metrics
     */
    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * The number of sequences evaluated.
     *
     * @return the sequence count
     */
    public int sequenceCount() {
        return sequenceCount;
    }

    /**
     * The number of frames over all sequences, labelled or not.
     *
     * @return the frame count
     */
    public long frameCount() {
        return frameCount;
    }

    /**
     * The number of frames labelled (truth not NaN) for one dimension, over all sequences.
     *
     * @param dimension a dimension name
     * @return the labelled frame count
     * @throws IllegalArgumentException if the dimension is unknown
     */
    public int labelledFrameCount(String dimension) {
        return labelledFrames[indexOf(dimension)];
    }

    /**
     * The value of a metric on one dimension.
     *
     * @param metric a metric of {@link #metrics()}
     * @param dimension a dimension name
     * @return the value; {@code NaN} if the metric is undefined on the data (see the metric's
     *     class) or, under {@link Pooling#PER_SEQUENCE_MEAN}, if every sequence was excluded
     * @throws IllegalArgumentException if the metric was not computed or the dimension is unknown
     */
    public double value(Metric metric, String dimension) {
        return valuesOf(metric)[indexOf(dimension)];
    }

    /**
     * The value of a metric on one dimension, by position.
     *
     * @param metric a metric of {@link #metrics()}
     * @param dimensionIndex a position in {@link #dimensions()}
     * @return the value, as for {@link #value(Metric, String)}
     * @throws IllegalArgumentException if the metric was not computed or the index is out of
     *     range
     */
    public double value(Metric metric, int dimensionIndex) {
        return valuesOf(metric)[checkIndex(dimensionIndex)];
    }

    /**
     * The average of a metric over all dimensions, each weighted equally (the "Mean" column of
     * the paper's tables).
     *
     * @param metric a metric of {@link #metrics()}
     * @return the mean; {@code NaN} if the value of any dimension is {@code NaN}
     * @throws IllegalArgumentException if the metric was not computed
     */
    public double mean(Metric metric) {
        CompensatedSum sum = new CompensatedSum();
        for (double value : valuesOf(metric)) {
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            sum.add(value);
        }
        return sum.value() / dimensions.size();
    }

    /**
     * How many sequences were left out of a value under {@link Pooling#PER_SEQUENCE_MEAN}
     * because the metric was NaN on them or they had fewer than two labelled frames; always
     * {@code 0} under {@link Pooling#POOLED}.
     *
     * @param metric a metric of {@link #metrics()}
     * @param dimension a dimension name
     * @return the number of excluded sequences
     * @throws IllegalArgumentException if the metric was not computed or the dimension is unknown
     */
    public int excludedSequences(Metric metric, String dimension) {
        valuesOf(metric);
        return excluded.get(metric)[indexOf(dimension)];
    }

    /**
     * Whether the predictions carried a standard deviation on every frame, so that {@link
     * #calibration()} is available.
     *
     * @return true if the calibration was measured
     */
    public boolean hasCalibration() {
        return calibration != null;
    }

    /**
     * How well the predicted σ describes the errors (coverage of ±1σ and ±2σ, Gaussian NLL,
     * calibration error, sharpness), per dimension and pooled over all labelled frames, whatever
     * the {@link #pooling()} of the other metrics.
     *
     * @return the calibration report
     * @throws IllegalStateException if the predictions carried no σ (see {@link #hasCalibration()})
     */
    public CalibrationReport calibration() {
        if (calibration == null) {
            throw new IllegalStateException("model '" + modelName + "' gave no standard deviation, so its"
                    + " calibration was not measured");
        }
        return calibration;
    }

    /**
     * Renders all metrics as a GitHub Markdown table: one row per metric, one column per
     * dimension plus {@code Mean}, three decimals. For example:
     *
     * <pre>
     * | Metric | Valence | Arousal | Mean |
     * |---|---|---|---|
     * | CCC | 0.833 | 1.000 | 0.917 |
     * </pre>
     *
     * @return the table, each line ending with a newline
     */
    public String toMarkdown() {
        return TableText.markdown(header(), rows(true));
    }

    /**
     * Renders all metrics as CSV with the same layout as {@link #toMarkdown()} but full
     * precision ({@link Double#toString(double)}).
     *
     * @return the CSV text, each line ending with a newline
     */
    public String toCsv() {
        return TableText.csv(header(), rows(false));
    }

    /**
     * A one-line summary for logs.
     *
     * @return the model name, pooling and counts
     */
    @Override
    public String toString() {
        return "EvaluationReport[model=" + modelName + ", pooling=" + pooling + ", sequences="
                + sequenceCount + ", frames=" + frameCount + ", metrics=" + metrics
                + ", dimensions=" + dimensions + "]";
    }

    private List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("Metric");
        header.addAll(dimensions);
        header.add(MEAN_COLUMN);
        return header;
    }

    private List<List<String>> rows(boolean rounded) {
        List<List<String>> rows = new ArrayList<>();
        for (Metric metric : metrics) {
            List<String> row = new ArrayList<>();
            row.add(metric.displayName());
            for (double value : values.get(metric)) {
                row.add(format(value, rounded));
            }
            row.add(format(mean(metric), rounded));
            rows.add(row);
        }
        return rows;
    }

    private static String format(double value, boolean rounded) {
        return rounded ? TableText.threeDecimals(value) : TableText.fullPrecision(value);
    }

    private double[] valuesOf(Metric metric) {
        double[] metricValues = metric == null ? null : values.get(metric);
        if (metricValues == null) {
            throw new IllegalArgumentException(
                    "metric " + metric + " was not computed; this report has " + metrics);
        }
        return metricValues;
    }

    private int indexOf(String dimension) {
        int index = dimensions.indexOf(dimension);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "unknown dimension '" + dimension + "'; dimensions are " + dimensions);
        }
        return index;
    }

    private int checkIndex(int dimensionIndex) {
        if (dimensionIndex < 0 || dimensionIndex >= dimensions.size()) {
            throw new IllegalArgumentException(
                    "dimension index " + dimensionIndex + " is out of range [0, "
                            + dimensions.size() + ")");
        }
        return dimensionIndex;
    }

    /**
     * Collects sequences for an {@link EvaluationReport}. Not thread-safe. {@link #build} does
     * not consume the builder, so one set of sequences can be reported with several poolings.
     */
    public static final class Builder {

        private final List<String> dimensions;
        private final List<LabelledSequence> sequences = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private String modelName = "unnamed";

        private Builder(List<String> dimensionNames) {
            Inputs.requireNonNull("dimensionNames", dimensionNames);
            if (dimensionNames.isEmpty()) {
                throw new IllegalArgumentException("at least one dimension name is needed");
            }
            Set<String> seen = new HashSet<>();
            for (int d = 0; d < dimensionNames.size(); d++) {
                String name = dimensionNames.get(d);
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException(
                            "dimensionNames[" + d + "] must not be null or blank");
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException(
                            "dimensionNames[" + d + "] repeats '" + name + "'");
                }
            }
            this.dimensions = List.copyOf(dimensionNames);
        }

        /**
         * Sets the label of the evaluated model (default {@code "unnamed"}).
         *
         * @param name a non-blank model name
         * @return this builder
         * @throws IllegalArgumentException if the name is {@code null} or blank
         */
        public Builder modelName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("model name must not be null or blank");
            }
            this.modelName = name;
            return this;
        }

        /**
         * Adds one sequence. The arrays are copied, so later changes by the caller have no
         * effect. Truth {@code NaN} marks a frame as unlabelled for that dimension.
         *
         * @param id a unique, non-blank sequence identifier
         * @param truth ground truth as {@code [frame][dimension]}
         * @param prediction predictions as {@code [frame][dimension]}, aligned with {@code truth}
         * @return this builder
         * @throws IllegalArgumentException if the id is blank or already used, an array or row
         *     is {@code null}, the frame counts differ, there are no frames, a row does not
         *     have one value per dimension, a truth value is infinite, or a prediction is not
         *     finite on a labelled frame; the message names the sequence, frame and dimension
         */
        public Builder addSequence(String id, double[][] truth, double[][] prediction) {
            return add(LabelledSequence.of(id, truth, prediction, dimensions));
        }

        /**
         * Adds one sequence with the predicted standard deviation of every frame, so that the
         * report also measures calibration ({@link EvaluationReport#calibration()}, when every
         * sequence has one).
         *
         * @param id the sequence id (unique in the report)
         * @param truth ground truth [frame][dimension], NaN where unlabelled
         * @param prediction predicted means [frame][dimension], finite where labelled
         * @param std predicted standard deviations [frame][dimension], positive and finite where labelled
         * @return this builder
         * @throws IllegalArgumentException if the id repeats or the arrays are invalid (the message
         *     names the sequence, frame and dimension)
         */
        public Builder addSequence(String id, double[][] truth, double[][] prediction, double[][] std) {
            Inputs.requireNonNull("std of sequence '" + id + "'", std);
            return add(LabelledSequence.of(id, truth, prediction, std, dimensions));
        }

        private Builder add(LabelledSequence sequence) {
            String id = sequence.id();
            if (!ids.add(id)) {
                throw new IllegalArgumentException("sequence '" + id + "' was already added");
            }
            sequences.add(sequence);
            return this;
        }

        /**
         * Computes the report.
         *
         * @param pooling how to combine sequences
         * @param metrics the metrics to compute, distinct, at least one
         * @return the immutable report
         * @throws IllegalArgumentException if an argument is {@code null}, no metric or a
         *     repeated metric is given, no sequence was added, or under {@link Pooling#POOLED}
         *     a dimension has fewer than two labelled frames in total
         */
        public EvaluationReport build(Pooling pooling, Metric... metrics) {
            Inputs.requireNonNull("pooling", pooling);
            Inputs.requireNonNull("metrics", metrics);
            if (metrics.length == 0) {
                throw new IllegalArgumentException("at least one metric is needed");
            }
            for (int m = 0; m < metrics.length; m++) {
                Inputs.requireNonNull("metrics[" + m + "]", metrics[m]);
            }
            if (Arrays.stream(metrics).distinct().count() != metrics.length) {
                throw new IllegalArgumentException(
                        "metrics must be distinct, got " + Arrays.toString(metrics));
            }
            if (sequences.isEmpty()) {
                throw new IllegalArgumentException("no sequence was added");
            }
            return new EvaluationReport(
                    modelName, pooling, dimensions, List.of(metrics), List.copyOf(sequences));
        }
    }
}
