package org.affectiveprocesses.metrics;

/**
 * The two-way ANOVA mean squares of an {@code n} targets &times; {@code k} raters table, from
 * which the intraclass correlations of {@link Icc} are built (Shrout &amp; Fleiss 1979 notation).
 *
 * <p>They are computed in three passes with compensated summation: the grand mean, then the
 * rater (column) means of the centred values, then the row effects and residuals, so a large
 * common offset in the ratings does not affect them. Each column that is constant, and a table
 * whose rows are all identical, give exactly zero effects rather than rounding noise.
 *
 * @param targets {@code n}, the number of targets (rows), at least 2
 * @param raters {@code k}, the number of raters (columns), at least 2
 * @param bms between-targets mean square, {@code k Σ(rowMean - grand)² / (n - 1)}
 * @param wms within-target mean square, {@code Σ(x - rowMean)² / (n (k - 1))}
 * @param jms between-raters (judges) mean square, {@code n Σ(colMean - grand)² / (k - 1)}
 * @param ems residual mean square, {@code Σ(x - rowMean - colMean + grand)² / ((n-1)(k-1))}
 */
public record MeanSquares(int targets, int raters, double bms, double wms, double jms, double ems) {

    /**
     * Validates the components.
     *
     * @param targets {@code n}, the number of targets (rows)
     * @param raters {@code k}, the number of raters (columns)
     * @param bms between-targets mean square
     * @param wms within-target mean square
     * @param jms between-raters mean square
     * @param ems residual mean square
     * @throws IllegalArgumentException if there are fewer than two targets or raters, or a mean
     *     square is negative or not finite
     */
    public MeanSquares {
        if (targets < Inputs.MIN_FRAMES || raters < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 targets and 2 raters, got " + targets + " x " + raters);
        }
        double[] squares = {bms, wms, jms, ems};
        for (double square : squares) {
            if (!(square >= 0.0) || Double.isInfinite(square)) {
                throw new IllegalArgumentException(
                        "mean squares must be finite and non-negative, got " + square);
            }
        }
    }

    /**
     * Mean squares of a ratings table.
     *
     * @param ratings {@code ratings[target][rater]}: one row per target, one column per rater;
     *     all rows of equal length
     * @return the mean squares
     * @throws IllegalArgumentException if {@code ratings} or a row is {@code null}, there are
     *     fewer than two rows or columns, the rows differ in length, a value is NaN or infinite
     *     (the message gives {@code ratings[i][j]}), or the values are so large that their
     *     squares overflow
     */
    public static MeanSquares of(double[][] ratings) {
        Inputs.requireNonNull("ratings", ratings);
        if (ratings.length < Inputs.MIN_FRAMES) {
            throw new IllegalArgumentException(
                    "ratings needs at least 2 targets (rows), got " + ratings.length);
        }
        Inputs.requireNonNull("ratings[0]", ratings[0]);
        int k = ratings[0].length;
        if (k < 2) {
            throw new IllegalArgumentException(
                    "ratings needs at least 2 raters (columns), got " + k);
        }
        double[][] columns = new double[k][ratings.length];
        for (int i = 0; i < ratings.length; i++) {
            double[] row = ratings[i];
            Inputs.requireNonNull("ratings[" + i + "]", row);
            if (row.length != k) {
                throw new IllegalArgumentException(
                        "ratings[" + i + "] has " + row.length + " raters but ratings[0] has " + k);
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            "ratings[" + i + "][" + j + "] is " + row[j]
                                    + "; every value must be finite");
                }
                columns[j][i] = row[j];
            }
        }
        return ofColumns(columns);
    }

    /**
     * Mean squares of two raters, the ground truth and the prediction, over {@code n} frames.
     *
     * @param truth ground-truth values, one per frame (rater 1)
     * @param prediction predicted values, aligned with {@code truth} (rater 2)
     * @return the mean squares with {@code targets = n} and {@code raters = 2}
     * @throws IllegalArgumentException if an argument is {@code null}, the lengths differ, fewer
     *     than two frames are given, a value is NaN or infinite (the message names the argument
     *     and the index), or the values are so large that their squares overflow
     */
    public static MeanSquares of(double[] truth, double[] prediction) {
        Inputs.requirePaired(truth, prediction);
        return ofColumns(new double[][] {truth, prediction});
    }

    /** The ANOVA of validated, equally long, finite columns (one array per rater). */
    private static MeanSquares ofColumns(double[][] columns) {
        int k = columns.length;
        int n = columns[0].length;
        double grand = grandMean(columns);

        // Rater means of the values centred on the grand mean; exact for constant columns.
        double[] columnMeans = new double[k];
        for (int j = 0; j < k; j++) {
            double[] column = columns[j];
            columnMeans[j] =
                    CompensatedSum.isConstant(column)
                            ? column[0] - grand
                            : CompensatedSum.centredSum(column, grand) / n;
        }
        // Computed exactly like a row mean, so identical rows give row effects of exactly 0.
        double centredGrand = rowMean(columnMeans);

        CompensatedSum rowSquares = new CompensatedSum();
        CompensatedSum withinSquares = new CompensatedSum();
        CompensatedSum residualSquares = new CompensatedSum();
        double[] row = new double[k];
        for (int start = 0; start < n; start += CompensatedSum.BLOCK) {
            int end = Math.min(n, start + CompensatedSum.BLOCK);
            double rowBlock = 0.0;
            double withinBlock = 0.0;
            double residualBlock = 0.0;
            for (int i = start; i < end; i++) {
                for (int j = 0; j < k; j++) {
                    row[j] = columns[j][i] - grand;
                }
                double rowMean = rowMean(row);
                double rowEffect = rowMean - centredGrand;
                rowBlock += rowEffect * rowEffect;
                for (int j = 0; j < k; j++) {
                    double within = row[j] - rowMean;
                    withinBlock += within * within;
                    double residual = (row[j] - columnMeans[j]) - rowEffect;
                    residualBlock += residual * residual;
                }
            }
            rowSquares.add(rowBlock);
            withinSquares.add(withinBlock);
            residualSquares.add(residualBlock);
        }
        CompensatedSum columnSquares = new CompensatedSum();
        for (double columnMean : columnMeans) {
            double columnEffect = columnMean - centredGrand;
            columnSquares.add(columnEffect * columnEffect);
        }

        double bms = k * rowSquares.value() / (n - 1);
        double wms = withinSquares.value() / ((double) n * (k - 1));
        double jms = n * columnSquares.value() / (k - 1);
        double ems = residualSquares.value() / ((double) (n - 1) * (k - 1));
        Inputs.requireNoOverflow(grand, bms, wms, jms, ems);
        return new MeanSquares(n, k, bms, wms, jms, ems);
    }

    /**
     * Mean of one row of centred values (small numbers, few raters), by plain summation; exact
     * for a constant row.
     */
    private static double rowMean(double[] row) {
        double sum = 0.0;
        boolean constant = true;
        for (double value : row) {
            sum += value;
            constant &= value == row[0];
        }
        return constant ? row[0] : sum / row.length;
    }

    /** Compensated mean of all cells; exact when every cell holds the same value. */
    private static double grandMean(double[][] columns) {
        boolean constant = true;
        CompensatedSum total = new CompensatedSum();
        for (double[] column : columns) {
            constant &= CompensatedSum.isConstant(column) && column[0] == columns[0][0];
            total.add(CompensatedSum.centredSum(column, 0.0));
        }
        return constant
                ? columns[0][0]
                : total.value() / ((double) columns.length * columns[0].length);
    }
}
