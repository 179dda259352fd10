package org.affectiveprocesses.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.ContextCandidates;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Objective;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.engine.WindowBatch;
import org.affectiveprocesses.core.engine.WindowOutput;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApReference;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.core.training.ClipSampler;
import org.affectiveprocesses.core.training.TrainingBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The DJL engine computes what {@link ApReference} specifies, for every variant. */
class ReferenceParityTest {
    private static final int DX = 6;
    private static final LabelSpace VA = LabelSpace.valenceArousal();
    private static final DjlBackend BACKEND = new DjlBackend();

    static ApModelSpec spec(ApVariant v, boolean pseudo) {
        return new ApModelSpec(new ApArchitecture(v, pseudo, 8, 8, 2, 0.1, 0.1), DX, VA);
    }

    static List<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (ApVariant v : ApVariant.values()) {
            out.add(Arguments.of(v, true));
        }
        out.add(Arguments.of(ApVariant.LATENT, false));
        return out;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void windowPredictionMatchesTheReference(ApVariant variant, boolean pseudo) {
        ApModelSpec spec = spec(variant, pseudo);
        ApWeights w = WeightInitializer.initialize(spec, 11);
        ApReference ref = new ApReference(w);
        int b = 3;
        int l = 9;
        int samples = variant.isStochastic() ? 2 : 0;
        SplittableRandom rng = new SplittableRandom(4);
        float[] x = new float[b * l * DX];
        float[] y = new float[b * l * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        float[] noise = new float[samples * b * 8];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextGaussian();
        }
        int[][] chosen = new int[b][];
        try (InferenceKernel k = BACKEND.openInference(w, Engine.named("djl").onDevice("cpu"))) {
            WindowOutput out = k.run(new WindowBatch(b, l, x, y), sigma -> {
                float[] weights = new float[b * l];
                for (int i = 0; i < b; i++) {
                    double[] s = new double[l];
                    for (int j = 0; j < l; j++) {
                        s[j] = sigma == null ? 0 : sigma[i * l + j];
                    }
                    chosen[i] = sigma == null ? new int[] {0, 2, 5} : ContextSelectors.lowestSigma()
                            .select(ContextCandidates.of(s, i), 4);
                    for (int c : chosen[i]) {
                        weights[i * l + c] = 1f / chosen[i].length;
                    }
                }
                return weights;
            }, samples, noise);
            for (int i = 0; i < b; i++) {
                double[][] xs = new double[l][DX];
                double[][] ys = new double[l][2];
                for (int j = 0; j < l; j++) {
                    for (int d = 0; d < DX; d++) {
                        xs[j][d] = x[(i * l + j) * DX + d];
                    }
                    ys[j][0] = y[(i * l + j) * 2];
                    ys[j][1] = y[(i * l + j) * 2 + 1];
                }
                double[][] eps = new double[samples][8];
                for (int n = 0; n < samples; n++) {
                    for (int q = 0; q < 8; q++) {
                        eps[n][q] = noise[(n * b + i) * 8 + q];
                    }
                }
                ApReference.WindowResult r = ref.predict(xs, ys, chosen[i], eps);
                for (int j = 0; j < l; j++) {
                    for (int d = 0; d < 2; d++) {
                        int idx = (i * l + j) * 2 + d;
                        assertThat((double) out.mean()[idx]).isCloseTo(r.mean()[j][d], within(1e-4));
                        assertThat((double) out.std()[idx]).isCloseTo(r.std()[j][d], within(1e-4));
                        for (int n = 0; n < samples; n++) {
                            assertThat((double) out.samples()[((n * b + i) * l + j) * 2 + d])
                                    .isCloseTo(r.samples()[n][j][d], within(1e-4));
                        }
                    }
                    if (variant.isStochastic()) {
                        assertThat((double) out.frameSigmaNorms()[i * l + j])
                                .isCloseTo(r.frameSigmaNorms()[j], within(1e-4));
                    } else {
                        assertThat(out.frameSigmaNorms()).isNull();
                    }
                }
            }
        }
    }

