package org.affectiveprocesses.metrics;

/**
 * Single-measure intraclass correlation coefficients ICC(1,1), ICC(2,1) and ICC(3,1) of
 * Shrout &amp; Fleiss (1979); see {@link IccType} for the formulas. ICC(3,1) between the ground
 * truth and the prediction is the FERA criterion for Action Unit intensity.
 *
 * <p>Every variant returns {@link Double#NaN} when its denominator is zero (it is never
 * negative), which happens when there is no variation left to explain: for ICC(1,1) when all
 * values are identical; for ICC(3,1) when all targets (rows) are identical, for instance a
 * constant truth and a constant prediction; for ICC(2,1) when both the targets and the raters
 * show no effect and, unless {@code n = k = 2}, the residual is zero too. Values are at most 1.
 */
public final class Icc {

    private Icc() {}

    /**
     * The ICC between two raters, the ground truth and the prediction, with one target per
     * frame ({@code n = truth.length}, {@code k = 2}).
     *
     * @param type which ICC to compute
     * @param truth ground-truth values, one per frame
     * @param prediction predicted values, aligned with {@code truth}
     * @return the intraclass correlation, or {@code NaN} if its denominator is zero
     * @throws IllegalArgumentException if an argument is {@code null}, the lengths differ, fewer
     *     than two frames are given, a value is NaN or infinite (the message names the argument
     *     and the index), or the values are so large that their squares overflow
     */
    public static double of(IccType type, double[] truth, double[] prediction) {
        Inputs.requireNonNull("type", type);
        return of(type, MeanSquares.of(truth, prediction));
    }

    /**
     * The ICC of an {@code n} targets &times; {@code k} raters table.
     *
     * @param type which ICC to compute
     * @param ratings {@code ratings[target][rater]}: one row per target, one column per rater
     * @return the intraclass correlation, or {@code NaN} if its denominator is zero
     * @throws IllegalArgumentException if an argument or a row is {@code null}, there are fewer
     *     than two rows or columns, the rows differ in length, a value is NaN or infinite (the
     *     message gives {@code ratings[i][j]}), or the values are so large that their squares
     *     overflow
     */
    public static double of(IccType type, double[][] ratings) {
        Inputs.requireNonNull("type", type);
        return of(type, MeanSquares.of(ratings));
    }

    /**
     * The ICC from precomputed mean squares.
     *
     * @param type which ICC to compute
     * @param meanSquares the ANOVA of the ratings
     * @return the intraclass correlation, or {@code NaN} if its denominator is zero
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static double of(IccType type, MeanSquares meanSquares) {
        Inputs.requireNonNull("type", type);
        Inputs.requireNonNull("meanSquares", meanSquares);
        double n = meanSquares.targets();
        double k = meanSquares.raters();
        double bms = meanSquares.bms();
        double wms = meanSquares.wms();
        double jms = meanSquares.jms();
        double ems = meanSquares.ems();
        double numerator;
        double denominator;
        switch (type) {
            case ICC_1_1:
                numerator = bms - wms;
                denominator = bms + (k - 1) * wms;
                break;
            case ICC_2_1:
                numerator = bms - ems;
                // = BMS + (k-1) EMS + k (JMS - EMS) / n, regrouped into non-negative terms
                // (k - 1 - k/n >= 0 for n >= 2) so no cancellation can fake a denominator.
                denominator = bms + (k - 1 - k / n) * ems + k * jms / n;
                break;
            case ICC_3_1:
                numerator = bms - ems;
                denominator = bms + (k - 1) * ems;
                break;
            default:
                throw new AssertionError(type);
        }
        if (!(denominator > 0.0)) {
            return Double.NaN;
        }
        return Math.min(1.0, numerator / denominator);
    }
}
