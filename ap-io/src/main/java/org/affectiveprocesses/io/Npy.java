package org.affectiveprocesses.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * Reads and writes single arrays in numpy's {@code .npy} format, version 1.0, as {@code
 * numpy.save} writes and {@code numpy.load} reads them.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, the version bytes {@code 1 0}, a 2-byte little-endian
 * header length, then an ASCII header that is a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (128, 1024), }} padded with spaces and
 * ended by {@code \n} so that the data starts at a multiple of 64 bytes, then the little-endian
 * C-order data. The writer produces the same bytes as numpy (including numpy's spare header space
 * for growing the first axis).
 *
 * <p>The reader is strict and never evaluates anything: it parses only the dict literal subset
 * above (the keys {@code descr}, {@code fortran_order} and {@code shape}, each once; string,
 * {@code True}/{@code False} and tuple-of-non-negative-integer values), accepts only the
 * {@link NpyType} allow-list and {@code fortran_order False}, and requires exactly as many data
 * bytes as the shape announces. Every deviation raises a {@link ModelFormatException} that names
 * the file, the entry (inside an archive) and the problem.
 */
public final class Npy {
    /** Elements encoded or decoded per chunk. */
    static final int CHUNK_ELEMENTS = 8192;
    /** Bytes before the header text: magic (6), version (2) and header length (2). */
    static final int PREAMBLE = 10;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** numpy leaves room to rewrite the first axis with up to this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int MAX_HEADER = 0xFFFF;

    private Npy() {
    }

