package org.affectiveprocesses.video.smoothing;

/**
 * The 1€ filter of Casiez, Roussel and Vogel ("1€ Filter: A Simple Speed-based Low-pass Filter for
 * Noisy Input in Interactive Systems", CHI 2012): an exponential smoother whose cutoff frequency
 * rises with the signal's speed, so that a slowly changing value is smoothed strongly (little
 * jitter) and a fast change follows with little lag.
 *
 * <p>For a sample x at time t, with dt the time since the previous sample and
 * α(f) = 1 / (1 + 1 / (2π f dt)): the speed is estimated as dx̂ = α(d<sub>cutoff</sub>) · (x −
 * x̂<sub>prev</sub>) / dt + (1 − α) · dx̂<sub>prev</sub>, the cutoff is f = min<sub>cutoff</sub> +
 * β · |dx̂|, and the output x̂ = α(f) · x + (1 − α(f)) · x̂<sub>prev</sub>. The first sample passes
 * unchanged. Not thread-safe: one filter per signal.
 */
public final class OneEuroFilter {
    private final Parameters parameters;
    private double previousTime = Double.NaN;
    private double value;
    private double speed;

    /**
     * The filter's parameters.
     *
     * @param minCutoff the cutoff frequency at rest, in Hz (lower: less jitter, more lag)
     * @param beta how much the cutoff rises per unit of speed (per second)
     * @param derivativeCutoff the cutoff frequency of the speed estimate, in Hz
     */
    public record Parameters(double minCutoff, double beta, double derivativeCutoff) {
        /** Validates. */
        public Parameters {
            if (!(minCutoff > 0) || !(derivativeCutoff > 0) || !(beta >= 0) || !Double.isFinite(minCutoff)
                    || !Double.isFinite(beta) || !Double.isFinite(derivativeCutoff)) {
                throw new IllegalArgumentException("1€ filter parameters need positive finite cutoffs and a"
                        + " non-negative finite beta, got minCutoff " + minCutoff + ", beta " + beta
                        + ", derivativeCutoff " + derivativeCutoff);
            }
        }

        /**
         * The defaults for valence and arousal (values in [-1, 1], changing over seconds): 1 Hz at
         * rest, the cutoff rising by 1 Hz per unit per second of speed, the speed estimated at 1 Hz
         * (the paper's suggested derivative cutoff).
         */
        public static Parameters affect() {
            return new Parameters(1.0, 1.0, 1.0);
        }
    }

    /** A filter. */
    public OneEuroFilter(Parameters parameters) {
        this.parameters = java.util.Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Filters the next sample.
     *
     * @param seconds its time, after the previous sample's
     * @param x its value (finite)
     * @return the filtered value
     * @throws IllegalArgumentException if the time does not advance or a value is not finite
     */
    public double filter(double seconds, double x) {
        if (!Double.isFinite(x) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("1€ filter input must be finite, got " + x + " at " + seconds + " s");
        }
        if (Double.isNaN(previousTime)) {
            previousTime = seconds;
            value = x;
            speed = 0;
            return x;
        }
        double dt = seconds - previousTime;
        if (!(dt > 0)) {
            throw new IllegalArgumentException("1€ filter samples must advance in time: " + seconds + " s after "
                    + previousTime + " s");
        }
        double a = alpha(parameters.derivativeCutoff(), dt);
        speed = a * (x - value) / dt + (1 - a) * speed;
        double cutoff = parameters.minCutoff() + parameters.beta() * Math.abs(speed);
        value = alpha(cutoff, dt) * x + (1 - alpha(cutoff, dt)) * value;
        previousTime = seconds;
        return value;
    }

    private static double alpha(double cutoff, double dt) {
        return 1 / (1 + 1 / (2 * Math.PI * cutoff * dt));
    }
}
