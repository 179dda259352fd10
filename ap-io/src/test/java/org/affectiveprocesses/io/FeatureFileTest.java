package org.affectiveprocesses.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureFileTest {
    @TempDir
    Path dir;

    private static final float NAN = Float.NaN;

    /** 5 frames, dx 3, BP4D labels (dy 5); frame 2 has no face, labels partly missing. */
    private static AffectSequence sequence() {
        LabelSpace bp4d = LabelSpace.bp4d();
        AffectSequence.Builder b = AffectSequence.builder("F001_T1", bp4d, 3).subject("F001");
        b.addFrame(0.0, new float[] {1, 2, 3}, new float[] {-1, -0.5f, 0, 0.5f, 1},
                new float[] {0.2f, NAN, -0.2f, NAN, 1});
        b.addFrame(0.04, new float[] {-1e-30f, 4, 5}, new float[] {0, 0, 0, 0, 0.25f}, null);
        b.addInvalidFrame(0.08);
        b.addFrame(0.12, new float[] {7, 8, 9}, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f},
                new float[] {-1, -1, -1, -1, -1});
        b.addFrame(0.12, new float[] {3.5f, Float.MAX_VALUE, -0f}, new float[] {1, 1, 1, 1, 1},
                new float[] {NAN, NAN, NAN, NAN, 0.75f});
        return b.build();
    }

    private static float[] boxes() {
        return new float[] {10, 20, 30, 40, 0.99f, 11, 21, 31, 41, 0.9f, NAN, NAN, NAN, NAN, NAN,
            12, 22, 32, 42, 0.8f, 13, 23, 33, 43, 0.7f};
    }

    static void assertSameSequence(AffectSequence actual, AffectSequence expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.subject()).isEqualTo(expected.subject());
        assertThat(actual.labelSpace()).isEqualTo(expected.labelSpace());
        assertThat(actual.featureSize()).isEqualTo(expected.featureSize());
        assertThat(actual.length()).isEqualTo(expected.length());
        assertThat(actual.validFrameCount()).isEqualTo(expected.validFrameCount());
        assertThat(actual.labelledFrameCount()).isEqualTo(expected.labelledFrameCount());
        for (int t = 0; t < expected.length(); t++) {
            assertThat(actual.isValid(t)).as("valid %d", t).isEqualTo(expected.isValid(t));
            assertThat(actual.seconds(t)).as("seconds %d", t).isEqualTo(expected.seconds(t));
            assertThat(Arrays.equals(actual.features(t), expected.features(t))).as("features %d", t).isTrue();
            assertThat(Arrays.equals(actual.pseudoLabels(t), expected.pseudoLabels(t))).as("pseudo %d", t).isTrue();
            assertThat(Arrays.equals(actual.labels(t), expected.labels(t))).as("labels %d", t).isTrue();
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private Path writeSample(String name) throws IOException {
        Path file = dir.resolve(name);
        FeatureFile.write(file, sequence(), new FeatureFile.Extras("resnet50-affectnet", boxes()));
        return file;
    }

    @Test
    void roundTripsNanLabelsInvalidFramesAndExtras() throws IOException {
        AffectSequence s = sequence();
        Path file = writeSample("s.npz");
        AffectSequence back = FeatureFile.read(file);
        assertSameSequence(back, s);
        assertThat(back.isValid(2)).isFalse();
        assertThat(back.label(0, 1)).isNaN();
        assertThat(back.hasLabel(1)).isFalse();
        FeatureFile.Contents c = FeatureFile.readContents(file);
        assertSameSequence(c.sequence(), s);
        assertThat(c.extras()).isEqualTo(new FeatureFile.Extras("resnet50-affectnet", boxes()));
        assertThat(FeatureFile.readLength(file)).isEqualTo(5);
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.entryNames()).containsExactly("meta.json", "features.npy", "pseudo_labels.npy",
                    "labels.npy", "valid.npy", "timestamps.npy", "face_boxes.npy", NpzArchive.CHECKSUMS);
            assertThat(r.hasChecksums()).isTrue();
            assertThat(Json.parse(r.text("meta.json"), file, "meta.json").integer("formatVersion")).isEqualTo(2);
            assertThat(r.get("features").shape()).containsExactly(5, 3);
            assertThat(r.get("labels").shape()).containsExactly(5, 5);
            assertThat(r.get("valid").type()).isEqualTo(NpyType.BOOL);
            assertThat(r.get("timestamps").type()).isEqualTo(NpyType.FLOAT64);
        }
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void extrasAreOptional() throws IOException {
        Path file = dir.resolve("plain.npz");
        FeatureFile.write(file, sequence(), FeatureFile.Extras.NONE);
        FeatureFile.Contents c = FeatureFile.readContents(file);
        assertThat(c.extras()).isEqualTo(FeatureFile.Extras.NONE);
        assertThat(c.extras().faceBoxes()).isNull();
        try (NpzReader r = NpzArchive.open(file)) {
            assertThat(r.contains("face_boxes")).isFalse();
        }
    }

    @Test
    void readsAFileWrittenWithNumpyAlone() throws IOException {
        FeatureFile.Contents c = FeatureFile.readContents(IoFixtures.numpyFeatureFile(dir));
        AffectSequence s = c.sequence();
        assertThat(s.id()).isEqualTo("py_video");
        assertThat(s.subject()).isEqualTo("S07");
        assertThat(s.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
        assertThat(s.length()).isEqualTo(4);
        assertThat(s.featureSize()).isEqualTo(3);
        assertThat(s.isValid(2)).isFalse();
        assertThat(s.features(3)).containsExactly(2.25f, 2.5f, 2.75f);
        assertThat(s.pseudoLabels(0)).containsExactly(0.1f, -0.2f);
        assertThat(s.label(0, 0)).isEqualTo(0.5f);
        assertThat(s.label(0, 1)).isNaN();
        assertThat(s.labels(3)).containsExactly(-1f, 1f);
        assertThat(s.seconds(1)).isEqualTo(1 / 30.0);
        assertThat(c.extras().backbone()).isEqualTo("numpy-test");
        assertThat(c.extras().faceBoxes()).hasSize(20);
        assertThat(c.extras().faceBoxes()[10]).isNaN();
        assertThat(FeatureFile.readLength(IoFixtures.numpyFeatureFile(dir))).isEqualTo(4);
    }

    @Test
    void readLengthReadsOnlyTheValidHeader() throws IOException {
        Path file = writeSample("l.npz");
        byte[] bytes = Files.readAllBytes(file);
        int at = IoFixtures.indexOf(bytes, "features.npy".getBytes(StandardCharsets.US_ASCII));
        int magic = IoFixtures.indexOf(Arrays.copyOfRange(bytes, at, bytes.length),
                new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}) + at;
        bytes[magic + 128 + 5] ^= 0x40; // inside the feature data
        Files.write(file, bytes);
        assertThat(FeatureFile.readLength(file)).isEqualTo(5);
        assertThatThrownBy(() -> FeatureFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("'features.npy'");
    }

    @Test
    void wrongShapesAndTypesNameTheEntry() throws IOException {
        assertRejected(replaced("features", NpyArray.ofFloats(new int[] {4, 3}, new float[12])),
                "'features.npy'", "(4, 3)", "(5, dx)");
        assertRejected(replaced("features", NpyArray.ofFloats(new int[] {5, 0}, new float[0])),
                "'features.npy'", "dx >= 1");
        assertRejected(replaced("pseudo_labels", NpyArray.ofFloats(new int[] {5, 2}, new float[10])),
                "'pseudo_labels.npy'", "(5, 5)");
        assertRejected(replaced("labels", NpyArray.ofDoubles(new int[] {5, 5}, new double[25])),
                "'labels.npy'", "'<f8'");
        assertRejected(replaced("valid", NpyArray.ofInts(new int[] {5}, new int[5])), "'valid.npy'", "'|b1'");
        assertRejected(replaced("timestamps", NpyArray.ofDoubles(new int[] {5, 1}, new double[5])),
                "'timestamps.npy'");
        assertRejected(replaced("face_boxes", NpyArray.ofFloats(new int[] {5, 4}, new float[20])),
                "'face_boxes.npy'", "(5, 5)");
        assertRejected(replaced("valid", NpyArray.ofBooleans(new int[] {0}, new boolean[0])),
                "'valid.npy'", "T >= 1 frames");
    }

    @Test
    void missingAndUnknownEntriesAreRejected() throws IOException {
        Map<String, NpyArray> drop = new LinkedHashMap<>();
        drop.put("labels", null);
        assertRejected(rewritten(m -> { }, drop), "lacks the entry 'labels.npy'");
        assertRejected(replaced("extra", NpyArray.ofFloats(new int[] {1}, new float[1])),
                "unknown entry 'extra.npy'");
    }

    @Test
    void metadataIsCheckedStrictly() throws IOException {
        assertRejected(rewritten(m -> m.put("formatVersion", 3), Map.of()),
                "format version 3 is not supported; this SDK reads 1 to 2");
        assertRejected(rewritten(m -> m.put("format", "affective-process-model"), Map.of()), "field 'format'");
        assertRejected(rewritten(m -> m.put("fps", 30), Map.of()), "field 'fps'", "not a known field");
        assertRejected(rewritten(m -> m.remove("id"), Map.of()), "field 'id'", "missing");
        assertRejected(rewritten(m -> ((ObjectNode) m.get("labelSpace")).put("kind", "AU"), Map.of()),
                "field 'labelSpace.kind'", "'AU'");
        assertRejected(rewritten(m -> ((ObjectNode) m.get("labelSpace")).put("rawMax", -5), Map.of()),
                "field 'labelSpace'", "raw range");
        // subject and backbone are optional
        AffectSequence noSubject = FeatureFile.read(rewritten(m -> {
            m.remove("subject");
            m.remove("backbone");
        }, Map.of()));
        assertThat(noSubject.subject()).isEqualTo("F001_T1");
    }

    @Test
    void badValuesNameTheEntryAndFrame() throws IOException {
        float[] f = new float[15];
        f[2 * 3 + 1] = NAN; // frame 2 is invalid: ignored
        assertThat(FeatureFile.read(replaced("features", NpyArray.ofFloats(new int[] {5, 3}, f))).feature(2, 1))
                .isZero();
        f[3 * 3 + 2] = Float.POSITIVE_INFINITY;
        assertRejected(replaced("features", NpyArray.ofFloats(new int[] {5, 3}, f)),
                "'features.npy' frame 3, column 2", "Infinity");
        float[] y = new float[25];
        y[7] = Float.NEGATIVE_INFINITY;
        assertRejected(replaced("labels", NpyArray.ofFloats(new int[] {5, 5}, y)), "'labels.npy' frame 1");
        y[7] = 5f;
        assertRejected(replaced("labels", NpyArray.ofFloats(new int[] {5, 5}, y)), "'labels.npy' frame 1, column 2",
                "5.0, outside [-1, 1]");
        y[7] = 0;
        y[2 * 5 + 1] = 5f; // frame 2 is invalid: its labels are ignored
        assertThat(FeatureFile.read(replaced("labels", NpyArray.ofFloats(new int[] {5, 5}, y))).label(2, 1)).isNaN();
        float[] p = new float[25];
        p[3 * 5 + 4] = 3.4e38f;
        assertRejected(replaced("pseudo_labels", NpyArray.ofFloats(new int[] {5, 5}, p)),
                "'pseudo_labels.npy' frame 3, column 4", "outside [-1, 1]");
        assertRejected(replaced("timestamps", NpyArray.ofDoubles(new int[] {5}, new double[] {0, 1, 2, 1.5, 3})),
                "'timestamps.npy'", "backwards at frame 3");
        assertRejected(replaced("timestamps", NpyArray.ofDoubles(new int[] {5},
                new double[] {0, 1, Double.NaN, 3, 4})), "'timestamps.npy' frame 2");
    }

    @Test
    void alteredContentWithARecomputedCrcFailsItsChecksum() throws IOException {
        Path file = writeSample("c.npz");
        Map<String, byte[]> entries = IoFixtures.entries(file);
        byte[] features = entries.get("features.npy");
        features[features.length - 3] ^= 0x01; // one bit of the last feature value
        Path altered = dir.resolve("altered.npz");
        IoFixtures.writeZip(altered, entries);
        assertRejected(altered, "'features.npy'", "SHA-256", NpzArchive.CHECKSUMS);
        byte[] meta = entries.get("meta.json");
        features[features.length - 3] ^= 0x01;
        meta[IoFixtures.indexOf(meta, "F001\"".getBytes(StandardCharsets.US_ASCII)) + 3] = '2'; // subject F001 -> F002
        IoFixtures.writeZip(altered, entries);
        assertRejected(altered, "'meta.json'", "SHA-256");
        entries.remove(NpzArchive.CHECKSUMS);
        IoFixtures.writeZip(altered, entries);
        assertRejected(altered, "has no entry 'checksums.sha256', which format version 2 requires");
    }

    @Test
    void versionOneFilesWithoutChecksumsAreStillRead() throws IOException {
        Path v1 = IoFixtures.numpyFeatureFile(dir);
        try (NpzReader r = NpzArchive.open(v1)) {
            assertThat(r.hasChecksums()).isFalse();
        }
        assertThat(FeatureFile.read(v1).length()).isEqualTo(4);
        // a version-2 file without its checksums was altered
        Path v2 = dir.resolve("v2-without.npz");
        try (NpzReader r = NpzArchive.open(v1); NpzWriter w = NpzArchive.create(v2)) {
            w.putText(FeatureFile.META, r.text(FeatureFile.META).replace("\"formatVersion\": 1", "\"formatVersion\": 2"));
            for (String name : r.names()) {
                w.put(name, r.get(name));
            }
            w.commit();
        }
        assertRejected(v2, "has no entry 'checksums.sha256', which format version 2 requires");
    }

    @Test
    void aDeflateBombIsRejectedWithoutInflatingIt() throws IOException {
        // 5 valid frames, but features announce 1,000,000 x 100 floats: 400 MB of deflated zeros
        Path src = writeSample("src.npz");
        Map<String, byte[]> entries = IoFixtures.entries(src);
        Path file = dir.resolve("bomb.npz");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (e.getKey().equals("features.npy")) {
                    IoFixtures.putDeflatedZeros(out, e.getKey(), new int[] {1_000_000, 100});
                } else if (!e.getKey().equals(NpzArchive.CHECKSUMS)) {
                    out.putNextEntry(new ZipEntry(e.getKey()));
                    out.write(e.getKey().equals("meta.json")
                            ? new String(e.getValue(), StandardCharsets.UTF_8).replace("\"formatVersion\" : 2",
                                    "\"formatVersion\" : 1").getBytes(StandardCharsets.UTF_8) : e.getValue());
                    out.closeEntry();
                }
            }
        }
        assertThat(Files.size(file)).isLessThan(1_000_000);
        FeatureFile.read(src); // loads the reader's classes, so that only the bomb's reading is counted
        long before = Allocation.ofCurrentThread();
        assertRejected(file, "'features.npy'", "(1000000, 100)", "'valid.npy' has 5 frames");
        assertThat(Allocation.ofCurrentThread() - before).as("bytes allocated").isLessThan(16L << 20);
    }

    @Test
    void aConsistentBombWithOneInconsistentEntryIsRejectedBeforeItIsInflated() throws IOException {
        // valid and features agree on 250,000 frames (100 MB of deflated features), pseudo-labels do not
        Path src = writeSample("src.npz");
        Map<String, byte[]> entries = IoFixtures.entries(src);
        Path file = dir.resolve("bomb2.npz");
        int t = 250_000;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("meta.json"));
            out.write(new String(entries.get("meta.json"), StandardCharsets.UTF_8)
                    .replace("\"formatVersion\" : 2", "\"formatVersion\" : 1").getBytes(StandardCharsets.UTF_8));
            IoFixtures.putDeflatedZeros(out, "features.npy", new int[] {t, 100});
            out.putNextEntry(new ZipEntry("valid.npy"));
            out.write(Npy.toBytes(NpyArray.ofBooleans(new int[] {t}, new boolean[t])));
            for (String name : List.of("pseudo_labels.npy", "labels.npy", "timestamps.npy")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(entries.get(name));
            }
        }
        FeatureFile.read(src); // loads the reader's classes, so that only the bomb's reading is counted
        long before = Allocation.ofCurrentThread();
        assertRejected(file, "'pseudo_labels.npy' holds '<f4' (5, 5); expected '<f4' (250000, 5)");
        assertThat(Allocation.ofCurrentThread() - before).as("bytes allocated").isLessThan(16L << 20);
    }

    @Test
    void anInterruptedWriteLeavesNothing() throws IOException {
        assertThatThrownBy(() -> FeatureFile.write(dir.resolve("none").resolve("x.npz"), sequence(),
                FeatureFile.Extras.NONE)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> FeatureFile.write(dir.resolve("x.npz"), sequence(),
                new FeatureFile.Extras(null, new float[7]))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("25 face-box values");
        assertThat(listing()).isEmpty();
    }

    @Test
    void extrasAreImmutableValues() {
        float[] b = boxes();
        FeatureFile.Extras e = new FeatureFile.Extras("x", b);
        b[0] = -1;
        e.faceBoxes()[1] = -1;
        assertThat(e.faceBoxes()).isEqualTo(boxes());
        assertThat(e).isEqualTo(new FeatureFile.Extras("x", boxes())).hasSameHashCodeAs(
                new FeatureFile.Extras("x", boxes()));
        assertThat(FeatureFile.Extras.backbone("y").faceBoxes()).isNull();
    }

    private Path replaced(String name, NpyArray array) throws IOException {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put(name, array);
        return rewritten(x -> { }, m);
    }

    private Path rewritten(Consumer<ObjectNode> editMeta, Map<String, NpyArray> arrays) throws IOException {
        Path src = dir.resolve("src.npz");
        if (!Files.exists(src)) {
            writeSample("src.npz");
        }
        Path bad = dir.resolve("bad.npz");
        IoFixtures.rewrite(src, bad, "meta.json", editMeta, arrays);
        return bad;
    }

    private static void assertRejected(Path file, String... parts) {
        var a = assertThatThrownBy(() -> FeatureFile.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(file.getFileName().toString());
        for (String p : parts) {
            a.hasMessageContaining(p);
        }
    }
}
