package org.affectiveprocesses.core.conformance;

import org.affectiveprocesses.api.TrainingConfig;

/**
 * Adam as the {@link org.affectiveprocesses.core.engine.TrainingKernel} contract states it, in
 * double precision: L2 weight decay added to the gradient, Kingma &amp; Ba's efficient form.
 */
final class ReferenceAdam {
    private final TrainingConfig config;
    private double[] m;
    private double[] v;
    private int t;

    ReferenceAdam(TrainingConfig config) {
        this.config = config;
    }

    /**
     * One update.
     *
     * @param theta the parameters before the step
     * @param gradient ∇L at theta (without weight decay)
     * @param lr the learning rate
     * @return the parameters after the step
     */
    double[] step(double[] theta, double[] gradient, double lr) {
        if (m == null) {
            m = new double[theta.length];
            v = new double[theta.length];
        }
        t++;
        double b1 = config.beta1();
        double b2 = config.beta2();
        double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        double[] out = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double g = gradient[i] + config.weightDecay() * theta[i];
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            out[i] = theta[i] - lrT * m[i] / (Math.sqrt(v[i]) + config.adamEpsilon());
        }
        return out;
    }
}
