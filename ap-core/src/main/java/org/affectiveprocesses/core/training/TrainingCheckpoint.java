package org.affectiveprocesses.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.Configuration;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.AdamState;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InputStandardization;

/**
 * Everything a {@link ProtocolTrainer} needs to continue a training where it stood, bit for bit:
 * the current weights and Adam's state, the {@link EpochLoop.State} (position in the schedule,
 * the current epoch's loss so far, the reports of validated epochs and the best epoch's weights),
 * the input standardisation, and what the training was: its configuration, engine, model and
 * data. The clip sampler's position is the number of steps taken: {@link ClipSampler#skip}
 * replays its draws from the seed. Stored by {@link org.affectiveprocesses.core.io.CheckpointFile}.
 *
 * @param sdkVersion the SDK that wrote it (recorded, not checked)
 * @param engine the engine's name; a training continues only on the same engine
 * @param config the training configuration
 * @param spec the model's shape (the configuration's architecture on the data's feature size and
 *     label space)
 * @param trainingData the training split
 * @param validationData the validation split
 * @param standardization the input standardisation fitted on the training split
 * @param loop where the epoch loop stands
 * @param weights the current weights
 * @param adam Adam's state; its step count is the loop's
 */
public record TrainingCheckpoint(String sdkVersion, String engine, TrainingConfig config, ApModelSpec spec,
        DatasetIdentity trainingData, DatasetIdentity validationData, InputStandardization standardization,
        EpochLoop.State<ApWeights> loop, ApWeights weights, AdamState adam) {

    /**
     * Validates that the parts fit together.
     *
     * @throws IllegalArgumentException naming the part that does not fit
     */
    public TrainingCheckpoint {
        Objects.requireNonNull(sdkVersion, "sdkVersion");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(trainingData, "trainingData");
        Objects.requireNonNull(validationData, "validationData");
        if (!spec.architecture().equals(config.architecture())) {
            throw new IllegalArgumentException("the model " + spec + " is not the configuration's architecture "
                    + config.architecture());
        }
        if (!weights.spec().equals(spec)) {
            throw new IllegalArgumentException("the weights belong to another model than " + spec);
        }
        adam.checkFits(weights);
        if (loop.best() != null && !loop.best().weights().spec().equals(spec)) {
            throw new IllegalArgumentException("the best epoch's weights belong to another model than " + spec);
        }
        if (standardization.featureSize() != spec.featureSize()) {
            throw new IllegalArgumentException("the input standardisation has " + standardization.featureSize()
                    + " features, the model reads " + spec.featureSize());
        }
        if (loop.completedSteps() > config.totalSteps()) {
            throw new IllegalArgumentException("the training is at step " + loop.completedSteps() + " of "
                    + config.totalSteps());
        }
        long validated = loop.completedSteps() / config.iterationsPerEpoch();
        if (loop.epochs().size() != validated) {
            throw new IllegalArgumentException("the training at step " + loop.completedSteps() + " has "
                    + loop.epochs().size() + " epoch reports; " + validated + " epochs were validated by then");
        }
        if (adam.steps() != loop.completedSteps()) {
            throw new IllegalArgumentException("Adam took " + adam.steps() + " steps but the training "
                    + loop.completedSteps());
        }
    }

    /**
     * Checks that a training of this configuration, engine, model and data continues this one.
     *
     * @param file the checkpoint's file, for messages
     * @param otherConfig the configuration of the training to continue with
     * @param otherEngine its engine's name
     * @param otherSpec its model
     * @param train its training split
     * @param validation its validation split
     * @throws IllegalArgumentException naming the file and what differs
     */
    public void checkResumableBy(Path file, TrainingConfig otherConfig, String otherEngine, ApModelSpec otherSpec,
            DatasetIdentity train, DatasetIdentity validation) {
        String fix = "; resume with what the checkpoint was written with, or start a new training";
        List<String> changed = new ArrayList<>();
        differences(config.toConfiguration(), otherConfig.toConfiguration(), "", changed);
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException(file + " is a checkpoint of another training configuration ("
                    + String.join("; ", changed) + ")" + fix);
        }
        if (!engine.equals(otherEngine)) {
            throw new IllegalArgumentException(file + " is a checkpoint of a training on engine '" + engine
                    + "', not '" + otherEngine + "' (engines differ in the last bits, so the result would be "
                    + "neither engine's)" + fix);
        }
        if (!spec.equals(otherSpec)) {
            throw new IllegalArgumentException(file + " is a checkpoint of the model " + spec + ", the data make "
                    + otherSpec + fix);
        }
        checkData(file, "training", trainingData, train, fix);
        checkData(file, "validation", validationData, validation, fix);
    }

    private static void checkData(Path file, String role, DatasetIdentity recorded, DatasetIdentity given,
            String fix) {
        if (!recorded.sha256().equals(given.sha256())) {
            throw new IllegalArgumentException(file + " is a checkpoint of a training on other " + role + " data: "
                    + recorded.description() + " with content SHA-256 " + recorded.sha256() + ", given "
                    + given.description() + " with " + given.sha256() + fix);
        }
    }

    /** Lists the values that differ, as {@code "path: <checkpoint's> in the checkpoint, <other> now"}. */
    private static void differences(Configuration recorded, Configuration given, String prefix, List<String> out) {
        if (!recorded.type().equals(given.type()) || recorded.version() != given.version()) {
            out.add(prefix + "(type): " + recorded.type() + " version " + recorded.version() + " in the checkpoint, "
                    + given.type() + " version " + given.version() + " now");
            return;
        }
        for (Map.Entry<String, Object> e : recorded.values().entrySet()) {
            String key = prefix + e.getKey();
            Object other = given.values().get(e.getKey());
            if (e.getValue() instanceof Configuration a && other instanceof Configuration b) {
                differences(a, b, key + ".", out);
            } else if (!e.getValue().equals(other)) {
                out.add(key + ": " + e.getValue() + " in the checkpoint, " + other + " now");
            }
        }
        for (String key : given.values().keySet()) {
            if (!recorded.values().containsKey(key)) {
                out.add(prefix + key + ": none in the checkpoint, " + given.values().get(key) + " now");
            }
        }
    }
}