    /**
     * Writes one array in {@code .npy} format. The stream is not closed.
     *
     * @param out where to write
     * @param array the array
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(headerBytes(array.type(), array.shape()));
        int size = array.size();
        byte[] chunk = new byte[Math.min(CHUNK_ELEMENTS, Math.max(size, 1)) * array.type().itemSize()];
        for (int from = 0; from < size; from += CHUNK_ELEMENTS) {
            int n = Math.min(CHUNK_ELEMENTS, size - from);
            out.write(chunk, 0, array.encode(from, n, chunk));
        }
    }

    /**
     * The complete {@code .npy} bytes of an array (header and data).
     *
     * @param array the array
     * @return the bytes {@code numpy.save} would write
     */
    public static byte[] toBytes(NpyArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, array);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * The bytes before the data: magic, version 1.0, header length and the padded header, exactly
     * as numpy writes them.
     *
     * @param type the element type
     * @param shape the shape
     * @return the header bytes, a multiple of 64 long
     */
    public static byte[] headerBytes(NpyType type, int[] shape) {
        Objects.requireNonNull(type, "type");
        int[] s = NpyArray.checkShape(shape);
        StringBuilder dict = new StringBuilder("{'descr': '").append(type.descr())
                .append("', 'fortran_order': False, 'shape': ").append(shapeRepr(s)).append(", }");
        if (s.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(s[0]).length()));
        }
        int textLength = dict.length() + 1; // with the final newline
        int pad = ALIGN - ((PREAMBLE + textLength) % ALIGN);
        dict.append(" ".repeat(pad)).append('\n');
        int headerLength = dict.length();
        if (headerLength > MAX_HEADER) {
            throw new IllegalArgumentException("a .npy 1.0 header cannot describe shape " + shapeRepr(s));
        }
        byte[] out = new byte[PREAMBLE + headerLength];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (headerLength & 0xFF);
        out[9] = (byte) (headerLength >>> 8);
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, PREAMBLE, text.length);
        return out;
    }

    /**
     * Reads one {@code .npy} array; the stream must end right after the data. Memory for the
     * array is taken only as its bytes arrive, so a header that announces more than the stream
     * holds fails without a large allocation.
     *
     * @param in the stream, positioned at the magic bytes; read to its end, not closed
     * @param fileForMessages the file being read, named in error messages
     * @param entryForMessages the archive entry being read, named in error messages, or null
     * @return the array
     * @throws ModelFormatException if the bytes are not a valid array of an allowed type
     * @throws IOException if reading fails
     */
    public static NpyArray read(InputStream in, Path fileForMessages, String entryForMessages)
            throws IOException {
        return read(in, fileForMessages, entryForMessages, -1, null);
    }

    /**
     * Reads one array whose total length (header and data) is known in advance, so that a header
     * announcing more data than there is fails before anything large is allocated.
     *
     * @param knownLength the stream's total length in bytes, or -1 when unknown
     * @param expected the type and shape the array must have, or null for any
     */
    static NpyArray read(InputStream in, Path file, String entry, long knownLength, NpyHeader expected)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(file, "fileForMessages");
        Parsed parsed = parseHeader(in, file, entry);
        NpyHeader header = parsed.header;
        if (expected != null && !expected.equals(header)) {
            throw error(file, entry, "holds " + header + "; expected " + expected);
        }
        long needed = header.dataBytes();
        if (knownLength >= 0) {
            long available = knownLength - parsed.headerBytes;
            if (available < needed) {
                throw error(file, entry, "truncated: " + header + " needs " + needed
                        + " data bytes but only " + Math.max(available, 0) + " are present");
            }
            if (available > needed) {
                throw error(file, entry, "has " + (available - needed) + " bytes after the data that "
                        + header + " announces");
            }
        }
        InputStream data = in;
        if (knownLength < 0) {
            // nothing vouches for the header: take the bytes first, so that memory follows the data present
            if (needed > NpyArray.MAX_ELEMENTS) {
                throw error(file, entry, header + " announces " + needed + " data bytes; a stream of unknown "
                        + "length is read up to " + NpyArray.MAX_ELEMENTS + " bytes");
            }
            byte[] bytes = in.readNBytes((int) needed);
            if (bytes.length < needed) {
                throw error(file, entry, "truncated: " + header + " needs " + needed
                        + " data bytes but only " + bytes.length + " are present");
            }
            data = new ByteArrayInputStream(bytes);
        }
        NpyArray array = readData(data, header, file, entry);
        if (in.read() != -1) {
            throw error(file, entry, "has extra bytes after the " + needed + " data bytes that "
                    + header + " announces");
        }
        return array;
    }

    /**
     * Reads only the header of a {@code .npy} array (cheap: the data is not read).
     *
     * @param in the stream, positioned at the magic bytes; left positioned at the data
     * @param fileForMessages the file being read, named in error messages
     * @param entryForMessages the archive entry being read, named in error messages, or null
     * @return the type and shape
     * @throws ModelFormatException if the header is not valid or names a type not allowed
     * @throws IOException if reading fails
     */
    public static NpyHeader readHeader(InputStream in, Path fileForMessages, String entryForMessages)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(fileForMessages, "fileForMessages");
        return parseHeader(in, fileForMessages, entryForMessages).header;
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (3,)} or {@code (2, 3)}. */
    static String shapeRepr(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    private record Parsed(NpyHeader header, long headerBytes) {
    }

    private static Parsed parseHeader(InputStream in, Path file, String entry) throws IOException {
        byte[] pre = new byte[PREAMBLE];
        int got = readFully(in, pre, 0, PREAMBLE);
        if (got < MAGIC.length || !startsWithMagic(pre)) {
            throw error(file, entry, got == 0 ? "is empty, not a .npy array"
                    : "is not a .npy array (the magic bytes \\x93NUMPY are missing)");
        }
        if (got < PREAMBLE) {
            throw error(file, entry, "truncated inside the .npy preamble");
        }
        int major = pre[6] & 0xFF;
        int minor = pre[7] & 0xFF;
        if (major != 1 || minor != 0) {
            throw error(file, entry, ".npy format version " + major + "." + minor
                    + " is not supported; this SDK reads 1.0");
        }
        int length = (pre[8] & 0xFF) | (pre[9] & 0xFF) << 8;
        byte[] text = new byte[length];
        if (readFully(in, text, 0, length) < length) {
            throw error(file, entry, "truncated inside the .npy header (" + length + " bytes announced)");
        }
        if (length == 0 || text[length - 1] != '\n') {
            throw error(file, entry, "the .npy header does not end with a newline");
        }
        for (int i = 0; i < length - 1; i++) {
            if (text[i] < 0x20 || text[i] > 0x7E) {
                throw error(file, entry, "the .npy header holds a byte that is not printable ASCII at "
                        + i + " (0x" + Integer.toHexString(text[i] & 0xFF) + ")");
            }
        }
        String header = new String(text, 0, length - 1, StandardCharsets.US_ASCII);
        NpyHeader parsed = new HeaderParser(header, file, entry).parse();
        return new Parsed(parsed, PREAMBLE + (long) length);
    }

    private static boolean startsWithMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static NpyArray readData(InputStream in, NpyHeader header, Path file, String entry)
            throws IOException {
        int size = header.size();
        NpyType type = header.type();
        int item = type.itemSize();
        int[] shape = header.shape();
        float[] f = type == NpyType.FLOAT32 ? new float[size] : null;
        double[] d = type == NpyType.FLOAT64 ? new double[size] : null;
        int[] i32 = type == NpyType.INT32 ? new int[size] : null;
        long[] i64 = type == NpyType.INT64 ? new long[size] : null;
        boolean[] b = type == NpyType.BOOL ? new boolean[size] : null;
        byte[] chunk = new byte[Math.min(CHUNK_ELEMENTS, Math.max(size, 1)) * item];
        for (int from = 0; from < size; from += CHUNK_ELEMENTS) {
            int n = Math.min(CHUNK_ELEMENTS, size - from);
            int got = readFully(in, chunk, 0, n * item);
            if (got < n * item) {
                throw error(file, entry, "truncated: " + header + " needs " + header.dataBytes()
                        + " data bytes but only " + ((long) from * item + got) + " are present");
            }
            ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n * item).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < n; k++) {
                switch (type) {
                    case FLOAT32 -> f[from + k] = Float.intBitsToFloat(buf.getInt());
                    case FLOAT64 -> d[from + k] = Double.longBitsToDouble(buf.getLong());
                    case INT32 -> i32[from + k] = buf.getInt();
                    case INT64 -> i64[from + k] = buf.getLong();
                    case BOOL -> {
                        byte v = buf.get();
                        if (v != 0 && v != 1) {
                            throw error(file, entry, "boolean element " + (from + k) + " is the byte "
                                    + (v & 0xFF) + ", not 0 or 1");
                        }
                        b[from + k] = v == 1;
                    }
                    default -> throw new AssertionError(type);
                }
            }
        }
        return switch (type) {
            case FLOAT32 -> NpyArray.wrapFloats(shape, f);
            case FLOAT64 -> NpyArray.wrapDoubles(shape, d);
            case INT32 -> NpyArray.wrapInts(shape, i32);
            case INT64 -> NpyArray.wrapLongs(shape, i64);
            case BOOL -> NpyArray.wrapBooleans(shape, b);
        };
    }

    /** Reads up to {@code n} bytes; returns how many were read (fewer only at end of stream). */
    static int readFully(InputStream in, byte[] dst, int off, int n) throws IOException {
        int total = 0;
        while (total < n) {
            int r = in.read(dst, off + total, n - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    static ModelFormatException error(Path file, String entry, String problem) {
        return new ModelFormatException(file, entry == null ? problem : "entry '" + entry + "' " + problem);
    }

    /** A strict parser of the tiny Python literal subset numpy writes into a header. */
    private static final class HeaderParser {
        private final String s;
        private final Path file;
        private final String entry;
        private int pos;

        HeaderParser(String s, Path file, String entry) {
            this.s = s;
            this.file = file;
            this.entry = entry;
        }

        NpyHeader parse() throws ModelFormatException {
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            skipSpaces();
            expect('{');
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    break;
                }
                String key = parseString();
                skipSpaces();
                expect(':');
                skipSpaces();
                switch (key) {
                    case "descr" -> {
                        if (descr != null) {
                            throw fail("repeats the key 'descr'");
                        }
                        descr = parseString();
                    }
                    case "fortran_order" -> {
                        if (fortran != null) {
                            throw fail("repeats the key 'fortran_order'");
                        }
                        fortran = parseBoolean();
                    }
                    case "shape" -> {
                        if (shape != null) {
                            throw fail("repeats the key 'shape'");
                        }
                        shape = parseShape();
                    }
                    default -> throw fail("has the unknown key '" + key
                            + "'; only 'descr', 'fortran_order' and 'shape' are allowed");
                }
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw fail("expects ',' or '}' at position " + pos);
                }
            }
            pos++; // the closing brace
            skipSpaces();
            if (pos != s.length()) {
                throw fail("has unexpected text after the dict at position " + pos);
            }
            if (descr == null || fortran == null || shape == null) {
                throw fail("lacks the key '" + (descr == null ? "descr"
                        : fortran == null ? "fortran_order" : "shape") + "'");
            }
            NpyType type = NpyType.fromDescr(descr);
            if (type == null) {
                throw error(file, entry, "has dtype '" + descr + "', which is not supported; allowed: "
                        + NpyType.allowed());
            }
            if (fortran) {
                throw error(file, entry, "is stored with fortran_order True, which is not supported; "
                        + "write C-order arrays (numpy.ascontiguousarray)");
            }
            try {
                return new NpyHeader(type, shape);
            } catch (IllegalArgumentException e) {
                throw error(file, entry, "has an unusable shape: " + e.getMessage());
            }
        }

        private String parseString() throws ModelFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("expects a quoted string at position " + pos);
            }
            int start = ++pos;
            while (pos < s.length() && s.charAt(pos) != quote) {
                if (s.charAt(pos) == '\\') {
                    throw fail("holds an escape sequence in a string, which is not supported");
                }
                pos++;
            }
            if (pos >= s.length()) {
                throw fail("has an unterminated string");
            }
            return s.substring(start, pos++);
        }

        private boolean parseBoolean() throws ModelFormatException {
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw fail("expects True or False for 'fortran_order' at position " + pos);
        }

        private int[] parseShape() throws ModelFormatException {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            boolean trailingComma = false;
            skipSpaces();
            while (peek() != ')') {
                dims.add(parseDimension());
                skipSpaces();
                trailingComma = false;
                if (peek() == ',') {
                    pos++;
                    trailingComma = true;
                    skipSpaces();
                } else if (peek() != ')') {
                    throw fail("expects ',' or ')' in 'shape' at position " + pos);
                }
            }
            pos++;
            if (dims.size() == 1 && !trailingComma) {
                throw fail("has a 'shape' that is a parenthesised number, not a tuple (write (n,))");
            }
            int[] out = new int[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dims.get(i);
            }
            return out;
        }

        private int parseDimension() throws ModelFormatException {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (digits.isEmpty()) {
                throw fail("expects a non-negative integer in 'shape' at position " + start);
            }
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                throw fail("has a 'shape' dimension with a leading zero: " + digits);
            }
            if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                throw fail("has a 'shape' dimension too large for this SDK: " + digits);
            }
            return Integer.parseInt(digits);
        }

        private void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        private char peek() throws ModelFormatException {
            if (pos >= s.length()) {
                throw fail("ends too early");
            }
            return s.charAt(pos);
        }

        private void expect(char c) throws ModelFormatException {
            if (peek() != c) {
                throw fail("expects '" + c + "' at position " + pos);
            }
            pos++;
        }

        private ModelFormatException fail(String problem) {
            return error(file, entry, "has a malformed .npy header (" + problem + "): " + abbreviate(s));
        }

        private static String abbreviate(String text) {
            String t = text.strip();
            return t.length() <= 120 ? t : t.substring(0, 117) + "...";
        }
    }
}
