package org.affectiveprocesses.core.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.affectiveprocesses.core.io.CheckpointFile;
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
 * the same bit for bit, also when the training was killed and continued from a checkpoint
 * ({@link #checkpoints}, {@link #resumeFrom}: a {@link TrainingCheckpoint} in a {@link
 * CheckpointFile}).
 */
public final class ProtocolTrainer implements AffectiveProcessTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolTrainer.class);

    private final ApBackend backend;
    private final TrainingConfig config;
    private final Engine engine;
    private Path checkpointFile;
    private int checkpointEvery;
    private TrainingCheckpoint resume;
    private Path resumeFile;
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
    public AffectiveProcessTrainer checkpoints(Path file, int everySteps) {
        Objects.requireNonNull(file, "file");
        if (everySteps < 1) {
            throw new IllegalArgumentException("checkpoints every " + everySteps + " steps; need at least 1");
        }
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("the checkpoint file " + file + " is a directory");
        }
        if (!Files.isDirectory(absolute.getParent())) {
            throw new IllegalArgumentException("the directory of the checkpoint file " + file + " does not exist");
        }
        this.checkpointFile = file;
        this.checkpointEvery = everySteps;
        return this;
    }

    @Override
    public AffectiveProcessTrainer resumeFrom(Path checkpoint) throws IOException {
        this.resume = CheckpointFile.read(checkpoint);
        this.resumeFile = checkpoint;
        return this;
    }

    /**
     * {@inheritDoc}
     *
     * <p>With checkpoints or a checkpoint to resume from, both splits are read once more to digest
     * their content ({@link DatasetIdentity}). A checkpoint given to {@link #resumeFrom} is used
     * by this fit only.
     */
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
        FinishTime.now(); // a malformed SOURCE_DATE_EPOCH is refused before any work
        TrainingCheckpoint from = resume;
        resume = null;
        ApModelSpec spec = new ApModelSpec(config.architecture(), train.featureSize(), train.labelSpace());
        boolean identify = from != null || checkpointFile != null;
        DatasetIdentity trainId = identify ? DatasetIdentity.of(train) : null;
        DatasetIdentity validationId = identify ? DatasetIdentity.of(validation) : null;
        if (from != null) {
            from.checkResumableBy(resumeFile, config, backend.name(), spec, trainId, validationId);
        }
        InputStandardization standardization = from != null ? from.standardization()
                : config.standardizeInputs() ? InputStandardization.fit(train)
                : InputStandardization.identity(spec.featureSize());
        EpochLoop.State<ApWeights> start = from != null ? from.loop() : EpochLoop.State.start();
        ClipSampler sampler = new ClipSampler(train, config, spec.architecture().latentSize(), config.seed() + 1,
                standardization);
        sampler.skip(start.completedSteps());
        EpochLoop loop = new EpochLoop(config.epochs(), config.iterationsPerEpoch(), config.learningRate(),
                config.cosineAnnealing(), config.selectionMetric(),
                "lower the learning rate or check the data for outliers");
        EpochLoop.Best<ApWeights> best;
        try (TrainingKernel kernel = from != null
                ? backend.openTraining(from.weights(), from.adam(), config, engine)
                : backend.openTraining(WeightInitializer.initialize(spec, config.seed()), config, engine)) {
            EpochLoop.Checkpoints<ApWeights> checkpoints = checkpointFile == null ? EpochLoop.Checkpoints.never()
                    : new EpochLoop.Checkpoints<>(checkpointEvery, state -> write(new TrainingCheckpoint(
                            SdkVersion.get(), backend.name(), config, spec, trainId, validationId, standardization,
                            state, kernel.weights(), kernel.adamState())));
            best = loop.run(lr -> kernel.step(sampler.next(), lr), kernel::weights,
                    w -> validate(w, standardization, validation), listener, start, checkpoints);
        }
        Provenance provenance = new Provenance(SdkVersion.get(), backend.name(),
                FinishTime.now(), config.toConfiguration(), train.identity(),
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

    private void write(TrainingCheckpoint checkpoint) {
        try {
            CheckpointFile.write(checkpointFile, checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + checkpointFile + ": " + e.getMessage(),
                    e);
        }
        listener.onCheckpoint(checkpoint.loop().completedSteps(), config.totalSteps(), checkpointFile);
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
