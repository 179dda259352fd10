package org.affectiveprocesses.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
    private static final Adam.Settings PLAIN = new Adam.Settings(0.9, 0.999, 1e-8, 0, 0);

    /** One step on L = Σθ² from θ = (1, −2): the first Adam step moves every value by lr against its gradient's sign. */
    @Test
    void theFirstStepMovesEveryValueByTheLearningRate() {
        float[] after = train(new float[] {1, -2}, PLAIN, 1, 0.1);
        assertThat(after[0]).isCloseTo(0.9f, within(1e-6f));
        assertThat(after[1]).isCloseTo(-1.9f, within(1e-6f));
    }

    /** Two steps by hand: m, v and the bias correction as in Kingma &amp; Ba's efficient form. */
    @Test
    void twoStepsMatchTheFormula() {
        double lr = 0.01;
        double theta = 3;
        double m = 0;
        double v = 0;
        for (int t = 1; t <= 2; t++) {
            double g = 2 * theta + 0.5 * theta; // ∇Σθ² plus weight decay 0.5·θ
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            theta -= lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t)) * m / (Math.sqrt(v) + 1e-8);
        }
        float[] after = train(new float[] {3}, new Adam.Settings(0.9, 0.999, 1e-8, 0.5, 0), 2, lr);
        assertThat(after[0]).isCloseTo((float) theta, within(1e-5f));
    }

    /**
     * With a large ε the step depends on the gradient's scale: one step from θ = (3, 4) on Σθ²
     * (gradient (6, 8), norm 10) with the norm clipped at 1 uses the gradient (0.6, 0.8).
     */
    @Test
    void clippingScalesTheGradientToTheLargestNorm() {
        Adam.Settings clip = new Adam.Settings(0.9, 0.999, 1, 0, 1);
        Adam.Settings free = new Adam.Settings(0.9, 0.999, 1, 0, 0);
        float[] clipped = train(new float[] {3, 4}, clip, 1, 0.1);
        float[] unclipped = train(new float[] {3, 4}, free, 1, 0.1);
        double[] g = {0.6, 0.8};
        for (int i = 0; i < 2; i++) {
            assertThat(clipped[i]).isCloseTo((float) (new double[] {3, 4}[i] - firstStep(g[i], 0.1, 1)), within(1e-6f));
            assertThat(unclipped[i]).isCloseTo((float) (new double[] {3, 4}[i] - firstStep(10 * g[i], 0.1, 1)),
                    within(1e-6f));
        }
    }

    /** Adam's first step for a gradient g: lr·√(1 − β2)/(1 − β1) · (1 − β1)·g / (√(1 − β2)·|g| + ε). */
    private static double firstStep(double g, double lr, double epsilon) {
        double root = Math.sqrt(0.001);
        return lr * root / 0.1 * 0.1 * g / (root * Math.abs(g) + epsilon);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Adam.Settings(1, 0.999, 1e-8, 0, 0)).hasMessageContaining("Adam betas must be in [0, 1)");
        assertThatThrownBy(() -> new Adam.Settings(0.9, 0.999, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Adam.Settings(0.9, 0.999, 1e-8, Double.POSITIVE_INFINITY, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Adam.Settings(0.9, 0.999, 1e-8, 0, Double.NaN))
                .hasMessageContaining("clipping norm");
        assertThatThrownBy(() -> new Adam.Settings(0.9, 0.999, Double.POSITIVE_INFINITY, 0, 0))
                .hasMessageContaining("adamEpsilon must be positive and finite");
    }

    /** Trains θ on L = Σθ² for some steps and returns θ. */
    static float[] train(float[] start, Adam.Settings settings, int steps, double lr) {
        try (NDManager manager = NDManager.newBaseManager(DjlDevices.PYTORCH)) {
            NDArray theta = manager.create(start);
            theta.setRequiresGradient(true);
            Adam adam = new Adam(List.of(theta), manager, settings);
            for (int s = 0; s < steps; s++) {
                try (NDManager scratch = manager.newSubManager()) {
                    Gradients.backward(() -> theta.square().sum());
                    adam.step(scratch, lr);
                }
            }
            return theta.toFloatArray();
        }
    }
}
