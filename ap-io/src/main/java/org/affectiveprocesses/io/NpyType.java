package org.affectiveprocesses.io;

/**
 * The numpy element types (dtypes) that this SDK reads and writes. This is an allow-list: a
 * {@code .npy} header whose {@code descr} is not exactly one of these strings is rejected, so a
 * reader never has to interpret anything else (in particular no Python objects, {@code 'O'}).
 *
 * <p>All multi-byte types are little-endian, as numpy writes them on every common platform.
 */
public enum NpyType {
    /** 32-bit IEEE float, numpy {@code '<f4'} ({@code np.float32}). */
    FLOAT32("<f4", 4),
    /** 64-bit IEEE float, numpy {@code '<f8'} ({@code np.float64}). */
    FLOAT64("<f8", 8),
    /** 32-bit signed integer, numpy {@code '<i4'} ({@code np.int32}). */
    INT32("<i4", 4),
    /** 64-bit signed integer, numpy {@code '<i8'} ({@code np.int64}). */
    INT64("<i8", 8),
    /** Boolean stored as one byte 0 or 1, numpy {@code '|b1'} ({@code np.bool_}). */
    BOOL("|b1", 1);

    private final String descr;
    private final int itemSize;

    NpyType(String descr, int itemSize) {
        this.descr = descr;
        this.itemSize = itemSize;
    }

    /** The numpy type string of the header's {@code descr} field, e.g. {@code "<f4"}. */
    public String descr() {
        return descr;
    }

    /** The number of bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /**
     * The type with the given numpy {@code descr}, compared exactly.
     *
     * @param descr the type string, e.g. {@code "<f4"}
     * @return the type, or {@code null} if it is not on the allow-list
     */
    public static NpyType fromDescr(String descr) {
        for (NpyType t : values()) {
            if (t.descr.equals(descr)) {
                return t;
            }
        }
        return null;
    }

    /** The allowed type strings, for error messages, e.g. {@code '<f4', '<f8', ...}. */
    static String allowed() {
        StringBuilder sb = new StringBuilder();
        for (NpyType t : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(t.descr).append('\'');
        }
        return sb.toString();
    }
}
