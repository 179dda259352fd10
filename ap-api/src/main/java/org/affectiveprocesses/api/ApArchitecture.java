package org.affectiveprocesses.api;

import java.util.Objects;

/**
 * The shape of an Affective Process, independent of the data's feature and label sizes.
 *
 * <p>The paper's configuration ({@link #paper()}): label upsampling dy → dx concatenated with x,
 * a 3-layer encoder to r ∈ R^128, mean aggregation, a latent encoder (shared 128 → 128 + ReLU,
 * heads μ and σ), and a 3-layer decoder on [x, z] to the output mean and σ.
 *
 * <p>Standard deviations follow the Neural Process convention, with floors configurable here:
 * latent σ = floor + (1 − floor)·sigmoid(raw) and output σ = floor + (1 − floor)·softplus(raw).
 *
 * @param variant the ablation variant
 * @param usePseudoLabels whether the encoder reads pseudo-labels (false = the paper's "AP w/o W")
 * @param hiddenSize width of the encoder and decoder layers (128)
 * @param latentSize size of r and z (128)
 * @param attentionHeads heads of the self-attention in {@link ApVariant#LATENT_DETERMINISTIC_ATTENTION}
 * @param latentSigmaFloor lower bound of the latent σ (0.1)
 * @param outputSigmaFloor lower bound of the output σ (0.1)
 */
public record ApArchitecture(ApVariant variant, boolean usePseudoLabels, int hiddenSize, int latentSize,
        int attentionHeads, double latentSigmaFloor, double outputSigmaFloor) {
    /** The type name of {@link #toConfiguration()}. */
    public static final String CONFIGURATION_TYPE = "ApArchitecture";
    /** The version of {@link #toConfiguration()}'s field list. */
    public static final int CONFIGURATION_VERSION = 1;

    /** @throws IllegalArgumentException naming the field out of range */
    public ApArchitecture {
        Objects.requireNonNull(variant, "variant");
        if (hiddenSize < 1 || latentSize < 1) {
            throw new IllegalArgumentException("hiddenSize and latentSize must be >= 1, got "
                    + hiddenSize + ", " + latentSize);
        }
        if (attentionHeads < 1 || latentSize % attentionHeads != 0) {
            throw new IllegalArgumentException("attentionHeads must divide latentSize=" + latentSize
                    + ", got " + attentionHeads);
        }
        if (!(latentSigmaFloor >= 0 && latentSigmaFloor < 1)) {
            throw new IllegalArgumentException("latentSigmaFloor must be in [0, 1), got " + latentSigmaFloor);
        }
        if (!(outputSigmaFloor >= 0 && outputSigmaFloor < 1)) {
            throw new IllegalArgumentException("outputSigmaFloor must be in [0, 1), got " + outputSigmaFloor);
        }
    }

    /** The paper's AP (Fig. 2): width 128, latent 128, floors 0.1. */
    public static ApArchitecture paper() {
        return new ApArchitecture(ApVariant.LATENT, true, 128, 128, 8, 0.1, 0.1);
    }

    /** A copy with another variant. */
    public ApArchitecture withVariant(ApVariant v) {
        return new ApArchitecture(v, usePseudoLabels, hiddenSize, latentSize, attentionHeads,
                latentSigmaFloor, outputSigmaFloor);
    }

    /** A copy with or without pseudo-labels in the encoder. */
    public ApArchitecture withPseudoLabels(boolean use) {
        return new ApArchitecture(variant, use, hiddenSize, latentSize, attentionHeads,
                latentSigmaFloor, outputSigmaFloor);
    }

    /** A copy with other layer sizes. */
    public ApArchitecture withSizes(int hidden, int latent) {
        return new ApArchitecture(variant, usePseudoLabels, hidden, latent,
                latent % attentionHeads == 0 ? attentionHeads : 1, latentSigmaFloor, outputSigmaFloor);
    }

    /** The name used in the paper's Table 1, e.g. {@code "AP+Det"} or {@code "AP w/o W"}. */
    public String displayName() {
        return variant.displayName() + (usePseudoLabels ? "" : " w/o W");
    }

    /**
     * This architecture as a structured record (type {@value #CONFIGURATION_TYPE}, version
     * {@value #CONFIGURATION_VERSION}).
     *
     * @return every field
     */
    public Configuration toConfiguration() {
        return Configuration.builder(CONFIGURATION_TYPE, CONFIGURATION_VERSION).put("variant", variant.name())
                .put("usePseudoLabels", usePseudoLabels).put("hiddenSize", hiddenSize).put("latentSize", latentSize)
                .put("attentionHeads", attentionHeads).put("latentSigmaFloor", latentSigmaFloor)
                .put("outputSigmaFloor", outputSigmaFloor).build();
    }

    /**
     * Rebuilds an architecture from {@link #toConfiguration()}.
     *
     * @param c the configuration
     * @return the architecture
     * @throws IllegalArgumentException if {@code c} is not an architecture this SDK reads, or its
     *     values are missing or invalid
     */
    public static ApArchitecture fromConfiguration(Configuration c) {
        c.require(CONFIGURATION_TYPE, CONFIGURATION_VERSION);
        return new ApArchitecture(c.enumValue("variant", ApVariant.class), c.bool("usePseudoLabels"),
                c.smallInteger("hiddenSize"), c.smallInteger("latentSize"), c.smallInteger("attentionHeads"),
                c.number("latentSigmaFloor"), c.number("outputSigmaFloor"));
    }
}
