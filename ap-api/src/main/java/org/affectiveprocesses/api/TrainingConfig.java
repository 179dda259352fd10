package org.affectiveprocesses.api;

import java.util.Objects;
import org.affectiveprocesses.metrics.Metric;

/**
 * Everything that decides how an Affective Process is trained; immutable and validated. The
 * presets are the paper's protocol (Sec. 4.2):
 *
 * <ul>
 *   <li>clips of random length in [35, 70] frames from the training sequences;
 *   <li>a context of uniformly random size in [3, L] frames, whose labels are the ground truth or
 *       the pseudo-labels, each with probability 0.5 (per clip); targets: every labelled frame;
 *   <li>Adam (β 0.9, 0.999) with L2 weight decay added to the gradient (PyTorch's {@code Adam}
 *       {@code weight_decay}), cosine annealing of the learning rate to 0 over all steps;
 *   <li>after every epoch, validation with the test protocol; the best epoch's weights are kept.
 * </ul>
 *
 * <p>Valence/arousal ({@link #valenceArousal()}): batch 16, lr 2.5e-4, weight decay 1e-4, 25
 * epochs × 1000 iterations, selected by mean CCC. Action Units ({@link #actionUnits()}): batch 6,
 * lr 1e-4, weight decay 5e-4, selected by mean ICC(3,1).
 *
 * <p>Beyond the paper, and on by default: the features are standardised per dimension with the
 * mean and standard deviation of the training split's valid frames ({@link #standardizeInputs()};
 * the statistics are stored in the model and folded into its first layers, so users pass raw
 * features), and after training the per-frame σ is calibrated on the validation split
 * ({@link #calibration()}, variance scaling: Levi et al. 2019, Kuleshov et al. 2018).
 *
 * <p>A trained model's {@link Provenance#trainingConfig()} holds {@link #toConfiguration()}, from
 * which {@link #fromConfiguration} rebuilds this record exactly.
 *
 * @param seed seed of every random choice (clips, context, noise, initial weights)
 * @param epochs number of epochs
 * @param iterationsPerEpoch optimiser steps per epoch
 * @param batchSize clips per step
 * @param learningRate initial learning rate
 * @param weightDecay L2 weight decay
 * @param beta1 Adam β1
 * @param beta2 Adam β2
 * @param adamEpsilon Adam ε
 * @param cosineAnnealing whether the learning rate follows a cosine from lr to 0 over all steps
 * @param minClipLength shortest training clip
 * @param maxClipLength longest training clip
 * @param minContextPoints fewest context frames in a training clip
 * @param groundTruthContextProbability probability that a clip's context reads ground truth
 *     rather than pseudo-labels
 * @param objective the loss preset
 * @param lambdaKl weight of L_kl when the objective has it
 * @param lambdaReg weight of L_reg when the objective has it
 * @param architecture the model's shape
 * @param validation the test protocol used for validation and as the model's default
 * @param selectionMetric the metric (mean over dimensions) that picks the best epoch
 * @param standardizeInputs whether features are standardised with the training split's
 *     per-dimension statistics (off reproduces the paper's raw inputs, for ablations)
 * @param calibration how the per-frame σ is calibrated on the validation split after training
 */
