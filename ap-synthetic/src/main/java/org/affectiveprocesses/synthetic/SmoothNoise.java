package org.affectiveprocesses.synthetic;

/**
 * Smooth stationary random processes: white Gaussian noise through two cascaded first-order
 * low-pass filters with the same time constant (a critically damped second-order filter), scaled
 * to unit variance and started in its stationary distribution, so a series has no warm-up
 * transient and is differentiable-looking at the frame rate.
 */
final class SmoothNoise {
    private SmoothNoise() {}

    /**
     * A unit-variance smooth series.
     *
     * @param rng the random source
     * @param length the number of frames
     * @param tauFrames the time constant of each filter stage, in frames (&gt; 0)
     */
    static double[] sample(Rng rng, int length, double tauFrames) {
        double rho = StrictMath.exp(-1.0 / tauFrames);
        double oneMinusRho2 = 1.0 - rho * rho;
        double c = Math.sqrt(oneMinusRho2);
        // stationary moments: var(a1) = 1, cov(a1, a2) = 1/c, var(a2) = (1 + rho^2) / (1 - rho^2)
        double var2 = (1.0 + rho * rho) / oneMinusRho2;
        double scale = 1.0 / Math.sqrt(var2);
        double g1 = rng.nextGaussian();
        double g2 = rng.nextGaussian();
        double a1 = g1;
        double a2 = g1 / c + Math.sqrt(rho * rho / oneMinusRho2) * g2;
        double[] out = new double[length];
        out[0] = a2 * scale;
        for (int t = 1; t < length; t++) {
            a1 = rho * a1 + c * rng.nextGaussian();
            a2 = rho * a2 + c * a1;
            out[t] = a2 * scale;
        }
        return out;
    }
}
