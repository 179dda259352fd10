package org.affectiveprocesses.core.engine;

/**
 * Called by an engine between encoding a {@link WindowBatch} and aggregating its context: turns
 * the per-frame uncertainties into aggregation weights.
 */
@FunctionalInterface
public interface ContextPicker {
    /**
     * @param frameSigmaNorms [B][L] per-frame ‖σ(r_t)‖, or null for the deterministic AP
     * @return [B][L] weights: 1/C on each window's C context frames, 0 elsewhere
     */
    float[] contextWeights(float[] frameSigmaNorms);
}
