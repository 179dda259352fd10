package org.affectiveprocesses.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Affective Process (Sanchez et al., CVPR 2021): a Neural Process that reads a window of
 * per-frame features and pseudo-labels, picks the most certain frames as context, and returns
 * temporally coherent per-frame predictions with uncertainty and, on request, function samples
 * f(·, z) drawn through the global latent z.
 *
 * <p>Train one with {@link #trainer(TrainingConfig)}, load one with {@link #load(Path)}. The
 * compute engine is chosen by {@link Engine}.
 */
public interface AffectiveProcess extends AffectModel {

    /** The architecture (variant and sizes). */
    ApArchitecture architecture();

    /** The test protocol used by {@link #predict(AffectSequence)}. */
    InferenceOptions defaultOptions();

    /**
     * How this model's per-frame σ is calibrated: the factor applied to σ (and to the spread of
     * function samples around the mean) per output dimension, and what it was fitted on.
     *
     * @return the calibration ({@link UncertaintyCalibration#none} if σ is reported as the decoder gives it)
     */
    UncertaintyCalibration calibration();

    /**
     * A copy of this model whose σ is calibrated on the given data by variance scaling (one
     * factor per output dimension minimising the Gaussian NLL of its labelled frames, predicted
     * with {@link #defaultOptions()}; see {@link UncertaintyCalibration}). Use a validation
     * split, never the data you report scores on. This model is unchanged; close both.
     *
     * @param validation labelled sequences (at least two labelled frames per dimension)
     * @return the recalibrated model, on the same engine
     * @throws IllegalArgumentException if the data do not match the model or hold too few labelled frames
     */
    AffectiveProcess recalibrate(SequenceDataset validation);

    /**
     * A copy of this model that reports σ with another calibration, e.g. {@link
     * UncertaintyCalibration#none} to see the decoder's own σ. This model is unchanged; close both.
     *
     * @param calibration one scale per output dimension
     * @return the copy, on the same engine
     * @throws IllegalArgumentException if the calibration has another number of scales than the model has dimensions
     */
    AffectiveProcess withCalibration(UncertaintyCalibration calibration);

    /**
     * Predicts every frame of a sequence.
     *
     * @throws IllegalArgumentException if the sequence does not match the model or the options
     *     ask for σ-based selection from a deterministic AP
     */
    Prediction predict(AffectSequence sequence, InferenceOptions options);

    /** Predicts several sequences with their windows batched into engine calls. */
    List<Prediction> predictAll(List<AffectSequence> sequences, InferenceOptions options);

    /**
     * Opens a live stream: frames go in as they come, and the listener hears a provisional
     * estimate of each new frame at once and the settled one (equal to {@link #predict} on the
     * whole stream) once the frames it depends on have arrived. See {@link AffectStream} for the
     * lag, the work per frame and the thread contract.
     *
     * @param options the stream id, the inference options, and whether to give provisional estimates
     * @param listener hears the estimates, on the feeding thread ({@link StreamQueue} hands them to another)
     * @return the open stream; close it to settle the last frames
     * @throws IllegalArgumentException if the options ask for σ-based selection or samples from a
     *     deterministic AP
     * @throws IllegalStateException if this model is closed
     */
    AffectStream stream(StreamOptions options, StreamListener listener);

    /**
     * Opens a live stream with the {@link #defaultOptions()} and provisional estimates.
     *
     * @param listener hears the estimates
     * @return the open stream
     */
    default AffectStream stream(StreamListener listener) {
        return stream(StreamOptions.of(defaultOptions()), listener);
    }

    @Override
    default Prediction predict(AffectSequence sequence) {
        return predict(sequence, defaultOptions());
    }

    @Override
    default List<Prediction> predictAll(List<AffectSequence> sequences) {
        return predictAll(sequences, defaultOptions());
    }

    /**
     * Loads a model file with the default engine.
     *
     * @throws ModelFormatException if the file is damaged, truncated, of another version or shape
     * @throws IOException if it cannot be read
     */
    static AffectiveProcess load(Path file) throws IOException {
        return load(file, Engine.auto());
    }

    /** Loads a model file with the given engine. */
    static AffectiveProcess load(Path file, Engine engine) throws IOException {
        return engine.provider().load(file, engine);
    }

    /** A trainer with the default engine. */
    static AffectiveProcessTrainer trainer(TrainingConfig config) {
        return trainer(config, Engine.auto());
    }

    /** A trainer with the given engine. */
    static AffectiveProcessTrainer trainer(TrainingConfig config, Engine engine) {
        return engine.provider().trainer(config, engine);
    }
}
