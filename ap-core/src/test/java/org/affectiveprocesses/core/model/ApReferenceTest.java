package org.affectiveprocesses.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Objective;
import org.junit.jupiter.api.Test;
import org.affectiveprocesses.io.TensorSpec;

class ApReferenceTest {

    @Test
    void gaussianKlKnownValues() {
        assertThat(ApReference.gaussianKl(0, 1, 0, 1)).isZero();
        assertThat(ApReference.gaussianKl(1, 1, 0, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(ApReference.gaussianKl(0, 2, 0, 1)).isCloseTo(-Math.log(2) + 2 - 0.5, within(1e-12));
    }

    /**
     * All weights zero, so every layer outputs its bias: the decoder says μ = 0.5 and raw σ =
     * ln(e − 1), i.e. softplus = 1 and σ = 0.1 + 0.9 · 1 = 1.
     */
    @Test
    void lossOfAConstantModelByHand() {
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper().withSizes(3, 2), 2,
                LabelSpace.custom("one", java.util.List.of("y"), -1, 1));
        Map<String, float[]> w = new HashMap<>();
        for (TensorSpec t : spec.parameters()) {
            w.put(t.name(), new float[t.size()]);
        }
        w.put("decoder.3.bias", new float[] {0.5f, (float) Math.log(Math.E - 1)});
        ApReference ref = new ApReference(ApWeights.of(spec, w));
        double[][] x = {{1, 2}, {3, 4}, {5, 6}};
        double[][] labels = {{0.1}, {0.2}, {0.3}};
        double[][] truth = {{1.5}, {-0.5}, {Double.NaN}};
        double[] eps = {0.3, -0.2};
        // two labelled targets: NLL per frame = log 1 + ½ (y − 0.5)² + ½ log 2π
        double halfLog2Pi = 0.5 * Math.log(2 * Math.PI);
        double nll = ((0.5 * 1 + halfLog2Pi) + (0.5 * 1 + halfLog2Pi)) / 2;
        // reg: KL(N(0.5, 1) ‖ N(0, 1)) = ½ · 0.25
        double reg = 0.125;
        ApReference.ClipLoss l = ref.loss(x, labels, truth, new int[] {0, 2}, eps, Objective.NLL_REG_KL, 1, 1);
        assertThat(l.nll()).isCloseTo(nll, within(1e-6));
        assertThat(l.reg()).isCloseTo(reg, within(1e-6));
        assertThat(l.kl()).isCloseTo(0, within(1e-12)); // q(z|T) = q(z|C) when the encoder ignores its input
        assertThat(l.total()).isCloseTo(nll + reg, within(1e-6));
        assertThat(ref.loss(x, labels, truth, new int[] {1}, eps, Objective.NLL, 1, 1).total())
                .isCloseTo(nll, within(1e-6));
    }

    @Test
    void predictionWithSamplesIsCoherentAndMeanUsesMu() {
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper().withSizes(8, 4), 3, LabelSpace.valenceArousal());
        ApReference ref = new ApReference(WeightInitializer.initialize(spec, 5));
        double[][] x = new double[6][3];
        double[][] y = new double[6][2];
        for (int t = 0; t < 6; t++) {
            x[t] = new double[] {Math.sin(t), Math.cos(t), t / 6.0};
            y[t] = new double[] {0.1 * t, -0.1 * t};
        }
        double[][] zero = {{0, 0, 0, 0}};
        ApReference.WindowResult r = ref.predict(x, y, new int[] {0, 3, 5}, zero);
        // a sample with ε = 0 is the mean function
        for (int t = 0; t < 6; t++) {
            assertThat(r.samples()[0][t]).containsExactly(r.mean()[t], within(1e-12));
            assertThat(r.std()[t][0]).isGreaterThanOrEqualTo(0.1);
        }
        assertThat(r.frameSigmaNorms()).hasSize(6);
        // context order does not matter (mean aggregation is permutation invariant)
        ApReference.WindowResult shuffled = ref.predict(x, y, new int[] {5, 0, 3}, zero);
        assertThat(shuffled.mean()[2]).containsExactly(r.mean()[2], within(1e-12));
    }
}
