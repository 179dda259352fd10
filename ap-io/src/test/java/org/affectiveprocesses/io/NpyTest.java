package org.affectiveprocesses.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.affectiveprocesses.api.ModelFormatException;
import org.junit.jupiter.api.Test;

class NpyTest {
    private static final Path FILE = Path.of("some", "file.npz");

    private static NpyArray roundTrip(NpyArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).isEqualTo(Npy.toBytes(a));
        assertThat((bytes.length - a.dataBytes()) % 64).isZero();
        return Npy.read(new ByteArrayInputStream(bytes), FILE, "x.npy");
    }

    @Test
    void roundTripsEveryType() throws IOException {
        NpyArray f = NpyArray.ofFloats(new int[] {2, 3}, new float[] {1, -2.5f, Float.NaN, Float.MIN_VALUE,
            Float.MAX_VALUE, Float.NEGATIVE_INFINITY});
        NpyArray d = NpyArray.ofDoubles(new int[] {3}, new double[] {Math.PI, -0.0, 1e300});
        NpyArray i = NpyArray.ofInts(new int[] {1, 2, 2}, new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE});
        NpyArray l = NpyArray.ofLongs(new int[] {2}, new long[] {Long.MIN_VALUE, 1L << 40});
        NpyArray b = NpyArray.ofBooleans(new int[] {4}, new boolean[] {true, false, false, true});
        for (NpyArray a : new NpyArray[] {f, d, i, l, b}) {
            NpyArray back = roundTrip(a);
            assertThat(back).isEqualTo(a);
            assertThat(back.type()).isEqualTo(a.type());
            assertThat(back.shape()).isEqualTo(a.shape());
        }
        assertThat(Float.floatToRawIntBits(roundTrip(f).toFloats()[3])).isEqualTo(1);
        assertThat(roundTrip(d).toDoubles()).containsExactly(Math.PI, -0.0, 1e300);
        assertThat(roundTrip(l).toLongs()).containsExactly(Long.MIN_VALUE, 1L << 40);
        assertThat(roundTrip(b).toBooleans()).containsExactly(true, false, false, true);
        assertThat(roundTrip(i).toInts()).containsExactly(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE);
    }

    @Test
    void roundTripsZeroDimensionalAndEmptyArrays() throws IOException {
        NpyArray scalar = NpyArray.ofDoubles(new int[0], new double[] {2.5});
        assertThat(scalar.size()).isEqualTo(1);
        assertThat(scalar.rank()).isZero();
        NpyArray back = roundTrip(scalar);
        assertThat(back.shape()).isEmpty();
        assertThat(back.toDoubles()).containsExactly(2.5);
        assertThat(new String(Npy.toBytes(scalar), StandardCharsets.US_ASCII)).contains("'shape': (), }");

        for (NpyType t : NpyType.values()) {
            for (int[] shape : new int[][] {{0}, {0, 4}, {3, 0, 2}}) {
                NpyArray empty = switch (t) {
                    case FLOAT32 -> NpyArray.ofFloats(shape, new float[0]);
                    case FLOAT64 -> NpyArray.ofDoubles(shape, new double[0]);
                    case INT32 -> NpyArray.ofInts(shape, new int[0]);
                    case INT64 -> NpyArray.ofLongs(shape, new long[0]);
                    case BOOL -> NpyArray.ofBooleans(shape, new boolean[0]);
                };
                NpyArray r = roundTrip(empty);
                assertThat(r).isEqualTo(empty);
                assertThat(r.shape()).isEqualTo(shape);
                assertThat(r.size()).isZero();
            }
        }
        NpyArray oneBool = NpyArray.ofBooleans(new int[0], new boolean[] {true});
        assertThat(roundTrip(oneBool).toBooleans()).containsExactly(true);
        NpyArray oneInt = NpyArray.ofInts(new int[0], new int[] {-7});
        assertThat(roundTrip(oneInt).toInts()).containsExactly(-7);
    }

    @Test
    void writesExactlyTheHeaderNumpyWrites() {
        byte[] bytes = Npy.toBytes(NpyArray.ofFloats(new int[] {2, 3}, new float[6]));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        int headerLength = 128 - 10;
        assertThat(bytes).hasSize(128 + 6 * 4);
        assertThat(Arrays.copyOfRange(bytes, 0, 8))
                .containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        assertThat(bytes[8] & 0xFF | (bytes[9] & 0xFF) << 8).isEqualTo(headerLength);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).isEqualTo(dict + " ".repeat(headerLength - dict.length() - 1) + "\n");
        assertThat(Arrays.copyOfRange(bytes, 128, bytes.length)).containsOnly(0);
        assertThat(Npy.headerBytes(NpyType.FLOAT32, new int[] {2, 3}))
                .isEqualTo(Arrays.copyOfRange(bytes, 0, 128));
    }

    /** Bytes of {@code numpy.save} (numpy 2.4), recorded once; the test itself needs no Python. */
    @Test
    void matchesNumpyByteForByte() throws IOException {
        assertNumpy("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLC"
                + "B9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAACDAAADAvwAA"
                + "AL8AAAA/AADAPwAAIEA=",
                NpyArray.ofFloats(new int[] {2, 3}, new float[] {-2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f}));
        assertNumpy("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gIC"
                + "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAKQA==",
                NpyArray.ofDoubles(new int[0], new double[] {3.25}));
        assertNumpy("k05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfS"
                + "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAE=",
                NpyArray.ofBooleans(new int[] {3}, new boolean[] {true, false, true}));
        assertNumpy("k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfS"
                + "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAP///wAA"
                + "AAAAAAAABwAAAAAAAAA=",
                NpyArray.ofLongs(new int[] {3}, new long[] {-(1L << 40), 0, 7}));
        assertNumpy("k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDAsIDQpLC"
                + "B9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo=",
                NpyArray.ofInts(new int[] {0, 4}, new int[0]));
    }

    private static void assertNumpy(String base64, NpyArray expected) throws IOException {
        byte[] numpy = Base64.getDecoder().decode(base64);
        assertThat(Npy.toBytes(expected)).isEqualTo(numpy);
        assertThat(Npy.read(new ByteArrayInputStream(numpy), FILE, null)).isEqualTo(expected);
    }

    @Test
    void headerReaderAcceptsOtherKeyOrderAndReadsHeaderOnly() throws IOException {
        byte[] bytes = withHeader("{'shape': (2,), 'fortran_order': False, 'descr': '<i4'}", new byte[8]);
        assertThat(Npy.read(new ByteArrayInputStream(bytes), FILE, "a.npy").toInts()).containsExactly(0, 0);
        NpyHeader h = Npy.readHeader(new ByteArrayInputStream(Npy.toBytes(
                NpyArray.ofFloats(new int[] {128, 1024}, new float[128 * 1024]))), FILE, "w.npy");
        assertThat(h.type()).isEqualTo(NpyType.FLOAT32);
        assertThat(h.shape()).containsExactly(128, 1024);
        assertThat(h.dataBytes()).isEqualTo(128L * 1024 * 4);
    }

    @Test
    void rejectsWrongMagic() {
        byte[] bytes = Npy.toBytes(NpyArray.ofInts(new int[] {1}, new int[] {1}));
        bytes[1] = 'X';
        assertRejected(bytes, "magic");
        assertRejected(new byte[0], "empty");
        assertRejected("PK\u0003\u0004 not npy".getBytes(StandardCharsets.ISO_8859_1), "magic");
    }

    @Test
    void rejectsOtherVersions() {
        byte[] bytes = Npy.toBytes(NpyArray.ofInts(new int[] {1}, new int[] {1}));
        bytes[6] = 2;
        assertRejected(bytes, "version 2.0 is not supported");
    }

    @Test
    void rejectsFortranOrder() {
        assertRejected(withHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", new byte[24]),
                "fortran_order True");
    }

    @Test
    void rejectsTypesOutsideTheAllowList() {
        assertRejected(withHeader("{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }", new byte[4]),
                "dtype '<f2'");
        assertRejected(withHeader("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]),
                "dtype '|O'");
        assertRejected(withHeader("{'descr': 'O', 'fortran_order': False, 'shape': (1,), }", new byte[8]),
                "dtype 'O'");
        assertRejected(withHeader("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]),
                "dtype '>f4'");
        assertRejected(withHeader("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }",
                new byte[4]), "malformed");
    }

    @Test
    void rejectsTruncatedAndExtraData() {
        byte[] full = Npy.toBytes(NpyArray.ofFloats(new int[] {2, 3}, new float[6]));
        assertRejected(Arrays.copyOf(full, full.length - 1), "truncated");
        assertRejected(Arrays.copyOf(full, 100), "truncated");
        assertRejected(Arrays.copyOf(full, full.length + 4), "extra bytes");
    }

    @Test
    void rejectsDataThatDoesNotMatchTheHeaderShape() {
        // header says (2, 3) float32 = 24 bytes, 20 follow
        assertRejected(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", new byte[20]),
                "needs 24 data bytes but only 20");
        // header says (5,) but 6 floats follow
        assertRejected(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", new byte[24]),
                "extra bytes");
    }

    @Test
    void rejectsMalformedHeaders() {
        String[] bad = {
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3), }", // not a tuple
            "{'descr': '<f4', 'fortran_order': False, 'shape': (-3,), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3.0,), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (03,), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999,), }",
            "{'descr': '<f4', 'fortran_order': False, }", // no shape
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'extra': 1, }",
            "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (3,), }",
            "{'descr': '<f4', 'fortran_order': 0, 'shape': (3,), }",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), } x",
            "{'descr': '<f4', 'fortran_order': False, 'shape': __import__('os'), }",
            "{'descr': '<f4' 'fortran_order': False, 'shape': (3,), }",
        };
        for (String header : bad) {
            assertRejected(withHeader(header, new byte[12]), "x.npy");
        }
        // shape with more elements than a Java array can hold
        assertRejected(withHeader("{'descr': '|b1', 'fortran_order': False, 'shape': (65536, 65536), }",
                new byte[0]), "unusable shape");
        // header not ended by a newline
        byte[] noNewline = withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[12]);
        noNewline[Npy.PREAMBLE + (noNewline[8] & 0xFF) - 1] = ' ';
        assertRejected(noNewline, "newline");
    }

    @Test
    void rejectsBooleanBytesOtherThanZeroAndOne() {
        assertRejected(withHeader("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }", new byte[] {1, 2}),
                "boolean element 1");
    }

    @Test
    void errorsNameTheFileAndEntry() {
        byte[] bytes = Npy.toBytes(NpyArray.ofInts(new int[] {2}, new int[2]));
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 3)),
                Path.of("dir", "model.apmodel"), "encoder.0.weight.npy"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("model.apmodel")
                .hasMessageContaining("entry 'encoder.0.weight.npy'");
    }

    @Test
    void arraysAreImmutableAndTyped() {
        float[] data = {1, 2, 3};
        int[] shape = {3};
        NpyArray a = NpyArray.ofFloats(shape, data);
        data[0] = 99;
        shape[0] = 7;
        a.toFloats()[1] = 42;
        a.shape()[0] = 9;
        assertThat(a.toFloats()).containsExactly(1, 2, 3);
        assertThat(a.shape()).containsExactly(3);
        assertThatThrownBy(a::toDoubles).isInstanceOf(IllegalStateException.class).hasMessageContaining("FLOAT32");
        assertThatThrownBy(a::toInts).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(a::toLongs).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(a::toBooleans).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NpyArray.ofInts(new int[] {2, 2}, new int[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 elements");
        assertThatThrownBy(() -> NpyArray.ofInts(new int[] {-1}, new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThat(a).hasToString("NpyArray['<f4', (3,)]");
        assertThat(NpyType.fromDescr("<f4")).isEqualTo(NpyType.FLOAT32);
        assertThat(NpyType.fromDescr("<f2")).isNull();
    }

    @Test
    void sha256CoversTheLittleEndianDataBytes() {
        // expected values from hashlib.sha256(np.array([...], dtype).tobytes()).hexdigest()
        assertThat(NpyArray.ofFloats(new int[] {1}, new float[] {1f}).sha256())
                .isEqualTo("e00e5eb9444182f352323374ef4e08ebcb784725fdd4fd612d7730540b3e0c8c");
        assertThat(NpyArray.ofDoubles(new int[] {2}, new double[] {1.0, -2.0}).sha256())
                .isEqualTo("7886fe67ba4484d889aa8ec41f0b242f914fbf6bae1be2ed23f56a007e3547b0");
        assertThat(NpyArray.ofInts(new int[] {0}, new int[0]).sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    /** A .npy file with the given header dict (padded like numpy) and raw data. */
    static byte[] withHeader(String dict, byte[] data) {
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String text = dict + " ".repeat(pad) + "\n";
        byte[] out = new byte[10 + text.length() + data.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
        System.arraycopy(magic, 0, out, 0, 8);
        out[8] = (byte) text.length();
        out[9] = (byte) (text.length() >>> 8);
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, out, 10, text.length());
        System.arraycopy(data, 0, out, 10 + text.length(), data.length);
        return out;
    }

    private static void assertRejected(byte[] bytes, String messagePart) {
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), FILE, "x.npy"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(FILE.toString())
                .hasMessageContaining(messagePart);
    }
}
