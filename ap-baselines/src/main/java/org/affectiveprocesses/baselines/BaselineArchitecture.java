package org.affectiveprocesses.baselines;

/**
 * The shape of a baseline temporal model and the window length it is trained and tested on (the
 * paper tunes L per model). One of {@link ConvGruConfig}, {@link BiGruConfig} or {@link
 * SelfAttentionConfig}.
 */
public sealed interface BaselineArchitecture permits ConvGruConfig, BiGruConfig, SelfAttentionConfig {

    /** The model type written to model files: {@code "convgru"}, {@code "bigru"} or {@code "self-attention"}. */
    String modelType();

    /** The short name used in tables, e.g. {@code "ConvGRU"}. */
    String displayName();

    /** L, the frames per training clip and per test window. */
    int windowLength();

    /** A copy with another window length. */
    BaselineArchitecture withWindowLength(int newWindowLength);

    /** A one-line description of every size, e.g. {@code "ConvGRU (4 layers x 128, k=3 over time, L=30)"}. */
    String describe();

    /** Checks a window length. */
    static void checkWindowLength(int windowLength) {
        if (windowLength < 1) {
            throw new IllegalArgumentException("windowLength must be >= 1, got " + windowLength);
        }
    }
}
