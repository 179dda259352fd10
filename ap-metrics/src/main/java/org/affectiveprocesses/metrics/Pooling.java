package org.affectiveprocesses.metrics;

import java.util.List;

/** How a metric over a partition of several sequences is obtained from their frames. */
public enum Pooling {
    /**
     * Concatenate the labelled frames of all sequences and compute the metric once, as the
     * Affective Processes paper does. Long sequences weigh more than short ones.
     */
    POOLED,
    /**
     * Compute the metric on each sequence and average over sequences with equal weight.
     * Sequences where the metric is NaN (for instance a constant ground truth under CCC) or
     * that have fewer than two labelled frames are excluded from the average, and their number
     * is recorded in the report. If every sequence is excluded the value is NaN.
     */
    PER_SEQUENCE_MEAN;

    /** A pooled metric value and how many sequences were left out of it. */
    record Result(double value, int excludedSequences) {}

    /**
     * Applies this pooling to one dimension.
     *
     * @param truths labelled truth values, one array per sequence
     * @param predictions predictions aligned with {@code truths}
     * @throws IllegalArgumentException under {@link #POOLED} if fewer than two frames in total
     */
    Result apply(Metric metric, List<double[]> truths, List<double[]> predictions) {
        if (this == POOLED) {
            return new Result(metric.compute(concat(truths), concat(predictions)), 0);
        }
        CompensatedSum sum = new CompensatedSum();
        int included = 0;
        for (int s = 0; s < truths.size(); s++) {
            if (truths.get(s).length < Inputs.MIN_FRAMES) {
                continue;
            }
            double value = metric.compute(truths.get(s), predictions.get(s));
            if (!Double.isNaN(value)) {
                sum.add(value);
                included++;
            }
        }
        double mean = included == 0 ? Double.NaN : sum.value() / included;
        return new Result(mean, truths.size() - included);
    }

    static double[] concat(List<double[]> parts) {
        int total = 0;
        for (double[] part : parts) {
            total = Math.addExact(total, part.length);
        }
        double[] all = new double[total];
        int offset = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
