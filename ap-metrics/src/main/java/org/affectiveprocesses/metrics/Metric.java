package org.affectiveprocesses.metrics;

import java.util.function.ToDoubleBiFunction;

/** A metric that scores a prediction series against a ground-truth series. */
public enum Metric {
    /** Lin's concordance correlation coefficient; see {@link Ccc}. */
    CCC("CCC", true, Ccc::of),
    /** Pearson's correlation coefficient; see {@link Pearson}. */
    PCC("PCC", true, Pearson::of),
    /** ICC(1,1) with the truth and the prediction as two raters; see {@link Icc}. */
    ICC_1_1("ICC(1,1)", true, (truth, prediction) -> Icc.of(IccType.ICC_1_1, truth, prediction)),
    /** ICC(2,1) with the truth and the prediction as two raters; see {@link Icc}. */
    ICC_2_1("ICC(2,1)", true, (truth, prediction) -> Icc.of(IccType.ICC_2_1, truth, prediction)),
    /** ICC(3,1) with the truth and the prediction as two raters (FERA); see {@link Icc}. */
    ICC_3_1("ICC(3,1)", true, (truth, prediction) -> Icc.of(IccType.ICC_3_1, truth, prediction)),
    /** Mean squared error; see {@link Errors#mse}. */
    MSE("MSE", false, Errors::mse),
    /** Root mean squared error; see {@link Errors#rmse}. */
    RMSE("RMSE", false, Errors::rmse),
    /** Mean absolute error; see {@link Errors#mae}. */
    MAE("MAE", false, Errors::mae);

    private final String displayName;
    private final boolean higherIsBetter;
    private final ToDoubleBiFunction<double[], double[]> function;

    Metric(String displayName, boolean higherIsBetter, ToDoubleBiFunction<double[], double[]> fn) {
        this.displayName = displayName;
        this.higherIsBetter = higherIsBetter;
        this.function = fn;
    }

    /**
     * The name used in tables, e.g. {@code "ICC(3,1)"}.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Whether a larger value means a better prediction: {@code true} for the correlations,
     * {@code false} for the errors.
     *
     * @return the direction of improvement
     */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Scores a prediction against the ground truth with this metric.
     *
     * @param truth ground-truth values, one per frame
     * @param prediction predicted values, aligned with {@code truth}
     * @return the metric value; {@code NaN} in the degenerate cases documented by the metric's
     *     class (correlations of constant series)
     * @throws IllegalArgumentException if an argument is {@code null}, the lengths differ, fewer
     *     than two frames are given, or a value is NaN or infinite (the message names the
     *     argument and the index)
     */
    public double compute(double[] truth, double[] prediction) {
        return function.applyAsDouble(truth, prediction);
    }
}
