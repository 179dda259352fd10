package org.affectiveprocesses.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.InvalidSequenceException;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * The per-video feature file, format version 2: an {@code .npz} archive holding one
 * {@link AffectSequence} (T frames, dx features, dy label dimensions), writable with numpy alone.
 *
 * <h2>Entries</h2>
 *
 * <ul>
 *   <li>{@code meta.json}: UTF-8 JSON object with {@code format} (the string {@code
 *       "affective-process-features"}), {@code formatVersion} (the integer 2; 1 is still read),
 *       {@code id} (the sequence's name), {@code subject} (optional; the person shown, defaults to
 *       the id), {@code labelSpace} ({@code name}, {@code kind} — {@code VALENCE_AROUSAL},
 *       {@code ACTION_UNITS} or {@code CUSTOM} —, {@code dimensions}, {@code rawMin},
 *       {@code rawMax}, as in the model file) and {@code backbone} (optional free text naming the
 *       feature extractor); no other fields; at most 1 MiB;
 *   <li>{@code features.npy}: {@code '<f4'} {@code [T, dx]}, the backbone features; values of
 *       invalid frames are ignored (written as 0);
 *   <li>{@code pseudo_labels.npy}: {@code '<f4'} {@code [T, dy]}, the backbone's per-frame
 *       predictions, normalised to [-1, 1]; values of invalid frames are ignored (written as 0);
 *   <li>{@code labels.npy}: {@code '<f4'} {@code [T, dy]}, the normalised ground truth in
 *       [-1, 1], {@code NaN} where missing; ignored on invalid frames (written as {@code NaN});
 *   <li>{@code valid.npy}: {@code '|b1'} {@code [T]}, false where no face was found;
 *   <li>{@code timestamps.npy}: {@code '<f8'} {@code [T]}, seconds, finite and non-decreasing;
 *   <li>{@code face_boxes.npy} (optional): {@code '<f4'} {@code [T, 5]}, per frame x, y, width,
 *       height and detector confidence; a row of {@code NaN} where no face was found;
 *   <li>{@code checksums.sha256} (version 2, last): the SHA-256 of every other entry, one line
 *       {@code <64 hex digits><two spaces><entry name>} each, in archive order.
 * </ul>
 *
 * T and dx must be at least 1 and dy must equal the label space's size. Valid frames need finite
 * features, pseudo-labels in [-1, 1] and labels in [-1, 1] or {@code NaN}. Any deviation, a
 * missing or unknown entry, a wrong dtype or shape, or content that does not match its checksum
 * raises a {@link ModelFormatException} naming the file and the entry. Every array's header is
 * checked against the others before any data is read, so a file cannot make the reader allocate
 * more than its arrays' consistent sizes. Writing is atomic. The format is also described, with a
 * numpy example, in {@code docs/FEATURE-FORMAT.md}.
 */
public final class FeatureFile {
    /** The value of the metadata's {@code format} field. */
    public static final String FORMAT = "affective-process-features";
    /** The format version this SDK writes. */
    public static final int FORMAT_VERSION = 2;
    /** The versions read: 1 and 2; version 2 files must carry checksums. */
    public static final FormatVersions VERSIONS = new FormatVersions(1, FORMAT_VERSION, 2);
    /** The largest metadata entry read. */
    public static final int MAX_META_BYTES = 1 << 20;
    /** The metadata entry. */
    public static final String META = "meta.json";
    /** Array name of the features. */
    public static final String FEATURES = "features";
    /** Array name of the pseudo-labels. */
    public static final String PSEUDO_LABELS = "pseudo_labels";
    /** Array name of the ground truth. */
    public static final String LABELS = "labels";
    /** Array name of the validity flags. */
    public static final String VALID = "valid";
    /** Array name of the timestamps. */
    public static final String TIMESTAMPS = "timestamps";
    /** Array name of the optional face boxes. */
    public static final String FACE_BOXES = "face_boxes";
    /** Values per face box: x, y, width, height, confidence. */
    public static final int FACE_BOX_SIZE = 5;

