package org.affectiveprocesses.api;

/** The Affective Process variants of the paper's ablation (Table 1). */
public enum ApVariant {
    /** The paper's AP (Fig. 2): mean-aggregated context, latent z ~ N(μ_C, σ_C), decoder f(x, z). */
    LATENT("AP"),
    /**
     * Deterministic AP: a single-branch latent encoder and no sampling; the decoder reads a
     * deterministic context vector. No per-frame σ, so no σ-based context selection and no KL.
     */
    DETERMINISTIC("Deterministic AP"),
    /** AP+Det: the latent path plus a deterministic path r_C fed to the decoder. */
    LATENT_DETERMINISTIC("AP+Det"),
    /**
     * AP+Det+Att: as AP+Det, with multi-head self-attention over the context representations of
     * the deterministic path before their mean (permutation invariant).
     */
    LATENT_DETERMINISTIC_ATTENTION("AP+Det+Att");

    private final String displayName;

    ApVariant(String displayName) {
        this.displayName = displayName;
    }

    /** The name used in the paper's Table 1. */
    public String displayName() {
        return displayName;
    }

    /** Whether the variant has a latent distribution (σ-based selection, sampling, KL). */
    public boolean isStochastic() {
        return this != DETERMINISTIC;
    }

    /** Whether the decoder also reads a deterministic context path. */
    public boolean hasDeterministicPath() {
        return this == LATENT_DETERMINISTIC || this == LATENT_DETERMINISTIC_ATTENTION;
    }
}
