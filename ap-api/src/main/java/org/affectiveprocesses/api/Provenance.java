package org.affectiveprocesses.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a trained artefact was made; stored in every model file. The training configuration is
 * kept as a structured {@link Configuration}, so it can be rebuilt (for an Affective Process:
 * {@link TrainingConfig#fromConfiguration}{@code (provenance.trainingConfig())}).
 *
 * @param sdkVersion the SDK version that trained it
 * @param engine the compute engine that trained it (e.g. {@code "djl"})
 * @param createdUtc when training finished, ISO-8601 UTC
 * @param trainingConfig the training configuration (for models read from files of older formats,
 *     a {@link Configuration#textOnly} record)
 * @param trainingData identity of the training data
 * @param validationData identity of the validation data
 * @param validationScores the selected model's validation scores by name (e.g. {@code "CCC
 *     valence"})
 * @param bestEpoch the epoch whose weights were kept (1-based; 0 when not trained by the SDK)
 */
public record Provenance(String sdkVersion, String engine, String createdUtc, Configuration trainingConfig,
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

    /**
     * The provenance of weights that were not trained by the SDK (initialised for a test, a
     * benchmark or an example).
     *
     * @param sdkVersion the SDK version
     * @param engine the engine
     * @param note what the weights are, e.g. {@code "untrained"}
     * @return a provenance with no data, no scores and epoch 0
     */
    public static Provenance untrained(String sdkVersion, String engine, String note) {
        return new Provenance(sdkVersion, engine, "", Configuration.textOnly(note), "", "", Map.of(), 0);
    }
}