    private static final List<String> ENTRIES = List.of(META, NpzArchive.entryOf(FEATURES),
            NpzArchive.entryOf(PSEUDO_LABELS), NpzArchive.entryOf(LABELS), NpzArchive.entryOf(VALID),
            NpzArchive.entryOf(TIMESTAMPS), NpzArchive.entryOf(FACE_BOXES), NpzArchive.CHECKSUMS);
    private static final List<String> OPTIONAL = List.of(NpzArchive.entryOf(FACE_BOXES), NpzArchive.CHECKSUMS);

    private FeatureFile() {
    }

    /**
     * What a feature file holds besides the sequence.
     *
     * @param backbone free text naming the feature extractor, or null
     * @param faceBoxes row-major {@code [T, 5]} face boxes (x, y, width, height, confidence;
     *     {@code NaN} rows where no face was found), or null; copied in and out
     */
    public record Extras(String backbone, float[] faceBoxes) {
        /** No backbone name, no face boxes. */
        public static final Extras NONE = new Extras(null, null);

        /** Copies the face boxes. */
        public Extras {
            faceBoxes = faceBoxes == null ? null : faceBoxes.clone();
        }

        /**
         * Extras with only a backbone name.
         *
         * @param backbone free text naming the feature extractor
         */
        public static Extras backbone(String backbone) {
            return new Extras(backbone, null);
        }

        /** A copy of the face boxes, or null. */
        @Override
        public float[] faceBoxes() {
            return faceBoxes == null ? null : faceBoxes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Extras e && Objects.equals(backbone, e.backbone)
                    && Arrays.equals(faceBoxes, e.faceBoxes);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(backbone) * 31 + Arrays.hashCode(faceBoxes);
        }

        @Override
        public String toString() {
            return "Extras[backbone=" + backbone + ", faceBoxes=" + (faceBoxes == null ? "none"
                    : faceBoxes.length / FACE_BOX_SIZE + " rows") + "]";
        }
    }

    /**
     * A feature file's complete contents.
     *
     * @param sequence the sequence
     * @param extras the backbone name and face boxes
     */
    public record Contents(AffectSequence sequence, Extras extras) {
        /** Validates. */
        public Contents {
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(extras, "extras");
        }
    }

