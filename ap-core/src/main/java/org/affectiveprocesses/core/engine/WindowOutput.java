package org.affectiveprocesses.core.engine;

/**
 * What an engine returns for a {@link WindowBatch}.
 *
 * @param mean [B][L][dy] predictive mean (z = μ_C)
 * @param std [B][L][dy] predictive σ_y
 * @param samples [N][B][L][dy] output means of N function samples (empty when N = 0)
 * @param frameSigmaNorms [B][L] per-frame ‖σ(r_t)‖, or null for the deterministic AP
 */
public record WindowOutput(float[] mean, float[] std, float[] samples, float[] frameSigmaNorms) {
}
