package org.affectiveprocesses.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * The name and shape of one parameter tensor.
 *
 * @param name the tensor name, e.g. {@code "encoder.0.weight"}
 * @param shape its shape, e.g. {@code [128, 1024]}
 */
public record TensorSpec(String name, int[] shape) {
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a dimension is below 1 or the tensor has more elements
     *     than a Java array holds
     */
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("tensor " + name + " has a bad shape " + Arrays.toString(shape));
            }
            n *= d;
            if (n > NpyArray.MAX_ELEMENTS) {
                throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape)
                        + " has more elements than a Java array holds");
            }
        }
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements (it fits a Java array). */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
