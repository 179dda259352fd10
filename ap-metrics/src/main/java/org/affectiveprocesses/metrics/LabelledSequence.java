package org.affectiveprocesses.metrics;

import java.util.List;

/**
 * One validated sequence of an evaluation, stored per dimension with its unlabelled frames
 * (truth NaN) removed.
 */
final class LabelledSequence {

    private final String id;
    private final int frames;
    private final double[][] truthByDimension;
    private final double[][] predictionByDimension;
    private final double[][] stdByDimension;

    private LabelledSequence(String id, int frames, double[][] truth, double[][] prediction, double[][] std) {
        this.id = id;
        this.frames = frames;
        this.truthByDimension = truth;
        this.predictionByDimension = prediction;
        this.stdByDimension = std;
    }

    /**
     * Validates {@code [frame][dimension]} arrays and copies out the labelled frames.
     *
     * @throws IllegalArgumentException on any malformed input; the message names the sequence,
     *     the argument, the frame and the dimension
     */
    static LabelledSequence of(
            String id, double[][] truth, double[][] prediction, List<String> dimensions) {
        return of(id, truth, prediction, null, dimensions);
    }

    /**
     * As {@link #of(String, double[][], double[][], List)} with the predicted standard deviation
     * of every frame ({@code null}: the model gives none); on labelled frames it must be positive
     * and finite.
     */
    static LabelledSequence of(
            String id, double[][] truth, double[][] prediction, double[][] std, List<String> dimensions) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("sequence id must not be null or blank");
        }
        String where = " of sequence '" + id + "'";
        Inputs.requireNonNull("truth" + where, truth);
        Inputs.requireNonNull("prediction" + where, prediction);
        if (truth.length != prediction.length) {
            throw new IllegalArgumentException(
                    "truth and prediction" + where + " differ in frame count: "
                            + truth.length + " vs " + prediction.length);
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("sequence '" + id + "' has no frames");
        }
        if (std != null && std.length != truth.length) {
            throw new IllegalArgumentException(
                    "truth and std" + where + " differ in frame count: " + truth.length + " vs " + std.length);
        }
        int dims = dimensions.size();
        int[] labelled = new int[dims];
        for (int f = 0; f < truth.length; f++) {
            requireRow("truth", truth[f], f, dims, where);
            requireRow("prediction", prediction[f], f, dims, where);
            if (std != null) {
                requireRow("std", std[f], f, dims, where);
            }
            for (int d = 0; d < dims; d++) {
                double y = truth[f][d];
                if (Double.isNaN(y)) {
                    continue; // unlabelled: the prediction is not scored
                }
                if (Double.isInfinite(y)) {
                    throw new IllegalArgumentException(
                            cell("truth", f, d, where) + " is " + y
                                    + "; use NaN to mark an unlabelled frame");
                }
                if (!Double.isFinite(prediction[f][d])) {
                    throw new IllegalArgumentException(
                            cell("prediction", f, d, where) + " is " + prediction[f][d]
                                    + " but the frame is labelled for '" + dimensions.get(d)
                                    + "'");
                }
                if (std != null && !(std[f][d] > 0 && Double.isFinite(std[f][d]))) {
                    throw new IllegalArgumentException(
                            cell("std", f, d, where) + " is " + std[f][d]
                                    + " but the frame is labelled for '" + dimensions.get(d)
                                    + "'; a standard deviation must be positive and finite");
                }
                labelled[d]++;
            }
        }
        double[][] truthByDimension = new double[dims][];
        double[][] predictionByDimension = new double[dims][];
        double[][] stdByDimension = std == null ? null : new double[dims][];
        for (int d = 0; d < dims; d++) {
            truthByDimension[d] = new double[labelled[d]];
            predictionByDimension[d] = new double[labelled[d]];
            if (std != null) {
                stdByDimension[d] = new double[labelled[d]];
            }
            int next = 0;
            for (int f = 0; f < truth.length; f++) {
                if (!Double.isNaN(truth[f][d])) {
                    truthByDimension[d][next] = truth[f][d];
                    predictionByDimension[d][next] = prediction[f][d];
                    if (std != null) {
                        stdByDimension[d][next] = std[f][d];
                    }
                    next++;
                }
            }
        }
        return new LabelledSequence(id, truth.length, truthByDimension, predictionByDimension, stdByDimension);
    }

    private static void requireRow(String name, double[] row, int frame, int dims, String where) {
        if (row == null) {
            throw new IllegalArgumentException(name + "[" + frame + "]" + where + " is null");
        }
        if (row.length != dims) {
            throw new IllegalArgumentException(
                    name + "[" + frame + "]" + where + " has " + row.length
                            + " values but the report has " + dims + " dimensions");
        }
    }

    private static String cell(String name, int frame, int dimension, String where) {
        return name + "[" + frame + "][" + dimension + "]" + where;
    }

    String id() {
        return id;
    }

    /** All frames, labelled or not. */
    int frames() {
        return frames;
    }

    /** Labelled truth values of one dimension (not a copy; do not modify). */
    double[] truth(int dimension) {
        return truthByDimension[dimension];
    }

    /** Predictions aligned with {@link #truth(int)} (not a copy; do not modify). */
    double[] prediction(int dimension) {
        return predictionByDimension[dimension];
    }

    /** Whether the predicted standard deviations were given. */
    boolean hasStd() {
        return stdByDimension != null;
    }

    /** Predicted standard deviations aligned with {@link #truth(int)} (not a copy; do not modify). */
    double[] std(int dimension) {
        return stdByDimension[dimension];
    }
}
