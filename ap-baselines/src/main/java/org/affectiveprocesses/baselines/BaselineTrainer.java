package org.affectiveprocesses.baselines;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.baselines.nn.ParameterInit;
import org.affectiveprocesses.baselines.nn.ParameterNames;
import org.affectiveprocesses.baselines.nn.TemporalNetwork;
import org.affectiveprocesses.core.SdkVersion;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.training.EpochLoop;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.io.TensorSpec;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.affectiveprocesses.djl.Adam;
import org.affectiveprocesses.djl.Gradients;
import org.affectiveprocesses.djl.IntraOpThreads;

/**
 * Trains a baseline with its {@link BaselineTrainingConfig}: seeded initial weights ({@link
 * ParameterInit}), {@code epochs × iterationsPerEpoch} Adam steps on clips of L frames ({@link
 * WindowSampler}) minimising the masked mean squared error, validation with the test protocol
 * after every epoch, and the best epoch's weights kept, by the Affective Process's {@link
 * EpochLoop}. The returned model reports, as each frame's σ, its root-mean-square validation
 * error per dimension. With the same seed, on CPU, two runs give the same weights.
 */
public final class BaselineTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineTrainer.class);

    private final BaselineTrainingConfig config;
    private final Engine engine;
    private TrainingListener listener = new TrainingListener() {
        @Override
        public void onEpoch(EpochReport report) {
            LOG.info(report.toLine());
        }
    };

    BaselineTrainer(BaselineTrainingConfig config, Engine engine) {
        this.config = Objects.requireNonNull(config, "config");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Where progress goes; by default one log line per epoch. Returns this trainer. */
    public BaselineTrainer listener(TrainingListener newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
        return this;
    }

    /**
     * Trains and returns the model of the best validation epoch.
     *
     * @param train training sequences with ground truth
     * @param validation held-out sequences with ground truth, for model selection
     * @return the model; close it
     * @throws IllegalArgumentException if the datasets disagree on label space or feature size, or
     *     hold no labelled clip of L valid frames
     * @throws IllegalStateException if the loss stops being finite
     */
    public BaselineModel fit(SequenceDataset train, SequenceDataset validation) {
        if (!train.labelSpace().equals(validation.labelSpace())) {
            throw new IllegalArgumentException("training data '" + train.name() + "' predicts " + train.labelSpace().name()
                    + " but validation data '" + validation.name() + "' " + validation.labelSpace().name());
        }
        if (train.featureSize() != validation.featureSize()) {
            throw new IllegalArgumentException("training data '" + train.name() + "' has " + train.featureSize()
                    + "-d features but validation data '" + validation.name() + "' has " + validation.featureSize() + "-d");
        }
        BaselineSpec spec = new BaselineSpec(config.architecture(), train.featureSize(), train.labelSpace(),
                config.usePseudoLabels());
        InputStandardization norm = InputStandardization.fit(train, config.usePseudoLabels());
        WindowSampler sampler = new WindowSampler(train, config.architecture().windowLength(), config.batchSize(),
                config.usePseudoLabels(), norm, config.seed() + 1);
        EpochLoop loop = new EpochLoop(config.epochs(), config.iterationsPerEpoch(), config.learningRate(),
                config.cosineAnnealing(), config.selectionMetric(), "lower the learning rate");
        Device device = Devices.of(engine);
        EpochLoop.Best<BaselineWeights> best;
        IntraOpThreads.pin();
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            TemporalNetwork network = NetworkFactory.build(spec);
            network.initialize(manager);
            ParameterInit.initialize(network, config.seed());
            List<TensorSpec> tensors = NetworkFactory.tensors(network);
            Map<String, Parameter> params = ParameterNames.of(network);
            List<NDArray> arrays = new ArrayList<>();
            params.values().forEach(p -> arrays.add(p.getArray()));
            Adam adam = new Adam(arrays, manager, new Adam.Settings(config.beta1(), config.beta2(),
                    config.adamEpsilon(), config.weightDecay(), config.gradientClipNorm()));
            ParameterStore store = new ParameterStore(manager, false);
            best = loop.run(lr -> step(network, store, adam, manager, sampler.next(), lr),
                    () -> weights(tensors, params), w -> validate(spec, w, norm, validation), listener);
        }
        Provenance provenance = new Provenance(SdkVersion.get(), "djl",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), config.toConfiguration(), train.identity(),
                validation.identity(), best.scores(), best.epoch());
        return BaselineModel.open(new BaselineModelFile.Contents(spec, best.weights(), norm,
                outputStd(spec, best.scores()), config.hop(), config.inferenceBatchSize(), provenance), engine);
    }

    /** A copy of the network's current weights. */
    private static BaselineWeights weights(List<TensorSpec> tensors, Map<String, Parameter> params) {
        Map<String, float[]> values = new LinkedHashMap<>();
        params.forEach((name, p) -> values.put(name, p.getArray().toFloatArray()));
        return BaselineWeights.of(tensors, values);
    }

    /** One optimiser step on a batch; returns the batch's masked mean squared error. */
    private double step(TemporalNetwork network, ParameterStore store, Adam adam, NDManager manager,
            WindowSampler.Batch batch, double lr) {
        int b = batch.clips();
        int l = batch.length();
        int dy = network.labelSize();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.create(batch.inputs(), new Shape(b, l, network.inputSize()));
            NDArray y = scratch.create(batch.targets(), new Shape(b, l, dy));
            NDArray mask = scratch.create(batch.mask(), new Shape(b, l, dy));
            float loss = Gradients.backward(
                    () -> network.predict(store, x, true).sub(y).square().mul(mask).sum().div(mask.sum()));
            if (Float.isFinite(loss)) {
                adam.step(scratch, lr);
            }
            return loss;
        }
    }

    /** Scores weights on the validation split with the test protocol (σ is not scored). */
    private EvaluationReport validate(BaselineSpec spec, BaselineWeights weights, InputStandardization norm,
            SequenceDataset validation) {
        float[] unit = new float[spec.labelSize()];
        Arrays.fill(unit, 1f);
        Provenance none = Provenance.untrained(SdkVersion.get(), "djl", "epoch under validation");
        try (BaselineModel model = BaselineModel.open(new BaselineModelFile.Contents(spec, weights, norm, unit,
                config.hop(), config.inferenceBatchSize(), none), engine)) {
            return Evaluation.of(model, validation);
        }
    }

    /**
     * Each dimension's σ: the root of the selected epoch's validation MSE; 1 where the validation
     * split has no label for the dimension.
     */
    private static float[] outputStd(BaselineSpec spec, Map<String, Double> scores) {
        float[] std = new float[spec.labelSize()];
        for (int d = 0; d < std.length; d++) {
            Double mse = scores.get(Metric.MSE.displayName() + " " + spec.labelSpace().dimension(d));
            std[d] = mse == null || !Double.isFinite(mse) ? 1f : (float) Math.max(Math.sqrt(mse), 1e-6);
        }
        return std;
    }
}
