package org.affectiveprocesses.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.InvalidSequenceException;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * The per-video feature file, format version 1: an {@code .npz} archive holding one
 * {@link AffectSequence} (T frames, dx features, dy label dimensions), writable with numpy alone.
 *
 * <h2>Entries</h2>
 *
 * <ul>
 *   <li>{@code meta.json}: UTF-8 JSON object with {@code format} (the string {@code
 *       "affective-process-features"}), {@code formatVersion} (the integer 1), {@code id} (the
 *       sequence's name), {@code subject} (optional; the person shown, defaults to the id),
 *       {@code labelSpace} ({@code name}, {@code kind} — {@code VALENCE_AROUSAL},
 *       {@code ACTION_UNITS} or {@code CUSTOM} —, {@code dimensions}, {@code rawMin},
 *       {@code rawMax}, as in the model file) and {@code backbone} (optional free text naming the
 *       feature extractor); no other fields;
 *   <li>{@code features.npy}: {@code '<f4'} {@code [T, dx]}, the backbone features; values of
 *       invalid frames are ignored (written as 0);
 *   <li>{@code pseudo_labels.npy}: {@code '<f4'} {@code [T, dy]}, the backbone's per-frame
 *       predictions, normalised to [-1, 1]; values of invalid frames are ignored (written as 0);
 *   <li>{@code labels.npy}: {@code '<f4'} {@code [T, dy]}, the normalised ground truth,
 *       {@code NaN} where missing; ignored on invalid frames (written as {@code NaN});
 *   <li>{@code valid.npy}: {@code '|b1'} {@code [T]}, false where no face was found;
 *   <li>{@code timestamps.npy}: {@code '<f8'} {@code [T]}, seconds, finite and non-decreasing;
 *   <li>{@code face_boxes.npy} (optional): {@code '<f4'} {@code [T, 5]}, per frame x, y, width,
 *       height and detector confidence; a row of {@code NaN} where no face was found.
 * </ul>
 *
 * T and dx must be at least 1 and dy must equal the label space's size. Valid frames need finite
 * features and pseudo-labels; labels may be {@code NaN} but not infinite. Any deviation, a
 * missing or unknown entry, or a wrong dtype or shape raises a {@link ModelFormatException}
 * naming the file and the entry. Writing is atomic. The format is also described, with a numpy
 * example, in {@code docs/FEATURE-FORMAT.md}.
 */
public final class FeatureFile {
    /** The value of the metadata's {@code format} field. */
    public static final String FORMAT = "affective-process-features";
    /** The format version this SDK writes and reads. */
    public static final int FORMAT_VERSION = 1;
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
            NpzArchive.entryOf(TIMESTAMPS), NpzArchive.entryOf(FACE_BOXES));

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
     * Writes a sequence atomically.
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
        try (NpzWriter w = NpzArchive.create(file)) {
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
                if (!entry.startsWith(FACE_BOXES) && !r.containsEntry(entry)) {
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
            int dy = space.size();

            boolean[] valid = array(r, VALID, NpyType.BOOL, -1, -1).toBooleans();
            int t = valid.length;
            if (t == 0) {
                throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(VALID) + "' has no frames");
            }
            NpyArray featureArray = array(r, FEATURES, NpyType.FLOAT32, t, -1);
            int dx = featureArray.rank() == 2 ? featureArray.dim(1) : 0;
            if (dx < 1) {
                throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(FEATURES)
                        + "' needs at least one feature per frame");
            }
            float[] features = featureArray.floatData(NpyType.FLOAT32);
            float[] pseudo = array(r, PSEUDO_LABELS, NpyType.FLOAT32, t, dy).floatData(NpyType.FLOAT32);
            float[] labels = array(r, LABELS, NpyType.FLOAT32, t, dy).floatData(NpyType.FLOAT32);
            double[] times = array(r, TIMESTAMPS, NpyType.FLOAT64, t, -1).toDoubles();
            float[] boxes = null;
            if (r.contains(FACE_BOXES)) {
                boxes = array(r, FACE_BOXES, NpyType.FLOAT32, t, FACE_BOX_SIZE).floatData(NpyType.FLOAT32);
                check(file, FACE_BOXES, boxes, FACE_BOX_SIZE, null, true);
            }
            check(file, FEATURES, features, dx, valid, false);
            check(file, PSEUDO_LABELS, pseudo, dy, valid, false);
            check(file, LABELS, labels, dy, null, true);
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
        Json.Fields m = Json.parse(r.text(META), r.file(), META);
        String format = m.text("format");
        if (!FORMAT.equals(format)) {
            throw m.fail("format", "is '" + format + "', expected '" + FORMAT + "'");
        }
        m.requireFormatVersion(FORMAT_VERSION);
        m.only("format", "formatVersion", "id", "subject", "labelSpace", "backbone");
        return m;
    }

    /**
     * Reads an array and checks its type and shape: {@code [rows]} when {@code cols < 0} and
     * {@code rows >= 0} with rank 1 expected for 1-d entries, else {@code [rows, cols]}; a
     * negative {@code rows} accepts any length, a negative {@code cols} any width.
     */
    private static NpyArray array(NpzReader r, String name, NpyType type, int rows, int cols)
            throws IOException {
        NpyArray a = r.get(name);
        boolean twoD = !name.equals(VALID) && !name.equals(TIMESTAMPS);
        boolean ok = a.type() == type && a.rank() == (twoD ? 2 : 1)
                && (rows < 0 || a.dim(0) == rows) && (!twoD || cols < 0 || a.dim(1) == cols);
        if (!ok) {
            String want = twoD ? "(" + (rows < 0 ? "T" : rows) + ", " + (cols < 0 ? "dx" : cols) + ")"
                    : "(" + (rows < 0 ? "T" : rows) + ",)";
            throw new ModelFormatException(r.file(), "entry '" + NpzArchive.entryOf(name) + "' holds '"
                    + a.type().descr() + "' " + Npy.shapeRepr(a.shape()) + "; expected '" + type.descr()
                    + "' " + want);
        }
        return a;
    }

    /**
     * Checks the values of a [T, width] array: finite on valid frames (or everywhere when
     * {@code valid} is null), or, with {@code nanAllowed}, at least not infinite.
     */
    private static void check(Path file, String name, float[] v, int width, boolean[] valid,
            boolean nanAllowed) throws ModelFormatException {
        for (int i = 0; i < v.length; i++) {
            int frame = i / width;
            if (valid != null && !valid[frame]) {
                continue;
            }
            if (nanAllowed ? Float.isInfinite(v[i]) : !Float.isFinite(v[i])) {
                throw new ModelFormatException(file, "entry '" + NpzArchive.entryOf(name) + "' frame "
                        + frame + ", column " + i % width + " is " + v[i]
                        + (nanAllowed ? "" : " on a valid frame"));
            }
        }
    }
}
