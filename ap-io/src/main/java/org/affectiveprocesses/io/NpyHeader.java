package org.affectiveprocesses.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * The parsed header of a {@code .npy} array: its element type and shape, without the data. See
 * {@link Npy#readHeader}.
 *
 * @param type the element type
 * @param shape the shape ({@code []} for a 0-d array); copied in and out
 */
public record NpyHeader(NpyType type, int[] shape) {
    /** Validates and copies. */
    public NpyHeader {
        Objects.requireNonNull(type, "type");
        shape = NpyArray.checkShape(shape);
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements the header announces. */
    public int size() {
        return NpyArray.elementCount(shape);
    }

    /** The number of data bytes that follow the header. */
    public long dataBytes() {
        return (long) size() * type.itemSize();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && type == h.type && Arrays.equals(shape, h.shape);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(shape);
    }

    /** E.g. {@code '<f4' (2, 3)}. */
    @Override
    public String toString() {
        return "'" + type.descr() + "' " + Npy.shapeRepr(shape);
    }
}
