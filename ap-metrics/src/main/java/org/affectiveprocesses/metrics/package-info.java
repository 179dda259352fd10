/**
 * Evaluation metrics for continuous affect and Action Unit intensity prediction, as used by the
 * Affective Processes paper (Sanchez et al., CVPR 2021), in pure Java.
 *
 * <p>Scalar metrics are small static functions over {@code double[]}: {@link
 * org.affectiveprocesses.metrics.Ccc} (Lin's concordance correlation coefficient, the headline
 * metric for valence and arousal), {@link org.affectiveprocesses.metrics.Pearson} (PCC), {@link
 * org.affectiveprocesses.metrics.Icc} (Shrout &amp; Fleiss intraclass correlations; ICC(3,1) is
 * the FERA criterion for AU intensity) and {@link org.affectiveprocesses.metrics.Errors} (MSE,
 * RMSE, MAE).
 *
 * <p>Whole evaluations are summarised by an immutable {@link
 * org.affectiveprocesses.metrics.EvaluationReport} (metrics &times; dimensions, with a {@link
 * org.affectiveprocesses.metrics.Pooling} rule) and several reports can be compared in a {@link
 * org.affectiveprocesses.metrics.ResultsTable} rendered as Markdown or CSV, like the paper's
 * tables.
 *
 * <p>Conventions shared by every metric:
 *
 * <ul>
 *   <li>Moments are population moments (divide by {@code n}).
 *   <li>Sums are two-pass (means first, then centred sums) with compensated (Neumaier)
 *       summation, so a large common offset (say {@code 1e8}) does not change the result and
 *       {@code 10^7}-frame series are handled without loss of precision.
 *   <li>A {@code null} argument, arrays of different length, a non-finite value (the message
 *       names the argument and the index) or fewer than two frames raise {@link
 *       java.lang.IllegalArgumentException}.
 *   <li>A metric whose definition divides by zero on the given data (for instance Pearson's
 *       correlation of a constant series) returns {@link java.lang.Double#NaN}; the Javadoc of
 *       each metric says exactly when. No metric silently returns an arbitrary number.
 * </ul>
 */
package org.affectiveprocesses.metrics;
