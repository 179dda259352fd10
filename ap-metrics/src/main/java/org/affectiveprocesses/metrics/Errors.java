package org.affectiveprocesses.metrics;

/**
 * Error metrics between a prediction and the ground truth: mean squared error, root mean
 * squared error and mean absolute error. Lower is better; all are {@code 0} for a perfect
 * prediction and symmetric in their arguments.
 */
public final class Errors {

    private Errors() {}

    /**
     * Mean squared error, {@code mean((y - ŷ)²)}.
     *
     * @param truth ground-truth values, one per frame
     * @param prediction predicted values, aligned with {@code truth}
     * @return the mean squared error, never negative
     * @throws IllegalArgumentException if an argument is {@code null}, the lengths differ, fewer
     *     than two frames are given, a value is NaN or infinite (the message names the argument
     *     and the index), or the squared errors overflow
     */
    public static double mse(double[] truth, double[] prediction) {
        Inputs.requirePaired(truth, prediction);
        CompensatedSum squares = new CompensatedSum();
        for (int start = 0; start < truth.length; start += CompensatedSum.BLOCK) {
            int end = Math.min(truth.length, start + CompensatedSum.BLOCK);
            double block = 0.0;
            for (int i = start; i < end; i++) {
                double error = truth[i] - prediction[i];
                block += error * error;
            }
            squares.add(block);
        }
        double mse = squares.value() / truth.length;
        Inputs.requireNoOverflow(mse);
        return mse;
    }

    /**
     * Root mean squared error, {@code sqrt(mse)}, in the units of the data.
     *
     * @param truth ground-truth values, one per frame
     * @param prediction predicted values, aligned with {@code truth}
     * @return the root mean squared error, never negative
     * @throws IllegalArgumentException under the same conditions as {@link #mse}
     */
    public static double rmse(double[] truth, double[] prediction) {
        return Math.sqrt(mse(truth, prediction));
    }

    /**
     * Mean absolute error, {@code mean(|y - ŷ|)}.
     *
     * @param truth ground-truth values, one per frame
     * @param prediction predicted values, aligned with {@code truth}
     * @return the mean absolute error, never negative
     * @throws IllegalArgumentException if an argument is {@code null}, the lengths differ, fewer
     *     than two frames are given, a value is NaN or infinite (the message names the argument
     *     and the index), or the errors overflow
     */
    public static double mae(double[] truth, double[] prediction) {
        Inputs.requirePaired(truth, prediction);
        CompensatedSum absolute = new CompensatedSum();
        for (int start = 0; start < truth.length; start += CompensatedSum.BLOCK) {
            int end = Math.min(truth.length, start + CompensatedSum.BLOCK);
            double block = 0.0;
            for (int i = start; i < end; i++) {
                block += Math.abs(truth[i] - prediction[i]);
            }
            absolute.add(block);
        }
        double mae = absolute.value() / truth.length;
        Inputs.requireNoOverflow(mae);
        return mae;
    }
}