    static List<Arguments> lossCases() {
        List<Arguments> out = new ArrayList<>();
        for (ApVariant v : ApVariant.values()) {
            for (Objective o : Objective.values()) {
                if (v.isStochastic() || !o.hasKl()) {
                    out.add(Arguments.of(v, o));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("lossCases")
    void trainingLossMatchesTheReference(ApVariant variant, Objective objective) {
        ApModelSpec spec = spec(variant, true);
        ApWeights w = WeightInitializer.initialize(spec, 3);
        TrainingConfig config = TrainingConfig.valenceArousal().withArchitecture(spec.architecture())
                .withObjective(objective).withBatchSize(3).toBuilder().lambdas(0.7, 1.3).build();
        TrainingBatch batch = new ClipSampler(toyData(), config, 8, 5).next();
        double expected = 0;
        for (int c = 0; c < batch.clips(); c++) {
            expected += referenceLoss(new ApReference(w), batch, c, config).total() / batch.clips();
        }
        try (TrainingKernel k = BACKEND.openTraining(w, config, Engine.named("djl").onDevice("cpu"))) {
            assertThat(k.step(batch, 1e-3)).isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
        }
    }

    @ParameterizedTest
    @EnumSource(ApVariant.class)
    void everyParameterReceivesGradient(ApVariant variant) {
        ApModelSpec spec = spec(variant, true);
        ApWeights w = WeightInitializer.initialize(spec, 3);
        Objective objective = variant.isStochastic() ? Objective.NLL_REG_KL : Objective.NLL_REG;
        TrainingConfig config = TrainingConfig.valenceArousal().withArchitecture(spec.architecture())
                .withObjective(objective).withBatchSize(4);
        try (TrainingKernel k = BACKEND.openTraining(w, config, Engine.named("djl").onDevice("cpu"))) {
            k.step(new ClipSampler(toyData(), config, 8, 5).next(), 1e-3);
            ApWeights after = k.weights();
            for (String name : w.names()) {
                float[] a = w.get(name);
                float[] b = after.get(name);
                boolean changed = false;
                for (int i = 0; i < a.length; i++) {
                    changed |= a[i] != b[i];
                }
                assertThat(changed).as("tensor %s was updated", name).isTrue();
            }
        }
    }

    static ApReference.ClipLoss referenceLoss(ApReference ref, TrainingBatch b, int clip, TrainingConfig c) {
        int from = b.clipOffsets()[clip];
        int to = b.clipOffsets()[clip + 1];
        int l = to - from;
        double[][] x = new double[l][DX];
        double[][] ctx = new double[l][2];
        double[][] truth = new double[l][2];
        List<Integer> context = new ArrayList<>();
        for (int j = 0; j < l; j++) {
            int r = from + j;
            for (int d = 0; d < DX; d++) {
                x[j][d] = b.features()[r * DX + d];
            }
            for (int d = 0; d < 2; d++) {
                ctx[j][d] = b.contextLabels()[r * 2 + d];
                truth[j][d] = b.truthMask()[r * 2 + d] > 0 ? b.truth()[r * 2 + d] : Double.NaN;
            }
            if (b.contextWeights()[clip * b.rows() + r] > 0) {
                context.add(j);
            }
        }
        double[] eps = new double[8];
        for (int q = 0; q < 8; q++) {
            eps[q] = b.noise()[clip * 8 + q];
        }
        return ref.loss(x, ctx, truth, context.stream().mapToInt(Integer::intValue).toArray(), eps,
                c.objective(), c.lambdaKl(), c.lambdaReg());
    }

    static SequenceDataset toyData() {
        SplittableRandom rng = new SplittableRandom(8);
        List<AffectSequence> list = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            AffectSequence.Builder b = AffectSequence.builder("toy" + s, VA, DX);
            for (int t = 0; t < 90; t++) {
                float[] x = new float[DX];
                for (int d = 0; d < DX; d++) {
                    x[d] = (float) rng.nextGaussian();
                }
                float v = (float) Math.sin(t / 10.0 + s);
                float missing = t % 7 == 0 ? Float.NaN : v;
                b.addFrame(x, new float[] {v * 0.8f, -v * 0.5f}, new float[] {missing, -v});
            }
            list.add(b.build());
        }
        return SequenceDataset.of("toy", list);
    }
}
