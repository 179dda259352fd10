package org.affectiveprocesses.core.engine;

/**
 * An engine's forward pass over window batches, with fixed weights. Holds native memory (the
 * weights, a session): close it.
 */
public interface InferenceKernel extends AutoCloseable {

    /**
     * Runs one batch: encodes every frame, asks the picker for the context, aggregates, decodes
     * with z = μ_C and with z = μ_C + σ_C ⊙ ε for each function sample.
     *
     * @param batch the windows
     * @param picker chooses the context from per-frame σ
     * @param numSamples N function samples
     * @param noise [N][B][Z] standard-normal draws (length 0 when N = 0)
     */
    WindowOutput run(WindowBatch batch, ContextPicker picker, int numSamples, float[] noise);

    @Override
    void close();
}
