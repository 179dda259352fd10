/**
 * Test-time reading of sequences: {@link org.affectiveprocesses.core.inference.WindowPlan}
 * covers a sequence with windows, {@link
 * org.affectiveprocesses.core.inference.WindowedAffectiveProcess} batches the windows into engine
 * calls and picks each window's context with the configured {@link
 * org.affectiveprocesses.api.ContextSelector}, and {@link
 * org.affectiveprocesses.core.inference.WindowMerger} merges overlapping windows.
 */
package org.affectiveprocesses.core.inference;
