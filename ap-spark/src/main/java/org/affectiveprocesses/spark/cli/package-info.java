/**
 * {@code ap spark}: the command line of the Spark jobs, for one machine ({@code --master
 * local[2]}) and for {@code spark-submit} (the master and settings then come from spark-submit).
 */
package org.affectiveprocesses.spark.cli;
