package org.affectiveprocesses.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a trained artefact was made; stored in every model file.
 *
 * @param sdkVersion the SDK version that trained it
 * @param engine the compute engine that trained it (e.g. {@code "djl"})
 * @param createdUtc when training finished, ISO-8601 UTC
 * @param trainingConfig the training configuration, as text
 * @param trainingData identity of the training data
 * @param validationData identity of the validation data
 * @param validationScores the selected model's validation scores by name (e.g. {@code "CCC
 *     valence"})
 * @param bestEpoch the epoch whose weights were kept (1-based; 0 when not trained by the SDK)
 */
public record Provenance(String sdkVersion, String engine, String createdUtc, String trainingConfig,
        String trainingData, String validationData, Map<String, Double> validationScores,
        int bestEpoch) {

    /** Validates and copies. */
    public Provenance {
        Objects.requireNonNull(sdkVersion, "sdkVersion");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(createdUtc, "createdUtc");
        Objects.requireNonNull(trainingConfig, "trainingConfig");
        Objects.requireNonNull(trainingData, "trainingData");
        Objects.requireNonNull(validationData, "validationData");
        validationScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validationScores));
    }
}
