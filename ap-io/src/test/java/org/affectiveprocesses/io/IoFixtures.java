package org.affectiveprocesses.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shared test data for the file-format tests (also used by ap-core's model-file tests through the test jar). */
public final class IoFixtures {
    /**
     * A feature file written by numpy 2.4 with {@code np.savez} plus {@code zipfile} (the example of
     * docs/FEATURE-FORMAT.md with T = 4, dx = 3: frame 2 invalid, labels partly NaN, face boxes),
     * recorded once so that the tests need no Python.
     */
    static final String NUMPY_FEATURE_FILE = """
            UEsDBC0AAAAAAAAAIQDG5klV//////////8MABQAZmVhdHVyZXMubnB5AQAQALAAAAAAAAAAsAAAAAAAAACTTlVNUFkBAHYAeydk
            ZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoNCwgMyksIH0gICAgICAgICAgICAgICAgICAg
            ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCgAAAAAAAIA+AAAAPwAAQD8AAIA/AACgPwAAwD8AAOA/AAAA
            QAAAEEAAACBAAAAwQFBLAwQtAAAAAAAAACEAwfE8P///////////EQAUAHBzZXVkb19sYWJlbHMubnB5AQAQAKAAAAAAAAAAoAAA
            AAAAAACTTlVNUFkBAHYAeydkZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoNCwgMiksIH0g
            ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgCs3MzD3NzEy+mpmZPs3MzD4A
            AAAAAAAAAAAAAL8AAIA+UEsDBC0AAAAAAAAAIQC5rClv//////////8KABQAbGFiZWxzLm5weQEAEACgAAAAAAAAAKAAAAAAAAAA
            k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsIDIpLCB9ICAgICAg
            ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAA/AADAf83MzD3NzEw+AADAfwAA
            wH8AAIC/AACAP1BLAwQtAAAAAAAAACEA9K+NIv//////////CQAUAHZhbGlkLm5weQEAEACEAAAAAAAAAIQAAAAAAAAAk05VTVBZ
            AQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAg
            ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAQABUEsDBC0AAAAAAAAAIQBcszOL////////
            //8OABQAdGltZXN0YW1wcy5ucHkBABAAoAAAAAAAAACgAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxmOCcsICdmb3J0cmFu
            X29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICg0LCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg
            ICAgICAgICAgICAgICAgICAKAAAAAAAAAAARERERERGhPxEREREREbE/mpmZmZmZuT9QSwMELQAAAAAAAAAhALvQTrb/////////
            /w4AFABmYWNlX2JveGVzLm5weQEAEADQAAAAAAAAANAAAAAAAAAAk05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5f
            b3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsIDUpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg
            ICAgICAgICAgICAgICAgIAoAACBBAACgQQAA8EEAACBCZmZmPwAAMEEAAKhBAAD4QQAAJELNzEw/AADAfwAAwH8AAMB/AADAfwAA
            wH8AAEBBAACwQQAAAEIAAChCMzMzP1BLAwQUAAAAAACFdH1dWPaa8gUBAAAFAQAACQAAAG1ldGEuanNvbnsiZm9ybWF0IjogImFm
            ZmVjdGl2ZS1wcm9jZXNzLWZlYXR1cmVzIiwgImZvcm1hdFZlcnNpb24iOiAxLCAiaWQiOiAicHlfdmlkZW8iLCAic3ViamVjdCI6
            ICJTMDciLCAiYmFja2JvbmUiOiAibnVtcHktdGVzdCIsICJsYWJlbFNwYWNlIjogeyJuYW1lIjogInZhbGVuY2UtYXJvdXNhbCIs
            ICJraW5kIjogIlZBTEVOQ0VfQVJPVVNBTCIsICJkaW1lbnNpb25zIjogWyJ2YWxlbmNlIiwgImFyb3VzYWwiXSwgInJhd01pbiI6
            IC0xLjAsICJyYXdNYXgiOiAxLjB9fVBLAQItAy0AAAAAAAAAIQDG5klVsAAAALAAAAAMAAAAAAAAAAAAAACAAQAAAABmZWF0dXJl
            cy5ucHlQSwECLQMtAAAAAAAAACEAwfE8P6AAAACgAAAAEQAAAAAAAAAAAAAAgAHuAAAAcHNldWRvX2xhYmVscy5ucHlQSwECLQMt
            AAAAAAAAACEAuawpb6AAAACgAAAACgAAAAAAAAAAAAAAgAHRAQAAbGFiZWxzLm5weVBLAQItAy0AAAAAAAAAIQD0r40ihAAAAIQA
            AAAJAAAAAAAAAAAAAACAAa0CAAB2YWxpZC5ucHlQSwECLQMtAAAAAAAAACEAXLMzi6AAAACgAAAADgAAAAAAAAAAAAAAgAFsAwAA
            dGltZXN0YW1wcy5ucHlQSwECLQMtAAAAAAAAACEAu9BOttAAAADQAAAADgAAAAAAAAAAAAAAgAFMBAAAZmFjZV9ib3hlcy5ucHlQ
            SwECFAMUAAAAAACFdH1dWPaa8gUBAAAFAQAACQAAAAAAAAAAAAAAgAFcBQAAbWV0YS5qc29uUEsFBgAAAAAHAAcAlwEAAIgGAAAA
            AA==
            """;

    private IoFixtures() {
    }

    /** Writes the numpy-made feature file into {@code dir}. */
    public static Path numpyFeatureFile(Path dir) throws IOException {
        Path file = dir.resolve("numpy_features.npz");
        Files.write(file, Base64.getMimeDecoder().decode(NUMPY_FEATURE_FILE));
        return file;
    }

    /**
     * Copies an archive entry by entry through {@link NpzWriter}, letting the test edit the JSON
     * entry {@code jsonEntry} and replace, add or drop ({@code null}) arrays; the copy carries
     * (recomputed) checksums when the original does.
     */
    public static void rewrite(Path src, Path dst, String jsonEntry, Consumer<ObjectNode> editJson,
            Map<String, NpyArray> replace) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        String json;
        boolean checksums;
        try (NpzReader r = NpzArchive.open(src)) {
            checksums = r.hasChecksums();
            json = r.text(jsonEntry);
            for (String name : r.names()) {
                arrays.put(name, r.get(name));
            }
        }
        ObjectNode node = (ObjectNode) mapper.readTree(json);
        editJson.accept(node);
        arrays.putAll(replace);
        try (NpzWriter w = checksums ? NpzArchive.createWithChecksums(dst) : NpzArchive.create(dst)) {
            w.putText(jsonEntry, mapper.writeValueAsString(node));
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                if (e.getValue() != null) {
                    w.put(e.getKey(), e.getValue());
                }
            }
            w.commit();
        }
    }

    /**
     * The uncompressed bytes of every entry of a ZIP archive, in archive order (read with
     * java.util.zip, not the SDK's reader, so that tests can take any archive apart).
     */
    public static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                try (InputStream in = z.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /**
     * Writes entries as a ZIP archive of stored (uncompressed) entries with correct CRC-32s, as a
     * forger who edits an archive would: {@link #entries} then this gives an archive that differs
     * only where the test changed it.
     */
    public static void writeZip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                ze.setMethod(ZipEntry.STORED);
                ze.setSize(e.getValue().length);
                ze.setCompressedSize(e.getValue().length);
                ze.setCrc(crc.getValue());
                out.putNextEntry(ze);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    /**
     * Adds a deflated {@code .npy} entry whose header announces {@code shape} of {@code '<f4'} and
     * whose data are that many zero bytes, streamed: a deflate bomb that costs the test no memory.
     */
    public static void putDeflatedZeros(ZipOutputStream out, String entry, int[] shape) throws IOException {
        ZipEntry ze = new ZipEntry(entry);
        ze.setMethod(ZipEntry.DEFLATED);
        out.setLevel(9);
        out.putNextEntry(ze);
        out.write(Npy.headerBytes(NpyType.FLOAT32, shape));
        long left = 4L * NpyArray.elementCount(shape);
        byte[] zeros = new byte[1 << 20];
        while (left > 0) {
            int n = (int) Math.min(left, zeros.length);
            out.write(zeros, 0, n);
            left -= n;
        }
        out.closeEntry();
    }

    /** The first index of {@code needle} in {@code hay}, or -1. */
    public static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
