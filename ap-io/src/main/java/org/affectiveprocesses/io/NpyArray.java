package org.affectiveprocesses.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One numpy array: an element type, a shape and row-major (C-order) data. Immutable: the
 * factories copy their input and every accessor returns a copy.
 *
 * <p>A shape of length 0 is a 0-d (scalar) array with one element; a dimension of 0 gives an
 * empty array. The element count must fit a Java array.
 */
public final class NpyArray {
    /** The largest element count a Java array can safely hold. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

    private final NpyType type;
    private final int[] shape;
    private final int size;
    // exactly one of these is non-null, matching the type
    private final float[] floats;
    private final double[] doubles;
    private final int[] ints;
    private final long[] longs;
    private final boolean[] booleans;

    private NpyArray(NpyType type, int[] shape, int length, float[] f, double[] d, int[] i, long[] l,
            boolean[] b) {
        this.type = type;
        this.shape = shape;
        this.size = elementCount(shape);
        if (length != size) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " elements but " + length + " values were given");
        }
        this.floats = f;
        this.doubles = d;
        this.ints = i;
        this.longs = l;
        this.booleans = b;
    }

    /**
     * A float32 array ({@code '<f4'}).
     *
     * @param shape the shape (copied); each dimension {@code >= 0}
     * @param data row-major values (copied), as many as the shape holds
     * @throws IllegalArgumentException if the shape is invalid or does not match the data
     */
    public static NpyArray ofFloats(int[] shape, float[] data) {
        return wrapFloats(checkShape(shape), Objects.requireNonNull(data, "data").clone());
    }

    /**
     * A float64 array ({@code '<f8'}).
     *
     * @param shape the shape (copied); each dimension {@code >= 0}
     * @param data row-major values (copied), as many as the shape holds
     * @throws IllegalArgumentException if the shape is invalid or does not match the data
     */
    public static NpyArray ofDoubles(int[] shape, double[] data) {
        return wrapDoubles(checkShape(shape), Objects.requireNonNull(data, "data").clone());
    }

    /**
     * An int32 array ({@code '<i4'}).
     *
     * @param shape the shape (copied); each dimension {@code >= 0}
     * @param data row-major values (copied), as many as the shape holds
     * @throws IllegalArgumentException if the shape is invalid or does not match the data
     */
    public static NpyArray ofInts(int[] shape, int[] data) {
        return wrapInts(checkShape(shape), Objects.requireNonNull(data, "data").clone());
    }

    /**
     * An int64 array ({@code '<i8'}).
     *
     * @param shape the shape (copied); each dimension {@code >= 0}
     * @param data row-major values (copied), as many as the shape holds
     * @throws IllegalArgumentException if the shape is invalid or does not match the data
     */
    public static NpyArray ofLongs(int[] shape, long[] data) {
        return wrapLongs(checkShape(shape), Objects.requireNonNull(data, "data").clone());
    }

    /**
     * A boolean array ({@code '|b1'}).
     *
     * @param shape the shape (copied); each dimension {@code >= 0}
     * @param data row-major values (copied), as many as the shape holds
     * @throws IllegalArgumentException if the shape is invalid or does not match the data
     */
    public static NpyArray ofBooleans(int[] shape, boolean[] data) {
        return wrapBooleans(checkShape(shape), Objects.requireNonNull(data, "data").clone());
    }

    // package-private factories that take ownership of already-copied arrays (no second copy)

    static NpyArray wrapFloats(int[] ownedShape, float[] owned) {
        return new NpyArray(NpyType.FLOAT32, ownedShape, owned.length, owned, null, null, null, null);
    }

    static NpyArray wrapDoubles(int[] ownedShape, double[] owned) {
        return new NpyArray(NpyType.FLOAT64, ownedShape, owned.length, null, owned, null, null, null);
    }

    static NpyArray wrapInts(int[] ownedShape, int[] owned) {
        return new NpyArray(NpyType.INT32, ownedShape, owned.length, null, null, owned, null, null);
    }

    static NpyArray wrapLongs(int[] ownedShape, long[] owned) {
        return new NpyArray(NpyType.INT64, ownedShape, owned.length, null, null, null, owned, null);
    }

    static NpyArray wrapBooleans(int[] ownedShape, boolean[] owned) {
        return new NpyArray(NpyType.BOOL, ownedShape, owned.length, null, null, null, null, owned);
    }

    /** The element type. */
    public NpyType type() {
        return type;
    }

    /** A copy of the shape ({@code []} for a 0-d array). */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions (0 for a scalar). */
    public int rank() {
        return shape.length;
    }

