package org.affectiveprocesses.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.affectiveprocesses.api.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    private static final NpyArray A = NpyArray.ofFloats(new int[] {2, 2}, new float[] {1, 2, 3, 4});
    private static final NpyArray B = NpyArray.ofBooleans(new int[] {3}, new boolean[] {true, false, true});

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private Path write(String name, boolean compress) throws IOException {
        Path file = dir.resolve(name);
        try (NpzWriter w = NpzArchive.create(file, compress)) {
            w.putText("manifest.json", "{\"héllo\": \"wörld ✓\"}");
            w.put("encoder.0.weight", A);
            w.put("flags", B);
            w.commit();
        }
        return file;
    }

    @Test
    void roundTripsArraysAndText() throws IOException {
        for (boolean compress : new boolean[] {false, true}) {
            Path file = write(compress ? "c.npz" : "s.npz", compress);
            try (NpzReader r = NpzArchive.open(file)) {
                assertThat(r.file()).isEqualTo(file);
                assertThat(r.entryNames()).containsExactly("manifest.json", "encoder.0.weight.npy", "flags.npy");
                assertThat(r.names()).containsExactly("encoder.0.weight", "flags");
                assertThat(r.contains("flags")).isTrue();
                assertThat(r.contains("manifest.json")).isFalse();
                assertThat(r.containsEntry("manifest.json")).isTrue();
                assertThat(r.get("encoder.0.weight")).isEqualTo(A);
                assertThat(r.get("flags")).isEqualTo(B);
                assertThat(r.header("encoder.0.weight").shape()).containsExactly(2, 2);
                assertThat(r.text("manifest.json")).isEqualTo("{\"héllo\": \"wörld ✓\"}");
            }
        }
        assertThat(listing()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("s.npz", "c.npz");
    }

    @Test
    void equalContentGivesEqualBytes() throws IOException {
        Path a = write("a.npz", false);
        Path b = write("b.npz", false);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void readsAnArchiveWrittenByNumpy() throws IOException {
        Path file = IoFixtures.numpyFeatureFile(dir);
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.names()).containsExactly("features", "pseudo_labels", "labels", "valid", "timestamps",
                    "face_boxes");
            assertThat(r.get("valid").toBooleans()).containsExactly(true, true, false, true);
            assertThat(r.get("timestamps").toDoubles()).containsExactly(0, 1 / 30.0, 2 / 30.0, 3 / 30.0);
            assertThat(r.get("features").shape()).containsExactly(4, 3);
            assertThat(r.text("meta.json")).contains("\"py_video\"");
        }
    }

    @Test
    void missingEntryIsAFormatError() throws IOException {
        Path file = write("m.npz", false);
        try (NpzReader r = NpzArchive.open(file)) {
            assertThatThrownBy(() -> r.get("nope")).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("m.npz").hasMessageContaining("'nope.npy'");
            assertThatThrownBy(() -> r.text("nope.json")).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("'nope.json'");
        }
    }

    @Test
    void notAZipOrTruncatedIsAFormatError() throws IOException {
        Path junk = dir.resolve("junk.npz");
        Files.writeString(junk, "this is not a zip archive");
        assertThatThrownBy(() -> NpzArchive.open(junk)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("junk.npz");
        Path file = write("t.npz", false);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> NpzArchive.open(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("t.npz");
        Path empty = dir.resolve("empty.npz");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> NpzArchive.open(empty)).isInstanceOf(ModelFormatException.class);
    }

    @Test
    void damagedEntryFailsItsCrcCheck() throws IOException {
        Path file = write("d.npz", false);
        byte[] bytes = Files.readAllBytes(file);
        // the last data byte of encoder.0.weight.npy: the float 4.0f = 00 00 80 40 precedes the next header
        int next = IoFixtures.indexOf(bytes, "flags.npy".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int pos = lastIndexOf(bytes, new byte[] {0, 0, (byte) 0x80, 0x40}, next);
        assertThat(pos).isPositive();
        bytes[pos + 3] ^= 0x01;
        Files.write(file, bytes);
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.get("flags")).isEqualTo(B);
            assertThatThrownBy(() -> r.get("encoder.0.weight")).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("d.npz")
                    .hasMessageContaining("'encoder.0.weight.npy'")
                    .hasMessageContaining("CRC");
        }
    }

    @Test
    void withoutCommitNothingIsLeft() throws IOException {
        Path file = dir.resolve("x.npz");
        try (NpzWriter w = NpzArchive.create(file)) {
            w.put("a", A);
            assertThat(listing()).hasSize(1); // the temporary file
            assertThat(Files.exists(file)).isFalse();
        }
        assertThat(listing()).isEmpty();
    }

    @Test
    void anExceptionMidWayLeavesNothing() throws IOException {
        Path file = dir.resolve("x.npz");
        assertThatThrownBy(() -> {
            try (NpzWriter w = NpzArchive.create(file)) {
                w.put("a", A);
                w.putText("m.json", "{}");
                throw new UncheckedIOException(new IOException("disk on fire"));
            }
        }).hasMessageContaining("disk on fire");
        assertThat(listing()).isEmpty();
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Path file = write("keep.npz", false);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> {
            try (NpzWriter w = NpzArchive.create(file)) {
                w.put("other", B);
                w.put("other", B); // duplicate name: IllegalArgumentException
                w.commit();
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'other.npy' was already written");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void commitReplacesAnExistingFile() throws IOException {
        Path file = write("r.npz", false);
        try (NpzWriter w = NpzArchive.create(file)) {
            w.put("only", B);
            w.commit();
            assertThatThrownBy(() -> w.put("late", B)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("committed");
        }
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.names()).containsExactly("only");
        }
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void writingIntoAMissingDirectoryFailsWithoutLeavingAnything() {
        Path file = dir.resolve("no").resolve("such").resolve("x.npz");
        assertThatThrownBy(() -> NpzArchive.create(file)).isInstanceOf(IOException.class);
        assertThat(Files.exists(dir.resolve("no"))).isFalse();
    }

    @Test
    void aDirectoryTargetIsRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub.npz"));
        assertThatThrownBy(() -> NpzArchive.create(sub)).isInstanceOf(IOException.class)
                .hasMessageContaining("is a directory");
        assertThat(listing()).containsExactly(sub);
    }

    @Test
    void badEntryNamesAreRefused() throws IOException {
        try (NpzWriter w = NpzArchive.create(dir.resolve("n.npz"))) {
            for (String bad : new String[] {"", "/abs", "a/../b", "a//b", "back\\slash", "ctl\u0001"}) {
                assertThatThrownBy(() -> w.put(bad, A)).as(bad).isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> w.putText("x.npy", "text")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> w.putText("bad.txt", "\ud800")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Unicode");
            w.put("nested/ok", A); // the writer stays usable after refused names
            w.commit();
        }
        try (NpzReader r = NpzArchive.open(dir.resolve("n.npz"))) {
            assertThat(r.names()).containsExactly("nested/ok");
        }
    }


    static int lastIndexOf(byte[] hay, byte[] needle, int before) {
        outer:
        for (int i = before - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void checksumsCoverEveryEntryAndAreVerifiedOnRead() throws IOException {
        Path file = dir.resolve("sum.npz");
        try (NpzWriter w = NpzArchive.createWithChecksums(file)) {
            w.putText("manifest.json", "{}");
            w.put("a", A);
            assertThatThrownBy(() -> w.putText(NpzArchive.CHECKSUMS, "x")).hasMessageContaining("reserved");
            w.commit();
        }
        Map<String, byte[]> entries = IoFixtures.entries(file);
        assertThat(entries.keySet()).containsExactly("manifest.json", "a.npy", NpzArchive.CHECKSUMS);
        String sums = new String(entries.get(NpzArchive.CHECKSUMS), StandardCharsets.US_ASCII);
        assertThat(sums).isEqualTo(sha256Hex(entries.get("manifest.json")) + "  manifest.json\n"
                + sha256Hex(entries.get("a.npy")) + "  a.npy\n");
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.hasChecksums()).isTrue();
            assertThat(r.get("a")).isEqualTo(A);
        }
        // the same bytes with the ZIP's CRC recomputed: only the checksum sees the change
        entries.get("manifest.json")[0] = '[';
        Path forged = dir.resolve("forged.npz");
        IoFixtures.writeZip(forged, entries);
        try (NpzReader r = NpzArchive.open(forged)) {
            assertThatThrownBy(() -> r.text("manifest.json")).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("forged.npz: entry 'manifest.json' is damaged: its SHA-256 does not match");
        }
        Map<String, byte[]> renamed = new LinkedHashMap<>();
        entries.forEach((k, v) -> renamed.put(k.equals("a.npy") ? "b.npy" : k, v));
        IoFixtures.writeZip(forged, renamed);
        assertThatThrownBy(() -> NpzArchive.open(forged)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("lists the entries [manifest.json, a.npy] but the archive holds [manifest.json, b.npy]");
        Map<String, byte[]> notLast = new LinkedHashMap<>();
        notLast.put(NpzArchive.CHECKSUMS, entries.get(NpzArchive.CHECKSUMS));
        notLast.put("a.npy", entries.get("a.npy"));
        IoFixtures.writeZip(forged, notLast);
        assertThatThrownBy(() -> NpzArchive.open(forged)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("must be the archive's last entry");
        try (NpzReader r = NpzArchive.open(write("plain.npz", false))) {
            assertThat(r.hasChecksums()).isFalse();
            assertThatThrownBy(() -> r.requireChecksums("format version 9")).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("plain.npz: has no entry 'checksums.sha256', which format version 9 requires");
        }
    }

    @Test
    void declaredSizesAreCheckedAgainstTheFileBeforeAnythingIsRead() throws IOException {
        Path file = write("sizes.npz", false);
        byte[] bytes = Files.readAllBytes(file);
        // the central directory's uncompressed size of flags.npy (offset 24 in its record) says 1 GB
        bytes[centralRecord(bytes, "flags.npy") + 24 + 3] = 0x40;
        Path forged = dir.resolve("forged.npz");
        Files.write(forged, bytes);
        assertThatThrownBy(() -> NpzArchive.open(forged)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("forged.npz: entry 'flags.npy' is stored uncompressed but declares");
    }

    @Test
    void aTextEntryLargerThanItsLimitFailsBeforeItIsRead() throws IOException {
        Path file = dir.resolve("t.npz");
        try (NpzWriter w = NpzArchive.create(file)) {
            w.putText("big.json", "x".repeat(5000));
            w.commit();
        }
        try (NpzReader r = NpzArchive.open(file)) {
            assertThatThrownBy(() -> r.text("big.json", 4096)).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("t.npz: entry 'big.json' has 5000 bytes; a text entry here has at most 4096");
            assertThat(r.text("big.json", 5000)).hasSize(5000);
        }
    }

    /** The offset of an entry's central directory record (signature PK\\1\\2, name at offset 46). */
    private static int centralRecord(byte[] zip, String entry) {
        byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + 46 + name.length <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2
                    && Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + name.length), name)) {
                return i;
            }
        }
        throw new AssertionError("no central record of " + entry);
    }

    private static String sha256Hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(Checksums.sha256().digest(b));
    }
}
