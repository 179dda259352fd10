package org.affectiveprocesses.backbone.adapters;

import java.util.Arrays;

/**
 * One output of an external model for a batch: its shape and row-major float values.
 *
 * @param shape the output's shape (first dimension: the batch)
 * @param values the values (not copied: owned by the adapter)
 */
record ModelOutput(long[] shape, float[] values) {
    /**
     * Values per image: the product of every dimension after the first.
     *
     * @param images the batch size the output must have
     * @param model the model's name, for messages
     * @param output the output's name, for messages
     * @throws IllegalStateException if the output does not hold one row per image
     */
    int rowSize(int images, String model, String output) {
        if (shape.length < 1 || shape[0] != images || values.length % images != 0) {
            throw new IllegalStateException("model '" + model + "': output '" + output + "' has shape "
                    + Arrays.toString(shape) + " for a batch of " + images + " images; it must have one row per image");
        }
        return values.length / images;
    }

    /** Row {@code i} of {@code size} values. */
    float[] row(int i, int size) {
        return Arrays.copyOfRange(values, i * size, (i + 1) * size);
    }
}
