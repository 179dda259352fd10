package org.affectiveprocesses.core.conformance;

import static org.affectiveprocesses.core.conformance.ConformanceFixtures.VA;
import static org.affectiveprocesses.core.conformance.ConformanceFixtures.WIDTH;
import static org.affectiveprocesses.core.conformance.ConformanceFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ContextCandidates;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.Objective;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.AdamState;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.ContextPicker;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an engine's kernels must compute, checked against {@link ApReference} on small models of
 * every variant: the forward pass (mean, σ_y, per-frame σ, function samples), context selection
 * by lowest σ, batching independence, the training loss of every objective, the Adam update
 * along the reference gradient (central differences) with weight decay and a fed learning rate,
 * and clear errors. An engine module runs it by subclassing with its {@link ApBackend}.
 */
public abstract class KernelConformanceTest {
    private static final int DY = 2;
    private static final int CONTEXT = 4;

    /** The engine under test. */
    protected abstract ApBackend backend();

    /** The engine choice passed to the backend (CPU). */
    protected Engine engine() {
        return Engine.named(backend().name()).onDevice("cpu");
    }

    /** Every variant with pseudo-labels, and the AP without them. */
    static List<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (ApVariant v : ApVariant.values()) {
            out.add(Arguments.of(v, true));
        }
        out.add(Arguments.of(ApVariant.LATENT, false));
        return out;
    }

    /** Every variant with every objective it supports. */
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

    @ParameterizedTest(name = "{0}, pseudo-labels {1}")
    @MethodSource("variants")
    void forwardPassAndSelectionMatchTheReference(ApVariant variant, boolean pseudo) {
        assertForwardPassMatchesTheReference(spec(variant, pseudo), 3, 9, 4, 11);
    }

    /**
     * The same at the sizes of a small trained model (dx 64, hidden 32, latent 16, windows of 40
     * frames with 20 context frames): engines may take other routes for larger products (fused
     * kernels, other instruction sets), never other results.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ApVariant.class)
    void forwardPassMatchesTheReferenceAtTrainedModelSizes(ApVariant variant) {
        ApModelSpec spec = new ApModelSpec(new ApArchitecture(variant, true, 32, 16, 2, 0.1, 0.1), 64,
                LabelSpace.valenceArousal());
        assertForwardPassMatchesTheReference(spec, 4, 40, 20, 21);
    }

    private void assertForwardPassMatchesTheReference(ApModelSpec spec, int b, int l, int contextSize, long seed) {
        ApVariant variant = spec.architecture().variant();
        int z = spec.architecture().latentSize();
        ApWeights w = WeightInitializer.initialize(spec, seed);
        ApReference ref = new ApReference(w);
        int samples = variant.isStochastic() ? 2 : 0;
        WindowBatch batch = ConformanceFixtures.randomWindows(b, l, spec.featureSize(), seed + 1);
        float[] noise = ConformanceFixtures.gaussian(samples * b * z, seed + 2);
        int[][] chosen = new int[b][];
        WindowOutput out;
        try (InferenceKernel k = backend().openInference(w, engine())) {
            out = k.run(batch, lowestSigmaPicker(b, l, contextSize, chosen), samples, noise);
        }
        assertThat(out.mean()).hasSize(b * l * DY);
        assertThat(out.std()).hasSize(b * l * DY);
        assertThat(out.samples()).hasSize(samples * b * l * DY);
        if (variant.isStochastic()) {
            assertThat(out.frameSigmaNorms()).hasSize(b * l);
        } else {
            assertThat(out.frameSigmaNorms()).isNull();
        }
        for (int i = 0; i < b; i++) {
            double[][] eps = new double[samples][z];
            for (int n = 0; n < samples; n++) {
                for (int q = 0; q < z; q++) {
                    eps[n][q] = noise[(n * b + i) * z + q];
                }
            }
            ApReference.WindowResult r = ref.predict(ConformanceFixtures.windowFeatures(batch, i),
                    ConformanceFixtures.windowLabels(batch, i), chosen[i], eps);
            for (int j = 0; j < l; j++) {
                for (int d = 0; d < DY; d++) {
                    int idx = (i * l + j) * DY + d;
                    assertThat((double) out.mean()[idx]).as("mean %d/%d/%d", i, j, d).isCloseTo(r.mean()[j][d], within(1e-4));
                    assertThat((double) out.std()[idx]).as("std %d/%d/%d", i, j, d).isCloseTo(r.std()[j][d], within(1e-4));
                    for (int n = 0; n < samples; n++) {
                        assertThat((double) out.samples()[((n * b + i) * l + j) * DY + d]).as("sample %d", n)
                                .isCloseTo(r.samples()[n][j][d], within(1e-4));
                    }
                }
                if (variant.isStochastic()) {
                    assertThat((double) out.frameSigmaNorms()[i * l + j]).isCloseTo(r.frameSigmaNorms()[j], within(1e-4));
                }
            }
            if (variant.isStochastic()) {
                int[] expected = ContextSelectors.lowestSigma().select(ContextCandidates.of(r.frameSigmaNorms(), i),
                        contextSize);
                assertThat(sorted(chosen[i])).as("lowest-σ context of window %d", i).isEqualTo(sorted(expected));
            }
        }
    }

    /**
     * A batch of 1,200 rows gives what its windows give one at a time: engines may take other
     * routes for large batches (threads, where reductions run), never other results.
     */
    @Test
    void aLargeBatchMatchesItsWindowsOneByOne() {
        ApWeights w = WeightInitializer.initialize(spec(ApVariant.LATENT, true), 13);
        int b = 40;
        int l = 30;
        WindowBatch batch = ConformanceFixtures.randomWindows(b, l, 8);
        try (InferenceKernel k = backend().openInference(w, engine())) {
            int[][] chosen = new int[b][];
            WindowOutput all = k.run(batch, lowestSigmaPicker(b, l, chosen), 0, new float[0]);
            for (int i = 0; i < b; i++) {
                WindowBatch one = ConformanceFixtures.window(batch, i);
                int[][] chosenOne = new int[1][];
                WindowOutput single = k.run(one, lowestSigmaPicker(1, l, chosenOne), 0, new float[0]);
                assertThat(chosenOne[0]).as("context of window %d", i).containsExactly(chosen[i]);
                for (int j = 0; j < l; j++) {
                    assertThat(single.frameSigmaNorms()[j]).isCloseTo(all.frameSigmaNorms()[i * l + j], within(1e-4f));
                }
                for (int j = 0; j < l * DY; j++) {
                    assertThat(single.mean()[j]).isCloseTo(all.mean()[i * l * DY + j], within(1e-4f));
                    assertThat(single.std()[j]).isCloseTo(all.std()[i * l * DY + j], within(1e-4f));
                }
            }
        }
    }

    /**
     * Callers sharing one kernel get what each gets alone: engines may use helper threads or
     * reused buffers for small batches, never shared state that mixes windows.
     */
    @Test
    void concurrentCallersGetWhatTheyGetAlone() throws Exception {
        ApWeights w = WeightInitializer.initialize(spec(ApVariant.LATENT, true), 14);
        int callers = 3;
        int l = 12;
        WindowBatch batch = ConformanceFixtures.randomWindows(callers, l, 9);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (InferenceKernel k = backend().openInference(w, engine())) {
            float[][] alone = new float[callers][];
            for (int i = 0; i < callers; i++) {
                alone[i] = k.run(ConformanceFixtures.window(batch, i), lowestSigmaPicker(1, l, new int[1][]), 0,
                        new float[0]).mean();
            }
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int window = i;
                runs.add(pool.submit(() -> {
                    WindowBatch one = ConformanceFixtures.window(batch, window);
                    boolean same = true;
                    for (int r = 0; r < 40; r++) {
                        float[] mean = k.run(one, lowestSigmaPicker(1, l, new int[1][]), 0, new float[0]).mean();
                        same &= Arrays.equals(mean, alone[window]);
                    }
                    return same;
                }));
            }
            for (int i = 0; i < callers; i++) {
                assertThat(runs.get(i).get()).as("caller %d got its lone results every time", i).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A context picker that fails surfaces its exception and leaves the kernel usable. */
    @Test
    void aFailingPickerLeavesTheKernelUsable() {
        ApWeights w = WeightInitializer.initialize(spec(ApVariant.LATENT, true), 15);
        WindowBatch one = ConformanceFixtures.randomWindows(1, 10, 10);
        try (InferenceKernel k = backend().openInference(w, engine())) {
            float[] before = k.run(one, lowestSigmaPicker(1, 10, new int[1][]), 0, new float[0]).mean();
            for (int r = 0; r < 5; r++) {
                assertThatThrownBy(() -> k.run(one, sigma -> {
                    throw new IllegalStateException("picker failed");
                }, 0, new float[0])).isInstanceOf(IllegalStateException.class).hasMessage("picker failed");
            }
            float[] after = k.run(one, lowestSigmaPicker(1, 10, new int[1][]), 0, new float[0]).mean();
            assertThat(after).containsExactly(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApVariant.class)
    void windowsOfABatchAreIndependent(ApVariant variant) {
        ApWeights w = WeightInitializer.initialize(spec(variant, true), 12);
        int b = 3;
        int l = 7;
        int samples = variant.isStochastic() ? 2 : 0;
        WindowBatch batch = ConformanceFixtures.randomWindows(b, l, 6);
        float[] noise = ConformanceFixtures.gaussian(samples * b * WIDTH, 7);
        float[] weights = new float[b * l];
        int[][] contexts = {{0, 1, 2}, {6}, {1, 3, 4, 5}};
        for (int i = 0; i < b; i++) {
            for (int c : contexts[i]) {
                weights[i * l + c] = 1f / contexts[i].length;
            }
        }
        try (InferenceKernel k = backend().openInference(w, engine())) {
            WindowOutput all = k.run(batch, sigma -> weights, samples, noise);
            for (int i = 0; i < b; i++) {
                WindowBatch one = ConformanceFixtures.window(batch, i);
                float[] oneNoise = new float[samples * WIDTH];
                for (int n = 0; n < samples; n++) {
                    System.arraycopy(noise, (n * b + i) * WIDTH, oneNoise, n * WIDTH, WIDTH);
                }
                float[] oneWeights = Arrays.copyOfRange(weights, i * l, (i + 1) * l);
                WindowOutput single = k.run(one, sigma -> oneWeights, samples, oneNoise);
                for (int j = 0; j < l * DY; j++) {
                    assertThat(single.mean()[j]).isCloseTo(all.mean()[i * l * DY + j], within(1e-5f));
                    assertThat(single.std()[j]).isCloseTo(all.std()[i * l * DY + j], within(1e-5f));
                    for (int n = 0; n < samples; n++) {
                        assertThat(single.samples()[n * l * DY + j])
                                .isCloseTo(all.samples()[(n * b + i) * l * DY + j], within(1e-5f));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("lossCases")
    void trainingLossMatchesTheReference(ApVariant variant, Objective objective) {
        ApModelSpec spec = spec(variant, true);
        ApWeights w = WeightInitializer.initialize(spec, 3);
        TrainingConfig config = TrainingConfig.valenceArousal().withArchitecture(spec.architecture())
                .withObjective(objective).withBatchSize(3).toBuilder().lambdas(0.7, 1.3).build();
        TrainingBatch batch = new ClipSampler(ConformanceFixtures.toyData(), config, WIDTH, 5).next();
        double expected = ConformanceFixtures.referenceLoss(w, batch, config);
        try (TrainingKernel k = backend().openTraining(w, config, engine())) {
            assertThat(k.step(batch, 1e-3)).isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
        }
    }

    @ParameterizedTest(name = "{0}, pseudo-labels {1}")
    @MethodSource("variants")
    void adamStepsFollowTheReferenceGradient(ApVariant variant, boolean pseudo) {
        ApModelSpec spec = spec(variant, pseudo);
        ApWeights w0 = WeightInitializer.initialize(spec, 3);
        Objective objective = variant.isStochastic() ? Objective.NLL_REG_KL : Objective.NLL_REG;
        TrainingConfig base = TrainingConfig.valenceArousal().withArchitecture(spec.architecture())
                .withObjective(objective).withBatchSize(2).toBuilder().clipLength(8, 12).weightDecay(0.05)
                .lambdas(0.7, 1.3).build();
        ClipSampler sampler = new ClipSampler(ConformanceFixtures.toyData(), base, WIDTH, 9);
        TrainingBatch first = sampler.next();
        TrainingBatch second = sampler.next();
        double[] g0 = ReferenceGradient.of(w0, first, base);
        double[] theta0 = ReferenceGradient.flat(w0);
        double scale = 0;
        for (int i = 0; i < g0.length; i++) {
            scale = Math.max(scale, Math.abs(g0[i] + base.weightDecay() * theta0[i]));
        }
        // ε of the size of the largest gradient: the first step is then -lr·g/(|g| + max|g|), a
        // smooth function of the gradient, so the step shows the gradient the engine computed
        TrainingConfig config = base.toBuilder().adamEpsilon(scale * Math.sqrt(1 - base.beta2())).build();
        ReferenceAdam adam = new ReferenceAdam(config);
        double lr = 1e-2;
        try (TrainingKernel k = backend().openTraining(w0, config, engine())) {
            assertThat(k.weights()).as("weights read back before any step").isEqualTo(w0);
            k.step(first, lr);
            ApWeights w1 = k.weights();
            assertStep(adam.step(theta0, g0, lr), w1, lr, "step 1");
            double[] theta1 = ReferenceGradient.flat(w1);
            double[] g1 = ReferenceGradient.of(w1, second, config);
            k.step(second, lr / 2);
            assertStep(adam.step(theta1, g1, lr / 2), k.weights(), lr / 2, "step 2 (half the learning rate)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApVariant.class)
    void everyParameterTensorIsUpdated(ApVariant variant) {
        ApModelSpec spec = spec(variant, true);
        ApWeights w = WeightInitializer.initialize(spec, 3);
        Objective objective = variant.isStochastic() ? Objective.NLL_REG_KL : Objective.NLL_REG;
        TrainingConfig config = TrainingConfig.valenceArousal().withArchitecture(spec.architecture())
                .withObjective(objective).withBatchSize(4);
        try (TrainingKernel k = backend().openTraining(w, config, engine())) {
            k.step(new ClipSampler(ConformanceFixtures.toyData(), config, WIDTH, 5).next(), 1e-3);
            ApWeights after = k.weights();
            for (String name : w.names()) {
                assertThat(after.get(name)).as("tensor %s was updated", name).isNotEqualTo(w.get(name));
            }
        }
    }

    /**
     * A kernel opened with the weights and Adam state of another continues bitwise as the other
     * (losses, weights and moments), while one opened with the weights alone does not: what a
     * checkpoint needs to resume a training.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApVariant.class, names = {"LATENT", "LATENT_DETERMINISTIC_ATTENTION"})
    void aKernelOpenedFromAnotherKernelsStateContinuesBitwise(ApVariant variant) {
        ApModelSpec spec = spec(variant, true);
        ApWeights w0 = WeightInitializer.initialize(spec, 4);
        TrainingConfig config = TrainingConfig.valenceArousal().withArchitecture(spec.architecture())
                .withObjective(variant.isStochastic() ? Objective.NLL_REG_KL : Objective.NLL_REG).withBatchSize(3)
                .toBuilder().clipLength(8, 12).weightDecay(0.05).build();
        ClipSampler sampler = new ClipSampler(ConformanceFixtures.toyData(), config, WIDTH, 6);
        List<TrainingBatch> batches = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batches.add(sampler.next());
        }
        try (TrainingKernel original = backend().openTraining(w0, config, engine())) {
            AdamState fresh = original.adamState();
            assertThat(fresh).as("the state before any step").isEqualTo(AdamState.initial(spec));
            for (int i = 0; i < 3; i++) {
                original.step(batches.get(i), 1e-2 / (i + 1));
            }
            ApWeights w3 = original.weights();
            AdamState s3 = original.adamState();
            assertThat(s3.steps()).isEqualTo(3);
            assertThat(s3.firstMoments()).isNotEqualTo(fresh.firstMoments());
            try (TrainingKernel restored = backend().openTraining(w3, s3, config, engine());
                    TrainingKernel forgetful = backend().openTraining(w3, config, engine())) {
                assertThat(restored.weights()).isEqualTo(w3);
                assertThat(restored.adamState()).isEqualTo(s3);
                for (int i = 3; i < 6; i++) {
                    double lr = 1e-2 / (i + 1);
                    double expected = original.step(batches.get(i), lr);
                    assertThat(restored.step(batches.get(i), lr)).as("loss of step %d", i + 1).isEqualTo(expected);
                    forgetful.step(batches.get(i), lr);
                }
                assertThat(restored.weights()).isEqualTo(original.weights());
                assertThat(restored.adamState()).isEqualTo(original.adamState());
                assertThat(forgetful.weights()).isNotEqualTo(original.weights());
            }
        }
    }

    @Test
    void anAdamStateOfAnotherModelIsRefused() {
        ApWeights w = WeightInitializer.initialize(spec(ApVariant.LATENT, true), 1);
        AdamState other = AdamState.initial(spec(ApVariant.LATENT_DETERMINISTIC, true));
        TrainingConfig config = TrainingConfig.valenceArousal().withArchitecture(w.spec().architecture());
        assertThatThrownBy(() -> backend().openTraining(w, other, config, engine()).close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another model");
    }

    @Test
    void windowsOfTheWrongSizeAreAClearError() {
        ApWeights w = WeightInitializer.initialize(spec(ApVariant.LATENT, true), 1);
        try (InferenceKernel k = backend().openInference(w, engine())) {
            WindowBatch wrong = WindowBatch.of(1, 4, new float[4 * 5], new float[4 * VA.size()]);
            assertThatThrownBy(() -> k.run(wrong, sigma -> new float[4], 0, new float[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5");
        }
    }

    private static void assertStep(double[] expected, ApWeights actual, double lr, String what) {
        double[] got = ReferenceGradient.flat(actual);
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - expected[i]) / lr);
        }
        assertThat(worst).as("%s: largest deviation from the reference Adam step, in learning rates", what)
                .isLessThan(1e-4);
    }

    /** Picks the 4 lowest-σ frames of each window (frames 0, 2, 5 without σ) and records them. */
    private static ContextPicker lowestSigmaPicker(int b, int l, int[][] chosen) {
        return lowestSigmaPicker(b, l, CONTEXT, chosen);
    }

    /** Picks the {@code contextSize} lowest-σ frames of each window (frames 0, 2, 5 without σ) and records them. */
    private static ContextPicker lowestSigmaPicker(int b, int l, int contextSize, int[][] chosen) {
        return sigma -> {
            float[] weights = new float[b * l];
            for (int i = 0; i < b; i++) {
                if (sigma == null) {
                    chosen[i] = new int[] {0, 2, 5};
                } else {
                    double[] s = new double[l];
                    for (int j = 0; j < l; j++) {
                        s[j] = sigma[i * l + j];
                    }
                    chosen[i] = ContextSelectors.lowestSigma().select(ContextCandidates.of(s, i), contextSize);
                }
                for (int c : chosen[i]) {
                    weights[i * l + c] = 1f / chosen[i].length;
                }
            }
            return weights;
        };
    }

    private static int[] sorted(int[] v) {
        int[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
