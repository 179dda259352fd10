package org.affectiveprocesses.baselines;

import org.affectiveprocesses.api.Configuration;

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

    /**
     * Every size as a structured record (type: the {@link #modelType()}, version 1), for provenance.
     *
     * @return the configuration; {@link #fromConfiguration} rebuilds an equal architecture
     */
    Configuration toConfiguration();

    /**
     * Rebuilds an architecture from {@link #toConfiguration()}.
     *
     * @param c the configuration
     * @return the architecture
     * @throws IllegalArgumentException if the type is not a baseline's or a value is missing or invalid
     */
    static BaselineArchitecture fromConfiguration(Configuration c) {
        switch (c.type()) {
            case ConvGruConfig.MODEL_TYPE:
                c.require(ConvGruConfig.MODEL_TYPE, 1);
                return new ConvGruConfig(c.smallInteger("layers"), c.smallInteger("hiddenSize"),
                        c.smallInteger("kernelSize"), c.enumValue("axis", ConvAxis.class),
                        c.smallInteger("featureChannels"), c.smallInteger("windowLength"));
            case BiGruConfig.MODEL_TYPE:
                c.require(BiGruConfig.MODEL_TYPE, 1);
                return new BiGruConfig(c.smallInteger("layers"), c.smallInteger("hiddenSize"),
                        c.smallInteger("windowLength"));
            case SelfAttentionConfig.MODEL_TYPE:
                c.require(SelfAttentionConfig.MODEL_TYPE, 1);
                return new SelfAttentionConfig(c.smallInteger("layers"), c.smallInteger("heads"),
                        c.smallInteger("modelWidth"), c.smallInteger("feedForwardSize"), c.bool("positionalEncoding"),
                        c.smallInteger("windowLength"));
            default:
                throw new IllegalArgumentException("'" + c.type() + "' is not a baseline architecture");
        }
    }

    /** Checks a window length. */
    static void checkWindowLength(int windowLength) {
        if (windowLength < 1) {
            throw new IllegalArgumentException("windowLength must be >= 1, got " + windowLength);
        }
    }
}
