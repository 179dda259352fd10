package org.affectiveprocesses.backbone.fan;

import java.util.Objects;

/**
 * How the backbone is trained (Appendix A.2): epochs, batch size, Adam with L2 weight decay
 * (β 0.9, 0.999), the learning-rate schedule, augmentation and the seed (shuffling,
 * augmentation and initialisation draws). Immutable and validated.
 *
 * @param epochs passes over the training set
 * @param batchSize images per step
 * @param weightDecay Adam's L2 weight decay
 * @param learningRate the schedule
 * @param augmentation the training-time augmentation
 * @param seed the seed of every random draw
 */
public record FanTrainingConfig(int epochs, int batchSize, double weightDecay, LearningRate learningRate,
        Augmentation augmentation, long seed) {
    /** Validates. */
    public FanTrainingConfig {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be positive, got " + epochs + " and "
                    + batchSize);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and not negative, got " + weightDecay);
        }
        Objects.requireNonNull(learningRate, "learningRate");
        Objects.requireNonNull(augmentation, "augmentation");
    }

    /** Valence/arousal: 20 epochs, batch 32, lr 1e-4 ÷10 every 5 epochs, weight decay 1e-6, paper augmentation. */
    public static FanTrainingConfig valenceArousal() {
        return new FanTrainingConfig(20, 32, 1e-6, LearningRate.stepDecay(1e-4), Augmentation.paper(), 0);
    }

    /** Action Units: 80 epochs, batch 32, lr 3e-4 cyclic (cycle 2 epochs), weight decay 1e-5, paper augmentation. */
    public static FanTrainingConfig actionUnits() {
        return new FanTrainingConfig(80, 32, 1e-5, LearningRate.cyclic(3e-4), Augmentation.paper(), 0);
    }

    /**
     * Landmark heatmap regression of the alignment module (the paper pre-trains on 300W-LP and
     * does not give its settings): 20 epochs, batch 16, constant lr 1e-4, weight decay 1e-6, no
     * augmentation (a flip would have to swap left and right landmarks).
     */
    public static FanTrainingConfig landmarks() {
        return new FanTrainingConfig(20, 16, 1e-6, LearningRate.constant(1e-4), Augmentation.none(), 0);
    }

    /** The preset of a task: {@link #valenceArousal()} when {@code multiTask}, else {@link #actionUnits()}. */
    public static FanTrainingConfig forTask(FanConfig config) {
        return config.multiTask() ? valenceArousal() : actionUnits();
    }

    /** A copy with another number of epochs and batch size. */
    public FanTrainingConfig withSchedule(int newEpochs, int newBatchSize) {
        return new FanTrainingConfig(newEpochs, newBatchSize, weightDecay, learningRate, augmentation, seed);
    }

    /** A copy with another learning-rate schedule. */
    public FanTrainingConfig withLearningRate(LearningRate rate) {
        return new FanTrainingConfig(epochs, batchSize, weightDecay, rate, augmentation, seed);
    }

    /** A copy with another weight decay. */
    public FanTrainingConfig withWeightDecay(double decay) {
        return new FanTrainingConfig(epochs, batchSize, decay, learningRate, augmentation, seed);
    }

    /** A copy with another augmentation. */
    public FanTrainingConfig withAugmentation(Augmentation a) {
        return new FanTrainingConfig(epochs, batchSize, weightDecay, learningRate, a, seed);
    }

    /** A copy with another seed. */
    public FanTrainingConfig withSeed(long newSeed) {
        return new FanTrainingConfig(epochs, batchSize, weightDecay, learningRate, augmentation, newSeed);
    }
}
