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
    /** Validates and copies. */
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("tensor " + name + " has a bad shape " + Arrays.toString(shape));
            }
        }
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
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
