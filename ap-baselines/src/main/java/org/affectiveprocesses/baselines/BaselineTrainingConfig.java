package org.affectiveprocesses.baselines;

import java.util.Objects;
import org.affectiveprocesses.api.Configuration;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.metrics.Metric;

/**
 * How a baseline is trained and tested; immutable and validated.
 *
 * <p>Training: every step draws {@code batchSize} clips of exactly L consecutive valid frames
 * (L = the architecture's window length) from the training sequences, with probability
 * proportional to the number of clip starts, and minimises the mean squared error over the clips'
 * labelled frames and dimensions. The optimiser is Adam with L2 weight decay added to the gradient
 * and the global gradient norm clipped, its learning rate following a cosine from {@code
 * learningRate} to 0 over all steps (the Affective Process's update and schedule). After every
 * epoch the model is scored on the validation split with its test protocol and the best epoch
 * (mean of {@code selectionMetric} over dimensions) is kept, as for the AP.
 *
 * <p>Test protocol: windows of L frames every {@code hop} frames, merged where they overlap with
 * triangular weights ({@link org.affectiveprocesses.core.inference.WindowMerger}).
 *
 * <p>The presets carry each model's own optimiser settings, chosen by a small learning-rate sweep
 * on the synthetic corpus's validation split (documented in {@code docs/baselines.md}), and the
 * AP's default budget (25 epochs × 1000 steps; batch 16 for valence/arousal, 6 for Action Units).
 * {@link #withBudgetOf(TrainingConfig)} gives a baseline the same seed, steps, batch size and
 * selection metric as a given AP configuration.
 *
 * @param architecture the network and its window length L
 * @param usePseudoLabels whether each frame's input also holds the pseudo-labels (the paper's
 *     baselines: false)
 * @param seed seed of the initial weights and the clip sampling
 * @param epochs epochs
 * @param iterationsPerEpoch optimiser steps per epoch
 * @param batchSize clips per step
 * @param learningRate initial learning rate
 * @param weightDecay L2 weight decay
 * @param beta1 Adam β1
 * @param beta2 Adam β2
 * @param adamEpsilon Adam ε
 * @param cosineAnnealing whether the learning rate follows a cosine to 0 (else it is constant)
 * @param gradientClipNorm the largest global gradient norm (0 = no clipping)
 * @param hop frames between test window starts, 1 … L
 * @param inferenceBatchSize windows per forward pass at test time
 * @param selectionMetric the validation metric (mean over dimensions) that picks the best epoch
 */