    /**
     * The length of one dimension.
     *
     * @throws IndexOutOfBoundsException if the array has no such dimension
     */
    public int dim(int axis) {
        return shape[Objects.checkIndex(axis, shape.length)];
    }

    /** The number of elements (the product of the shape; 1 for a 0-d array). */
    public int size() {
        return size;
    }

    /** The number of data bytes ({@link #size()} times the element size). */
    public long dataBytes() {
        return (long) size * type.itemSize();
    }

    /**
     * A copy of the values of a float32 array.
     *
     * @throws IllegalStateException if the array is of another type
     */
    public float[] toFloats() {
        return floatData(NpyType.FLOAT32).clone();
    }

    /**
     * A copy of the values of a float64 array.
     *
     * @throws IllegalStateException if the array is of another type
     */
    public double[] toDoubles() {
        requireType(NpyType.FLOAT64);
        return doubles.clone();
    }

    /**
     * A copy of the values of an int32 array.
     *
     * @throws IllegalStateException if the array is of another type
     */
    public int[] toInts() {
        requireType(NpyType.INT32);
        return ints.clone();
    }

    /**
     * A copy of the values of an int64 array.
     *
     * @throws IllegalStateException if the array is of another type
     */
    public long[] toLongs() {
        requireType(NpyType.INT64);
        return longs.clone();
    }

    /**
     * A copy of the values of a boolean array.
     *
     * @throws IllegalStateException if the array is of another type
     */
    public boolean[] toBooleans() {
        requireType(NpyType.BOOL);
        return booleans.clone();
    }

    /**
     * The SHA-256 of the array's data as stored in a {@code .npy} file (little-endian element
     * bytes, C order, header excluded), as 64 lower-case hex digits.
     */
    public String sha256() {
        MessageDigest md = Checksums.sha256();
        byte[] chunk = new byte[Npy.CHUNK_ELEMENTS * 8];
        for (int from = 0; from < size; from += Npy.CHUNK_ELEMENTS) {
            int n = Math.min(Npy.CHUNK_ELEMENTS, size - from);
            md.update(chunk, 0, encode(from, n, chunk));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Encodes elements {@code [from, from + n)} little-endian into {@code dst}.
     *
     * @return the number of bytes written
     */
    int encode(int from, int n, byte[] dst) {
        ByteBuffer buf = ByteBuffer.wrap(dst).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    buf.putInt(Float.floatToRawIntBits(floats[from + i]));
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < n; i++) {
                    buf.putLong(Double.doubleToRawLongBits(doubles[from + i]));
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    buf.putInt(ints[from + i]);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    buf.putLong(longs[from + i]);
                }
            }
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    buf.put(booleans[from + i] ? (byte) 1 : (byte) 0);
                }
            }
            default -> throw new AssertionError(type);
        }
        return buf.position();
    }

    /** The float32 values without a copy (callers must not modify them). */
    float[] floatData(NpyType expected) {
        requireType(expected);
        return floats;
    }

    private void requireType(NpyType expected) {
        if (type != expected) {
            throw new IllegalStateException("this array holds " + type + " ('" + type.descr()
                    + "'), not " + expected + " ('" + expected.descr() + "')");
        }
    }

    /**
     * Validates a shape and returns a copy.
     *
     * @throws IllegalArgumentException if a dimension is negative or the product is too large
     */
    static int[] checkShape(int[] shape) {
        int[] copy = Objects.requireNonNull(shape, "shape").clone();
        elementCount(copy);
        return copy;
    }

    /** The product of a shape, validated. */
    static int elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                        + " has a negative dimension");
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                        + " has more elements than a Java array can hold");
            }
        }
        return (int) n;
    }

    /** Arrays are equal when their types, shapes and values are (NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && type == a.type && Arrays.equals(shape, a.shape)
                && Arrays.equals(floats, a.floats) && Arrays.equals(doubles, a.doubles)
                && Arrays.equals(ints, a.ints) && Arrays.equals(longs, a.longs)
                && Arrays.equals(booleans, a.booleans);
    }

    @Override
    public int hashCode() {
        int h = type.hashCode() * 31 + Arrays.hashCode(shape);
        return switch (type) {
            case FLOAT32 -> h * 31 + Arrays.hashCode(floats);
            case FLOAT64 -> h * 31 + Arrays.hashCode(doubles);
            case INT32 -> h * 31 + Arrays.hashCode(ints);
            case INT64 -> h * 31 + Arrays.hashCode(longs);
            case BOOL -> h * 31 + Arrays.hashCode(booleans);
        };
    }

    /** E.g. {@code NpyArray['<f4', (2, 3)]}. */
    @Override
    public String toString() {
        return "NpyArray['" + type.descr() + "', " + Npy.shapeRepr(shape) + "]";
    }
}
