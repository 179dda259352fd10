package org.affectiveprocesses.api;

/**
 * The training objectives of the paper's Table 1: L = L_nll + λ_kl·L_kl + λ_reg·L_reg.
 *
 * <ul>
 *   <li>L_nll = −E_{q(z|C)} log p(y_T | x_T, z), one reparameterised sample;
 *   <li>L_kl = KL(q(z|T) ‖ q(z|C)), q(z|T) encoding the targets with their ground truth;
 *   <li>L_reg = KL(N(mean_t ỹ^μ_t, mean_t ỹ^σ_t) ‖ N(0, 1)): the paper's "Σ" read as the mean
 *       over the target frames (a sum would grow with the clip length).
 * </ul>
 */
public enum Objective {
    /** Maximum likelihood only. */
    NLL(false, false),
    /** The ELBO-style objective. */
    NLL_KL(true, false),
    /** Likelihood plus the output regulariser; the paper's best and the default. */
    NLL_REG(false, true),
    /** All three terms. */
    NLL_REG_KL(true, true);

    private final boolean kl;
    private final boolean reg;

    Objective(boolean kl, boolean reg) {
        this.kl = kl;
        this.reg = reg;
    }

    /** Whether L_kl is part of the objective. */
    public boolean hasKl() {
        return kl;
    }

    /** Whether L_reg is part of the objective. */
    public boolean hasReg() {
        return reg;
    }

    /** The subscript used in the paper, e.g. {@code "nll+reg"}. */
    public String label() {
        return "nll" + (reg ? "+reg" : "") + (kl ? "+kl" : "");
    }
}
