package org.affectiveprocesses.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forward pass split per frame, per context and per decoded frame gives what the reference
 * gives for a whole window, for every variant: ‖σ‖ per frame, the predictive mean and σ, and the
 * function samples for the same noise.
 */
class FrameForwardTest {
    private static final int DX = 7;
    private static final int L = 11;
    private static final int[] CONTEXT = {0, 2, 3, 7, 10};

    @ParameterizedTest
    @EnumSource(ApVariant.class)
    void framesContextAndDecoderGiveTheReferenceWindow(ApVariant variant) {
        check(new ApArchitecture(variant, true, 9, 8, 2, 0.1, 0.1), 1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void withAndWithoutPseudoLabels(boolean pseudoLabels) {
        check(new ApArchitecture(ApVariant.LATENT, pseudoLabels, 6, 5, 1, 0.2, 0.05), 2);
    }

    private static void check(ApArchitecture a, long seed) {
        ApModelSpec spec = new ApModelSpec(a, DX, LabelSpace.valenceArousal());
        ApWeights w = WeightInitializer.initialize(spec, seed);
        SplittableRandom rng = new SplittableRandom(seed + 10);
        float[][] x = new float[L][DX];
        float[][] y = new float[L][2];
        double[][] xd = new double[L][DX];
        double[][] yd = new double[L][2];
        for (int t = 0; t < L; t++) {
            for (int i = 0; i < DX; i++) {
                x[t][i] = (float) (2 * rng.nextGaussian());
                xd[t][i] = x[t][i];
            }
            for (int d = 0; d < 2; d++) {
                y[t][d] = (float) (rng.nextDouble() * 2 - 1);
                yd[t][d] = y[t][d];
            }
        }
        boolean stochastic = a.variant().isStochastic();
        int z = a.latentSize();
        int samples = stochastic ? 2 : 0;
        float[] noise = new float[samples * z];
        double[][] eps = new double[samples][z];
        for (int n = 0; n < samples; n++) {
            for (int k = 0; k < z; k++) {
                noise[n * z + k] = (float) rng.nextGaussian();
                eps[n][k] = noise[n * z + k];
            }
        }
        ApReference.WindowResult ref = new ApReference(w).predict(xd, yd, CONTEXT, eps);

        FrameForward f = FrameForward.of(w);
        FrameForward.Workspace ws = f.newWorkspace(L);
        FrameForward.Frame[] frames = new FrameForward.Frame[L];
        for (int t = 0; t < L; t++) {
            frames[t] = f.newFrame();
            f.encodeFrame(x[t], y[t], frames[t], ws);
            if (stochastic) {
                assertThat((double) frames[t].sigmaNorm()).as("‖σ‖ of frame %d", t)
                        .isCloseTo(ref.frameSigmaNorms()[t], within(1e-5));
            } else {
                assertThat(frames[t].sigmaNorm()).isNaN();
            }
        }
        float[] h2Mean = new float[a.hiddenSize()];
        float[] detMean = a.variant().hasDeterministicPath() ? new float[z] : null;
        FrameForward.Frame[] context = new FrameForward.Frame[CONTEXT.length];
        for (int i = 0; i < CONTEXT.length; i++) {
            context[i] = frames[CONTEXT[i]];
            for (int k = 0; k < h2Mean.length; k++) {
                h2Mean[k] += context[i].h2()[k] / CONTEXT.length;
            }
            if (detMean != null && !f.hasAttention()) {
                for (int k = 0; k < z; k++) {
                    detMean[k] += context[i].det()[k] / CONTEXT.length;
                }
            }
        }
        if (f.hasAttention()) {
            f.attend(context, CONTEXT.length, detMean, ws);
        }
        float[] columns = new float[a.hiddenSize()];
        float[] sigmaC = stochastic ? new float[z] : null;
        f.contextInput(h2Mean, detMean, columns, sigmaC, ws);
        float[][] sampleColumns = new float[samples][a.hiddenSize()];
        for (int n = 0; n < samples; n++) {
            f.sampleInput(columns, sigmaC, noise, n * z, sampleColumns[n], ws);
        }
        float[] mean = new float[2];
        float[] std = new float[2];
        float[] sample = new float[2];
        for (int t = 0; t < L; t++) {
            f.decode(frames[t].decoderInput(), columns, mean, std, 0, ws);
            for (int d = 0; d < 2; d++) {
                assertThat((double) mean[d]).as("mean, frame %d", t).isCloseTo(ref.mean()[t][d], within(1e-5));
                assertThat((double) std[d]).as("σ, frame %d", t).isCloseTo(ref.std()[t][d], within(1e-5));
            }
            for (int n = 0; n < samples; n++) {
                f.decode(frames[t].decoderInput(), sampleColumns[n], sample, null, 0, ws);
                for (int d = 0; d < 2; d++) {
                    assertThat((double) sample[d]).as("sample %d, frame %d", n, t)
                            .isCloseTo(ref.samples()[n][t][d], within(1e-5));
                }
            }
        }
    }
}
