package org.affectiveprocesses.api;

import java.util.Objects;

/**
 * What a trained temporal model is: its type, what it reads and predicts, its size, and how it
 * was made.
 *
 * @param modelType the model type, e.g. {@code "affective-process"} or {@code "bigru"}
 * @param description a one-line description of the configuration
 * @param labelSpace what it predicts
 * @param featureSize the feature size it reads
 * @param parameters its trainable parameter count
 * @param provenance how it was trained
 */
public record ModelInfo(String modelType, String description, LabelSpace labelSpace, int featureSize,
        long parameters, Provenance provenance) {
    /** Validates. */
    public ModelInfo {
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(labelSpace, "labelSpace");
        Objects.requireNonNull(provenance, "provenance");
    }
}