    /**
     * Writes a sequence atomically, in format version 2 (with checksums).
     *
     * @param file the file to create or replace
     * @param sequence the sequence
     * @param extras the backbone name and optional face boxes ({@link Extras#NONE} for none)
     * @throws IllegalArgumentException if the face boxes are not {@code T * 5} values
     * @throws IOException if writing fails (no file and no temporary file remain)
     */
    public static void write(Path file, AffectSequence sequence, Extras extras) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(extras, "extras");
        int t = sequence.length();
        int dx = sequence.featureSize();
        int dy = sequence.labelSize();
        float[] boxes = extras.faceBoxes;
        if (boxes != null && boxes.length != t * FACE_BOX_SIZE) {
            throw new IllegalArgumentException("sequence '" + sequence.id() + "' has " + t + " frames, so "
                    + t * FACE_BOX_SIZE + " face-box values are needed, got " + boxes.length);
        }
        float[] features = new float[t * dx];
        float[] pseudo = new float[t * dy];
        float[] labels = new float[t * dy];
        boolean[] valid = new boolean[t];
        double[] times = new double[t];
        for (int i = 0; i < t; i++) {
            valid[i] = sequence.isValid(i);
            times[i] = sequence.seconds(i);
            if (valid[i]) {
                sequence.copyFeatures(i, features, i * dx);
                System.arraycopy(sequence.pseudoLabels(i), 0, pseudo, i * dy, dy);
                System.arraycopy(sequence.labels(i), 0, labels, i * dy, dy);
            } else {
                Arrays.fill(labels, i * dy, (i + 1) * dy, Float.NaN);
            }
        }
        ObjectNode meta = Json.object();
        meta.put("format", FORMAT);
        meta.put("formatVersion", FORMAT_VERSION);
        meta.put("id", sequence.id());
        meta.put("subject", sequence.subject());
        meta.set("labelSpace", Json.labelSpace(sequence.labelSpace()));
        if (extras.backbone() != null) {
            meta.put("backbone", extras.backbone());
        }
        try (NpzWriter w = NpzArchive.createWithChecksums(file)) {
            w.putText(META, Json.write(meta));
            w.put(FEATURES, NpyArray.wrapFloats(new int[] {t, dx}, features));
            w.put(PSEUDO_LABELS, NpyArray.wrapFloats(new int[] {t, dy}, pseudo));
            w.put(LABELS, NpyArray.wrapFloats(new int[] {t, dy}, labels));
            w.put(VALID, NpyArray.wrapBooleans(new int[] {t}, valid));
            w.put(TIMESTAMPS, NpyArray.wrapDoubles(new int[] {t}, times));
            if (boxes != null) {
                w.put(FACE_BOXES, NpyArray.wrapFloats(new int[] {t, FACE_BOX_SIZE}, boxes));
            }
            w.commit();
        }
    }

    /**
     * Reads the sequence of a feature file.
     *
     * @param file the feature file
     * @return the sequence
     * @throws ModelFormatException if the file is not a valid version-1 feature file
     * @throws IOException if reading fails
     */
    public static AffectSequence read(Path file) throws IOException {
        return readContents(file).sequence();
    }

    /**
     * Reads the sequence and the extras of a feature file.
     *
     * @param file the feature file
     * @return the sequence, backbone name and face boxes
     * @throws ModelFormatException if the file is not a valid version-1 feature file
     * @throws IOException if reading fails
     */
    public static Contents readContents(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (NpzReader r = NpzArchive.open(file)) {
            for (String entry : r.entryNames()) {
                if (!ENTRIES.contains(entry)) {
                    throw new ModelFormatException(file, "holds the unknown entry '" + entry
                            + "'; a feature file holds only " + ENTRIES);
                }
            }
            for (String entry : ENTRIES) {
                if (!OPTIONAL.contains(entry) && !r.containsEntry(entry)) {
                    throw new ModelFormatException(file, "lacks the entry '" + entry + "'");
                }
            }
            Json.Fields meta = meta(r);
            String id = meta.text("id");
            String subject = meta.optionalText("subject");
            String backbone = meta.optionalText("backbone");
            LabelSpace space = Json.labelSpace(meta.object("labelSpace"));
            if (id.isBlank()) {
                throw meta.fail("id", "must not be empty");
            }
            Shapes shapes = Shapes.of(r, space.size());
            int t = shapes.frames;
            int dx = shapes.featureSize;
            boolean[] valid = r.get(VALID, shapes.header(VALID)).toBooleans();
            float[] features = r.get(FEATURES, shapes.header(FEATURES)).floatData(NpyType.FLOAT32);
            float[] pseudo = r.get(PSEUDO_LABELS, shapes.header(PSEUDO_LABELS)).floatData(NpyType.FLOAT32);
            float[] labels = r.get(LABELS, shapes.header(LABELS)).floatData(NpyType.FLOAT32);
            double[] times = r.get(TIMESTAMPS, shapes.header(TIMESTAMPS)).toDoubles();
            float[] boxes = null;
            if (r.contains(FACE_BOXES)) {
                boxes = r.get(FACE_BOXES, shapes.header(FACE_BOXES)).floatData(NpyType.FLOAT32);
                check(file, FACE_BOXES, boxes, FACE_BOX_SIZE, null, Check.NOT_INFINITE);
            }
            check(file, FEATURES, features, dx, valid, Check.FINITE);
            check(file, PSEUDO_LABELS, pseudo, space.size(), valid, Check.NORMALISED);
            check(file, LABELS, labels, space.size(), valid, Check.NORMALISED_OR_MISSING);
            for (int i = 0; i < t; i++) {
                if (!Double.isFinite(times[i])) {
                    throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(TIMESTAMPS)
                            + "' frame " + i + " is " + times[i]);
                }
                if (i > 0 && times[i] < times[i - 1]) {
                    throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(TIMESTAMPS)
                            + "' goes backwards at frame " + i + " (" + times[i - 1] + " s then " + times[i] + " s)");
                }
            }
            int dy = space.size();
            AffectSequence sequence;
            try {
                AffectSequence.Builder b = AffectSequence.builder(id, space, dx).subject(subject);
                for (int i = 0; i < t; i++) {
                    if (valid[i]) {
                        b.addFrame(times[i], Arrays.copyOfRange(features, i * dx, (i + 1) * dx),
                                Arrays.copyOfRange(pseudo, i * dy, (i + 1) * dy),
                                Arrays.copyOfRange(labels, i * dy, (i + 1) * dy));
                    } else {
                        b.addInvalidFrame(times[i]);
                    }
                }
                sequence = b.build();
            } catch (InvalidSequenceException e) {
                throw new ModelFormatException(file, "holds an unusable sequence: " + e.getMessage(), e);
            }
            return new Contents(sequence, new Extras(backbone, boxes));
        }
    }

    /**
     * The shapes of a feature file's arrays, read from their headers and checked against each
     * other (and the memory they need against the heap) before any data is read.
     */
    private record Shapes(int frames, int featureSize, Map<String, NpyHeader> headers) {
        static Shapes of(NpzReader r, int dy) throws IOException {
            NpyHeader valid = r.header(VALID);
            if (valid.type() != NpyType.BOOL || valid.shape().length != 1 || valid.shape()[0] < 1) {
                throw new ModelFormatException(r.file(), "entry '" + NpzArchive.entryOf(VALID) + "' holds " + valid
                        + "; expected '|b1' (T,) with T >= 1 frames");
            }
            int t = valid.shape()[0];
            NpyHeader features = r.header(FEATURES);
            int[] fs = features.shape();
            if (features.type() != NpyType.FLOAT32 || fs.length != 2 || fs[0] != t || fs[1] < 1) {
                throw new ModelFormatException(r.file(), "entry '" + NpzArchive.entryOf(FEATURES) + "' holds " + features
                        + "; expected '<f4' (" + t + ", dx) with dx >= 1, as '" + NpzArchive.entryOf(VALID)
                        + "' has " + t + " frames");
            }
            Map<String, NpyHeader> headers = new LinkedHashMap<>();
            headers.put(VALID, valid);
            headers.put(FEATURES, features);
            headers.put(PSEUDO_LABELS, new NpyHeader(NpyType.FLOAT32, new int[] {t, dy}));
            headers.put(LABELS, new NpyHeader(NpyType.FLOAT32, new int[] {t, dy}));
            headers.put(TIMESTAMPS, new NpyHeader(NpyType.FLOAT64, new int[] {t}));
            if (r.contains(FACE_BOXES)) {
                headers.put(FACE_BOXES, new NpyHeader(NpyType.FLOAT32, new int[] {t, FACE_BOX_SIZE}));
            }
            long arrays = 0;
            for (Map.Entry<String, NpyHeader> e : headers.entrySet()) {
                NpyHeader actual = r.header(e.getKey());
                if (!actual.equals(e.getValue())) {
                    throw new ModelFormatException(r.file(), "entry '" + NpzArchive.entryOf(e.getKey()) + "' holds "
                            + actual + "; expected " + e.getValue() + ", as '" + NpzArchive.entryOf(VALID) + "' has "
                            + t + " frames" + (e.getKey().equals(PSEUDO_LABELS) || e.getKey().equals(LABELS)
                                    ? " and the label space " + dy + " dimensions" : ""));
                }
                arrays += actual.dataBytes();
            }
            long needed = 2 * arrays; // the arrays as read, and the sequence's copy of them
            long heap = Runtime.getRuntime().maxMemory();
            if (needed > heap) {
                throw new ModelFormatException(r.file(), "holds " + t + " frames of " + fs[1] + " features, which need "
                        + (needed >> 20) + " MiB to read, more than this JVM's maximum heap (" + (heap >> 20)
                        + " MiB; raise it with -Xmx)");
            }
            return new Shapes(t, fs[1], headers);
        }

        NpyHeader header(String name) {
            return headers.get(name);
        }
    }

    /**
     * The number of frames T of a feature file, read from the header of {@code valid.npy} only
     * (cheap: no data is read).
     *
     * @param file the feature file
     * @return T
     * @throws ModelFormatException if the file is not an archive or {@code valid.npy} is missing or
     *     not a 1-d boolean array
     * @throws IOException if reading fails
     */
    public static int readLength(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (NpzReader r = NpzArchive.open(file)) {
            if (!r.contains(VALID)) {
                throw new ModelFormatException(file, "lacks the entry '" + NpzArchive.entryOf(VALID)
                        + "'; it is not a feature file");
            }
            NpyHeader h = r.header(VALID);
            if (h.type() != NpyType.BOOL || h.shape().length != 1) {
                throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(VALID) + "' holds " + h
                        + "; expected '|b1' (T,)");
            }
            return h.shape()[0];
        }
    }

    /**
     * What a feature file describes, read from its metadata and array headers only.
     *
     * @param id the sequence's name
     * @param subject the person shown (the id when the file names none)
     * @param labelSpace the label space
     * @param frames the number of frames T
     * @param featureSize the feature size dx
     * @param backbone the feature extractor's name, or null
     */
    public record Header(String id, String subject, LabelSpace labelSpace, int frames, int featureSize,
            String backbone) {
        /** Validates. */
        public Header {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(labelSpace, "labelSpace");
        }
    }

    /**
     * Reads a feature file's metadata and the shapes of its frame arrays without reading frame
     * data (cheap: for indexing many files).
     *
     * @param file the feature file
     * @return the id, subject, label space, frame count, feature size and backbone name
     * @throws ModelFormatException if the metadata is invalid or {@code valid.npy} or {@code
     *     features.npy} is missing or of the wrong type or shape
     * @throws IOException if reading fails
     */
    public static Header readHeader(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (NpzReader r = NpzArchive.open(file)) {
            if (!r.containsEntry(META)) {
                throw new ModelFormatException(file, "lacks the entry '" + META + "'; it is not a feature file");
            }
            Json.Fields meta = meta(r);
            String id = meta.text("id");
            if (id.isBlank()) {
                throw meta.fail("id", "must not be empty");
            }
            String subject = meta.optionalText("subject");
            LabelSpace space = Json.labelSpace(meta.object("labelSpace"));
            for (String name : List.of(VALID, FEATURES)) {
                if (!r.contains(name)) {
                    throw new ModelFormatException(file, "lacks the entry '" + NpzArchive.entryOf(name) + "'");
                }
            }
            NpyHeader valid = r.header(VALID);
            NpyHeader features = r.header(FEATURES);
            boolean ok = valid.type() == NpyType.BOOL && valid.shape().length == 1 && valid.shape()[0] > 0
                    && features.type() == NpyType.FLOAT32 && features.shape().length == 2
                    && features.shape()[0] == valid.shape()[0] && features.shape()[1] > 0;
            if (!ok) {
                throw new ModelFormatException(file, "entries '" + NpzArchive.entryOf(VALID) + "' and '"
                        + NpzArchive.entryOf(FEATURES) + "' hold " + valid + " and " + features
                        + "; expected '|b1' (T,) and '<f4' (T, dx) with T, dx >= 1");
            }
            return new Header(id, subject == null ? id : subject, space, valid.shape()[0],
                    features.shape()[1], meta.optionalText("backbone"));
        }
    }

    private static Json.Fields meta(NpzReader r) throws IOException {
        Json.Fields m = Json.parse(r.text(META, MAX_META_BYTES), r.file(), META);
        String format = m.text("format");
        if (!FORMAT.equals(format)) {
            throw m.fail("format", "is '" + format + "', expected '" + FORMAT + "'");
        }
        VERSIONS.check(m, r);
        m.only("format", "formatVersion", "id", "subject", "labelSpace", "backbone");
        return m;
    }

    /** What the values of an array must be. */
    private enum Check {
        FINITE(""), NOT_INFINITE(""), NORMALISED(", outside [-1, 1]"),
        NORMALISED_OR_MISSING(", outside [-1, 1] (labels are normalised; NaN marks a missing one)");

        final String outOfRange;

        Check(String outOfRange) {
            this.outOfRange = outOfRange;
        }

        boolean accepts(float v) {
            return switch (this) {
                case FINITE -> Float.isFinite(v);
                case NOT_INFINITE -> !Float.isInfinite(v);
                case NORMALISED -> Math.abs(v) <= 1f;
                case NORMALISED_OR_MISSING -> Float.isNaN(v) || Math.abs(v) <= 1f;
            };
        }
    }

    /** Checks the values of a [T, width] array on valid frames (everywhere when {@code valid} is null). */
    private static void check(Path file, String name, float[] v, int width, boolean[] valid, Check rule)
            throws ModelFormatException {
        for (int i = 0; i < v.length; i++) {
            int frame = i / width;
            if ((valid == null || valid[frame]) && !rule.accepts(v[i])) {
                throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(name) + "' frame "
                        + frame + ", column " + i % width + " is " + v[i]
                        + (Float.isFinite(v[i]) ? rule.outOfRange : valid != null ? " on a valid frame" : ""));
            }
        }
    }
}