public record TrainingConfig(long seed, int epochs, int iterationsPerEpoch, int batchSize,
        double learningRate, double weightDecay, double beta1, double beta2, double adamEpsilon,
        boolean cosineAnnealing, int minClipLength, int maxClipLength, int minContextPoints,
        double groundTruthContextProbability, Objective objective, double lambdaKl, double lambdaReg,
        ApArchitecture architecture, InferenceOptions validation, Metric selectionMetric,
        boolean standardizeInputs, UncertaintyCalibration.Method calibration) {
    /** The type name of {@link #toConfiguration()}. */
    public static final String CONFIGURATION_TYPE = "TrainingConfig";
    /** The version of {@link #toConfiguration()}'s field list. */
    public static final int CONFIGURATION_VERSION = 1;

    /** @throws IllegalArgumentException naming the option that is out of range */
    public TrainingConfig {
        positive(epochs, "epochs");
        positive(iterationsPerEpoch, "iterationsPerEpoch");
        positive(batchSize, "batchSize");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        checkAdam(weightDecay, beta1, beta2, adamEpsilon);
        positive(minContextPoints, "minContextPoints");
        if (minClipLength < minContextPoints || maxClipLength < minClipLength) {
            throw new IllegalArgumentException("need minContextPoints <= minClipLength <= maxClipLength, got "
                    + minContextPoints + ", " + minClipLength + ", " + maxClipLength);
        }
        if (!(groundTruthContextProbability >= 0 && groundTruthContextProbability <= 1)) {
            throw new IllegalArgumentException("groundTruthContextProbability must be in [0, 1], got "
                    + groundTruthContextProbability);
        }
        Objects.requireNonNull(objective, "objective");
        if (!(lambdaKl >= 0) || !(lambdaReg >= 0) || !Double.isFinite(lambdaKl) || !Double.isFinite(lambdaReg)) {
            throw new IllegalArgumentException("loss weights must be finite and >= 0, got " + lambdaKl + ", " + lambdaReg);
        }
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(selectionMetric, "selectionMetric");
        Objects.requireNonNull(calibration, "calibration");
        if (objective.hasKl() && !architecture.variant().isStochastic()) {
            throw new IllegalArgumentException("objective " + objective.label()
                    + " needs a latent distribution; the deterministic AP has none");
        }
        if (validation.selector().needsUncertainty() && !architecture.variant().isStochastic()) {
            throw new IllegalArgumentException("validation selector '" + validation.selector().name()
                    + "' needs per-frame σ, which the deterministic AP does not give");
        }
    }

    /** The paper's valence/arousal protocol (SEWA, Aff-Wild2). */
    public static TrainingConfig valenceArousal() {
        return new TrainingConfig(0L, 25, 1000, 16, 2.5e-4, 1e-4, 0.9, 0.999, 1e-8, true, 35, 70, 3,
                0.5, Objective.NLL_REG, 1.0, 1.0, ApArchitecture.paper(), InferenceOptions.paper(),
                Metric.CCC, true, UncertaintyCalibration.Method.VARIANCE_SCALING);
    }

    /** The paper's Action Unit protocol (DISFA, BP4D). */
    public static TrainingConfig actionUnits() {
        return valenceArousal().toBuilder().batchSize(6).learningRate(1e-4).weightDecay(5e-4)
                .selectionMetric(Metric.ICC_3_1).build();
    }

    /** A copy with another seed. */
    public TrainingConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    /** A copy with another schedule length. */
    public TrainingConfig withSchedule(int newEpochs, int newIterationsPerEpoch) {
        return toBuilder().epochs(newEpochs).iterationsPerEpoch(newIterationsPerEpoch).build();
    }

    /** A copy with another objective. */
    public TrainingConfig withObjective(Objective newObjective) {
        return toBuilder().objective(newObjective).build();
    }

    /**
     * A copy with another architecture; a deterministic variant switches σ-based validation to
     * random selection.
     */
    public TrainingConfig withArchitecture(ApArchitecture newArchitecture) {
        Builder b = toBuilder().architecture(newArchitecture);
        if (!newArchitecture.variant().isStochastic() && validation.selector().needsUncertainty()) {
            b.validation(validation.withSelector(ContextSelectors.random(seed)));
        }
        return b.build();
    }

    /** A copy with another validation protocol. */
    public TrainingConfig withValidation(InferenceOptions newValidation) {
        return toBuilder().validation(newValidation).build();
    }

    /** A copy with another batch size. */
    public TrainingConfig withBatchSize(int newBatchSize) {
        return toBuilder().batchSize(newBatchSize).build();
    }

    /** A copy with another learning rate. */
    public TrainingConfig withLearningRate(double lr) {
        return toBuilder().learningRate(lr).build();
    }

    /**
     * A copy that standardises the features, or reads them raw as the paper does.
     *
     * @param standardize true (the default) to standardise with the training split's statistics
     * @return the copy
     */
    public TrainingConfig withInputStandardization(boolean standardize) {
        return toBuilder().standardizeInputs(standardize).build();
    }

    /**
     * A copy with another post-hoc calibration of σ.
     *
     * @param method {@link UncertaintyCalibration.Method#VARIANCE_SCALING} (the default) or
     *     {@link UncertaintyCalibration.Method#NONE}
     * @return the copy
     */
    public TrainingConfig withCalibration(UncertaintyCalibration.Method method) {
        return toBuilder().calibration(method).build();
    }

    /**
     * This configuration as a structured record for a model's provenance (type {@value
     * #CONFIGURATION_TYPE}, version {@value #CONFIGURATION_VERSION}).
     *
     * @return every field; {@link #fromConfiguration} rebuilds an equal record from it
     */
    public Configuration toConfiguration() {
        return Configuration.builder(CONFIGURATION_TYPE, CONFIGURATION_VERSION)
                .put("seed", seed).put("epochs", epochs).put("iterationsPerEpoch", iterationsPerEpoch)
                .put("batchSize", batchSize).put("learningRate", learningRate).put("weightDecay", weightDecay)
                .put("beta1", beta1).put("beta2", beta2).put("adamEpsilon", adamEpsilon)
                .put("cosineAnnealing", cosineAnnealing).put("minClipLength", minClipLength)
                .put("maxClipLength", maxClipLength).put("minContextPoints", minContextPoints)
                .put("groundTruthContextProbability", groundTruthContextProbability)
                .put("objective", objective.name()).put("lambdaKl", lambdaKl).put("lambdaReg", lambdaReg)
                .put("architecture", architecture.toConfiguration()).put("validation", validation.toConfiguration())
                .put("selectionMetric", selectionMetric.name()).put("standardizeInputs", standardizeInputs)
                .put("calibration", calibration.name()).build();
    }

    /**
     * Rebuilds a training configuration from {@link #toConfiguration()}, e.g. from a model's
     * {@code info().provenance().trainingConfig()}.
     *
     * @param c the configuration
     * @return the training configuration
     * @throws IllegalArgumentException if {@code c} is not a training configuration this SDK
     *     reads, a value is missing or of the wrong kind, or the values are invalid
     */
    public static TrainingConfig fromConfiguration(Configuration c) {
        c.require(CONFIGURATION_TYPE, CONFIGURATION_VERSION);
        return new TrainingConfig(c.integer("seed"), c.smallInteger("epochs"), c.smallInteger("iterationsPerEpoch"),
                c.smallInteger("batchSize"), c.number("learningRate"), c.number("weightDecay"), c.number("beta1"),
                c.number("beta2"), c.number("adamEpsilon"), c.bool("cosineAnnealing"),
                c.smallInteger("minClipLength"), c.smallInteger("maxClipLength"), c.smallInteger("minContextPoints"),
                c.number("groundTruthContextProbability"), c.enumValue("objective", Objective.class),
                c.number("lambdaKl"), c.number("lambdaReg"),
                ApArchitecture.fromConfiguration(c.child("architecture")),
                InferenceOptions.fromConfiguration(c.child("validation")),
                c.enumValue("selectionMetric", Metric.class), c.bool("standardizeInputs"),
                c.enumValue("calibration", UncertaintyCalibration.Method.class));
    }


    /** A builder holding this configuration's values, for changing several at once. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The total number of optimiser steps. */
    public long totalSteps() {
        return (long) epochs * iterationsPerEpoch;
    }

    /**
     * Checks Adam's settings, as every trainer of the SDK (the AP's, the baselines') takes them.
     *
     * @param weightDecay L2 weight decay: finite, at least 0
     * @param beta1 β1, in [0, 1)
     * @param beta2 β2, in [0, 1)
     * @param adamEpsilon ε: finite, positive
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public static void checkAdam(double weightDecay, double beta1, double beta2, double adamEpsilon) {
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(adamEpsilon > 0) || !Double.isFinite(adamEpsilon)) {
            throw new IllegalArgumentException("adamEpsilon must be positive and finite, got " + adamEpsilon);
        }
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }

    /** Changes several values of a {@link TrainingConfig} at once; {@link #build()} validates. */
    public static final class Builder {
        private long seed;
        private int epochs;
        private int iterationsPerEpoch;
        private int batchSize;
        private double learningRate;
        private double weightDecay;
        private double beta1;
        private double beta2;
        private double adamEpsilon;
        private boolean cosineAnnealing;
        private int minClipLength;
        private int maxClipLength;
        private int minContextPoints;
        private double groundTruthContextProbability;
        private Objective objective;
        private double lambdaKl;
        private double lambdaReg;
        private ApArchitecture architecture;
        private InferenceOptions validation;
        private Metric selectionMetric;
        private boolean standardizeInputs;
        private UncertaintyCalibration.Method calibration;

        private Builder(TrainingConfig c) {
            seed = c.seed;
            epochs = c.epochs;
            iterationsPerEpoch = c.iterationsPerEpoch;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            weightDecay = c.weightDecay;
            beta1 = c.beta1;
            beta2 = c.beta2;
            adamEpsilon = c.adamEpsilon;
            cosineAnnealing = c.cosineAnnealing;
            minClipLength = c.minClipLength;
            maxClipLength = c.maxClipLength;
            minContextPoints = c.minContextPoints;
            groundTruthContextProbability = c.groundTruthContextProbability;
            objective = c.objective;
            lambdaKl = c.lambdaKl;
            lambdaReg = c.lambdaReg;
            architecture = c.architecture;
            validation = c.validation;
            selectionMetric = c.selectionMetric;
            standardizeInputs = c.standardizeInputs;
            calibration = c.calibration;
        }

        /** Sets the seed. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Sets the number of epochs. */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /** Sets the steps per epoch. */
        public Builder iterationsPerEpoch(int v) {
            iterationsPerEpoch = v;
            return this;
        }

        /** Sets the clips per step. */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** Sets the initial learning rate. */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** Sets the L2 weight decay. */
        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** Sets Adam's betas. */
        public Builder betas(double b1, double b2) {
            beta1 = b1;
            beta2 = b2;
            return this;
        }

        /** Sets Adam's ε. */
        public Builder adamEpsilon(double v) {
            adamEpsilon = v;
            return this;
        }

        /** Turns cosine annealing on or off (off = constant learning rate). */
        public Builder cosineAnnealing(boolean v) {
            cosineAnnealing = v;
            return this;
        }

        /** Sets the clip length range. */
        public Builder clipLength(int min, int max) {
            minClipLength = min;
            maxClipLength = max;
            return this;
        }

        /** Sets the fewest context frames of a training clip. */
        public Builder minContextPoints(int v) {
            minContextPoints = v;
            return this;
        }

        /** Sets the probability that a clip's context reads ground truth. */
        public Builder groundTruthContextProbability(double v) {
            groundTruthContextProbability = v;
            return this;
        }

        /** Sets the objective. */
        public Builder objective(Objective v) {
            objective = v;
            return this;
        }

        /** Sets the loss weights. */
        public Builder lambdas(double kl, double reg) {
            lambdaKl = kl;
            lambdaReg = reg;
            return this;
        }

        /** Sets the architecture. */
        public Builder architecture(ApArchitecture v) {
            architecture = v;
            return this;
        }

        /** Sets the validation protocol. */
        public Builder validation(InferenceOptions v) {
            validation = v;
            return this;
        }

        /** Sets the model-selection metric. */
        public Builder selectionMetric(Metric v) {
            selectionMetric = v;
            return this;
        }

        /** Turns input standardisation on (the default) or off. */
        public Builder standardizeInputs(boolean v) {
            standardizeInputs = v;
            return this;
        }

        /** Sets the post-hoc calibration of σ. */
        public Builder calibration(UncertaintyCalibration.Method v) {
            calibration = v;
            return this;
        }

        /** Validates and builds. */
        public TrainingConfig build() {
            return new TrainingConfig(seed, epochs, iterationsPerEpoch, batchSize, learningRate,
                    weightDecay, beta1, beta2, adamEpsilon, cosineAnnealing, minClipLength,
                    maxClipLength, minContextPoints, groundTruthContextProbability, objective, lambdaKl,
                    lambdaReg, architecture, validation, selectionMetric, standardizeInputs, calibration);
        }
    }
}
