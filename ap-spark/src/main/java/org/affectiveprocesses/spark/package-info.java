/**
 * The SDK's corpus-scale jobs on Apache Spark: {@link org.affectiveprocesses.spark.ExtractJob}
 * (videos to a feature store, one task per video), {@link org.affectiveprocesses.spark.PredictJob}
 * (a feature store and a model file to per-frame AP predictions in Parquet) and {@link
 * org.affectiveprocesses.spark.EvaluateJob} (those predictions to the scores of {@code ap evaluate},
 * computed with Spark aggregations).
 *
 * <p>Each job does on executors exactly what the single-machine SDK does on one machine (the same
 * {@code VideoExport}, the same {@code AffectiveProcess.predictAll}), so its numbers are the
 * single-machine numbers. Heavy native state (the backbone and face detector, the AP model) is
 * loaded once per executor JVM and reused by every task that runs there. Paths are local paths
 * that every executor sees the same way (a shared file system such as NFS, or one machine).
 * Spark itself is the cluster's ({@code provided}); see {@code docs/spark.md}.
 */
package org.affectiveprocesses.spark;
