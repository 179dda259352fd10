/**
 * The {@code ap} command line: {@code demo} (the paper's experiments on the built-in synthetic
 * corpus), {@code train}, {@code evaluate}, {@code plot}, {@code store} and {@code import} (feature
 * stores of real corpora), {@code extract} and {@code predict} (video to per-frame affect), {@code
 * compare} (temporal baselines) and {@code bench} (throughput against the machine's sgemm).
 */
package org.affectiveprocesses.examples;