public record BaselineTrainingConfig(BaselineArchitecture architecture, boolean usePseudoLabels, long seed,
        int epochs, int iterationsPerEpoch, int batchSize, double learningRate, double weightDecay, double beta1,
        double beta2, double adamEpsilon, boolean cosineAnnealing, double gradientClipNorm, int hop,
        int inferenceBatchSize, Metric selectionMetric) {

    /** @throws IllegalArgumentException naming the option out of range */
    public BaselineTrainingConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(selectionMetric, "selectionMetric");
        atLeastOne(epochs, "epochs");
        atLeastOne(iterationsPerEpoch, "iterationsPerEpoch");
        atLeastOne(batchSize, "batchSize");
        atLeastOne(inferenceBatchSize, "inferenceBatchSize");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        TrainingConfig.checkAdam(weightDecay, beta1, beta2, adamEpsilon);
        if (!(gradientClipNorm >= 0) || !Double.isFinite(gradientClipNorm)) {
            throw new IllegalArgumentException("gradientClipNorm must be >= 0 (0 = off), got " + gradientClipNorm);
        }
        if (hop < 1 || hop > architecture.windowLength()) {
            throw new IllegalArgumentException("hop must be in [1, " + architecture.windowLength() + "], got " + hop);
        }
    }

    /** The ConvGRU for valence/arousal ({@link ConvGruConfig#paper()}): Adam lr 3e-4, weight decay 1e-4, batch 16. */
    public static BaselineTrainingConfig convGru() {
        return preset(ConvGruConfig.paper(), 16, 3e-4, 1e-4, Metric.CCC);
    }

    /** The BiGRU for Action Units ({@link BiGruConfig#paper()}): Adam lr 3e-3, weight decay 1e-4, batch 6. */
    public static BaselineTrainingConfig biGru() {
        return preset(BiGruConfig.paper(), 6, 3e-3, 1e-4, Metric.ICC_3_1);
    }

    /**
     * Self-attention for valence/arousal ({@link SelfAttentionConfig#valenceArousal()}): Adam lr
     * 1e-3, weight decay 1e-4, batch 16.
     */
    public static BaselineTrainingConfig selfAttentionValenceArousal() {
        return preset(SelfAttentionConfig.valenceArousal(), 16, 1e-3, 1e-4, Metric.CCC);
    }

    /**
     * Self-attention for Action Units ({@link SelfAttentionConfig#actionUnits()}): Adam lr 1e-3
     * (the valence/arousal sweep's choice), weight decay 1e-4, batch 6.
     */
    public static BaselineTrainingConfig selfAttentionActionUnits() {
        return preset(SelfAttentionConfig.actionUnits(), 6, 1e-3, 1e-4, Metric.ICC_3_1);
    }

    private static BaselineTrainingConfig preset(BaselineArchitecture a, int batch, double lr, double wd, Metric m) {
        return new BaselineTrainingConfig(a, false, 0L, 25, 1000, batch, lr, wd, 0.9, 0.999, 1e-8, true, 1.0,
                halfWindow(a), 64, m);
    }

    /**
     * A copy with the AP configuration's budget: its seed, epochs, steps per epoch, batch size and
     * selection metric.
     */
    public BaselineTrainingConfig withBudgetOf(TrainingConfig ap) {
        return new BaselineTrainingConfig(architecture, usePseudoLabels, ap.seed(), ap.epochs(), ap.iterationsPerEpoch(),
                ap.batchSize(), learningRate, weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, gradientClipNorm,
                hop, inferenceBatchSize, ap.selectionMetric());
    }

    /** A copy with another architecture; the hop becomes half its window. */
    public BaselineTrainingConfig withArchitecture(BaselineArchitecture a) {
        return new BaselineTrainingConfig(a, usePseudoLabels, seed, epochs, iterationsPerEpoch, batchSize, learningRate,
                weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, gradientClipNorm, halfWindow(a),
                inferenceBatchSize, selectionMetric);
    }

    /** A copy with another seed. */
    public BaselineTrainingConfig withSeed(long newSeed) {
        return new BaselineTrainingConfig(architecture, usePseudoLabels, newSeed, epochs, iterationsPerEpoch, batchSize,
                learningRate, weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, gradientClipNorm, hop,
                inferenceBatchSize, selectionMetric);
    }

    /** A copy with another schedule length. */
    public BaselineTrainingConfig withSchedule(int newEpochs, int newIterationsPerEpoch) {
        return new BaselineTrainingConfig(architecture, usePseudoLabels, seed, newEpochs, newIterationsPerEpoch,
                batchSize, learningRate, weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, gradientClipNorm, hop,
                inferenceBatchSize, selectionMetric);
    }

    /** A copy with another batch size. */
    public BaselineTrainingConfig withBatchSize(int newBatchSize) {
        return new BaselineTrainingConfig(architecture, usePseudoLabels, seed, epochs, iterationsPerEpoch, newBatchSize,
                learningRate, weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, gradientClipNorm, hop,
                inferenceBatchSize, selectionMetric);
    }

    /** A copy with other optimiser settings. */
    public BaselineTrainingConfig withOptimizer(double newLearningRate, double newWeightDecay, double newClipNorm) {
        return new BaselineTrainingConfig(architecture, usePseudoLabels, seed, epochs, iterationsPerEpoch, batchSize,
                newLearningRate, newWeightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, newClipNorm, hop,
                inferenceBatchSize, selectionMetric);
    }

    /** A copy that does or does not append the pseudo-labels to each frame's input. */
    public BaselineTrainingConfig withPseudoLabels(boolean use) {
        return new BaselineTrainingConfig(architecture, use, seed, epochs, iterationsPerEpoch, batchSize, learningRate,
                weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, gradientClipNorm, hop, inferenceBatchSize,
                selectionMetric);
    }

    /** A copy with another test hop. */
    public BaselineTrainingConfig withHop(int newHop) {
        return new BaselineTrainingConfig(architecture, usePseudoLabels, seed, epochs, iterationsPerEpoch, batchSize,
                learningRate, weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, gradientClipNorm, newHop,
                inferenceBatchSize, selectionMetric);
    }

    /** A copy selected by another validation metric. */
    public BaselineTrainingConfig withSelectionMetric(Metric metric) {
        return new BaselineTrainingConfig(architecture, usePseudoLabels, seed, epochs, iterationsPerEpoch, batchSize,
                learningRate, weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, gradientClipNorm, hop,
                inferenceBatchSize, metric);
    }

    /** The total number of optimiser steps. */
    public long totalSteps() {
        return (long) epochs * iterationsPerEpoch;
    }

    private static int halfWindow(BaselineArchitecture a) {
        return Math.max(1, a.windowLength() / 2);
    }

    private static void atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }

    /** The type name of {@link #toConfiguration()}. */
    public static final String CONFIGURATION_TYPE = "BaselineTrainingConfig";

    /**
     * This configuration as a structured record for a model's provenance (version 1).
     *
     * @return every field; {@link #fromConfiguration} rebuilds an equal record
     */
    public Configuration toConfiguration() {
        return Configuration.builder(CONFIGURATION_TYPE, 1).put("architecture", architecture.toConfiguration())
                .put("usePseudoLabels", usePseudoLabels).put("seed", seed).put("epochs", epochs)
                .put("iterationsPerEpoch", iterationsPerEpoch).put("batchSize", batchSize)
                .put("learningRate", learningRate).put("weightDecay", weightDecay).put("beta1", beta1)
                .put("beta2", beta2).put("adamEpsilon", adamEpsilon).put("cosineAnnealing", cosineAnnealing)
                .put("gradientClipNorm", gradientClipNorm).put("hop", hop)
                .put("inferenceBatchSize", inferenceBatchSize).put("selectionMetric", selectionMetric.name()).build();
    }

    /**
     * Rebuilds a configuration from {@link #toConfiguration()}, e.g. from a baseline's provenance.
     *
     * @param c the configuration
     * @return the training configuration
     * @throws IllegalArgumentException if {@code c} is not one this SDK reads or a value is missing or invalid
     */
    public static BaselineTrainingConfig fromConfiguration(Configuration c) {
        c.require(CONFIGURATION_TYPE, 1);
        return new BaselineTrainingConfig(BaselineArchitecture.fromConfiguration(c.child("architecture")),
                c.bool("usePseudoLabels"), c.integer("seed"), c.smallInteger("epochs"),
                c.smallInteger("iterationsPerEpoch"), c.smallInteger("batchSize"), c.number("learningRate"),
                c.number("weightDecay"), c.number("beta1"), c.number("beta2"), c.number("adamEpsilon"),
                c.bool("cosineAnnealing"), c.number("gradientClipNorm"), c.smallInteger("hop"),
                c.smallInteger("inferenceBatchSize"), c.enumValue("selectionMetric", Metric.class));
    }
}
