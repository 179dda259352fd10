/**
 * Command-line applications: {@code ap demo} (the paper's experiments on the built-in synthetic
 * corpus or on feature files) and {@code ap bench} (throughput against the machine's sgemm).
 */
package org.affectiveprocesses.examples;
