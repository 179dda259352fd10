package org.affectiveprocesses.core.training;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.AffectiveProcessTrainer;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.EpochReport;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.core.SdkVersion;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the paper's training protocol on any engine: the input standardisation from the training
 * split's valid frames (unless {@link TrainingConfig#standardizeInputs()} is off), initial
 * weights from the seed, then the {@link EpochLoop}: {@code epochs × iterationsPerEpoch} steps
 * of clips from the {@link ClipSampler} with the {@link LearningRateSchedule}, validation with
 * the test protocol after every epoch, and the best epoch's weights kept (by the mean over
 * dimensions of the selection metric); finally σ is calibrated on the validation split as
 * {@link TrainingConfig#calibration()} says. With the same seed and engine on CPU the result is
 * the same bit for bit.
 */
public final class ProtocolTrainer implements AffectiveProcessTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolTrainer.class);

    private final ApBackend backend;
    private final TrainingConfig config;
    private final Engine engine;
    private TrainingListener listener = new TrainingListener() {
        @Override
        public void onEpoch(EpochReport report) {
            LOG.info(report.toLine());
        }
    };

    /**
     * @param backend the engine's tensor math
     * @param config the protocol
     * @param engine the engine choice (device)
     */
    public ProtocolTrainer(ApBackend backend, TrainingConfig config, Engine engine) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.config = Objects.requireNonNull(config, "config");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public AffectiveProcessTrainer listener(TrainingListener newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
        return this;
    }

    @Override
    public AffectiveProcess fit(SequenceDataset train, SequenceDataset validation) {
        if (!train.labelSpace().equals(validation.labelSpace())) {
            throw new IllegalArgumentException("training data '" + train.name() + "' predicts "
                    + train.labelSpace().name() + " but validation data '" + validation.name() + "' "
                    + validation.labelSpace().name());
        }
        if (train.featureSize() != validation.featureSize()) {
            throw new IllegalArgumentException("training data '" + train.name() + "' has "
                    + train.featureSize() + "-d features but validation data '" + validation.name()
                    + "' has " + validation.featureSize());
        }
        ApModelSpec spec = new ApModelSpec(config.architecture(), train.featureSize(), train.labelSpace());
        InputStandardization standardization = config.standardizeInputs() ? InputStandardization.fit(train)
                : InputStandardization.identity(spec.featureSize());
        ApWeights initial = WeightInitializer.initialize(spec, config.seed());
        ClipSampler sampler = new ClipSampler(train, config, spec.architecture().latentSize(), config.seed() + 1,
                standardization);
        EpochLoop loop = new EpochLoop(config.epochs(), config.iterationsPerEpoch(), config.learningRate(),
                config.cosineAnnealing(), config.selectionMetric(),
                "lower the learning rate or check the data for outliers");
        EpochLoop.Best<ApWeights> best;
        try (TrainingKernel kernel = backend.openTraining(initial, config, engine)) {
            best = loop.run(lr -> kernel.step(sampler.next(), lr), kernel::weights,
                    w -> validate(w, standardization, validation), listener);
        }
        Provenance provenance = new Provenance(SdkVersion.get(), backend.name(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), config.toConfiguration(), train.identity(),
                validation.identity(), best.scores(), best.epoch());
        WindowedAffectiveProcess trained = WindowedAffectiveProcess.open(backend, engine, new ModelFile.Contents(spec,
                best.weights(), standardization, UncertaintyCalibration.none(spec.labelSize()), config.validation(),
                provenance));
        if (config.calibration() == UncertaintyCalibration.Method.NONE) {
            return trained;
        }
        try (trained) {
            AffectiveProcess calibrated = trained.recalibrate(validation);
            listener.onCalibration(calibrated.calibration());
            return calibrated;
        }
    }

    private EvaluationReport validate(ApWeights weights, InputStandardization standardization,
            SequenceDataset validation) {
        Provenance none = Provenance.untrained(SdkVersion.get(), backend.name(), "epoch under validation");
        try (WindowedAffectiveProcess ap = WindowedAffectiveProcess.open(backend, engine, new ModelFile.Contents(
                weights.spec(), weights, standardization, UncertaintyCalibration.none(weights.spec().labelSize()),
                config.validation(), none))) {
            return Evaluation.of(ap, validation, config.validation());
        }
    }
}
