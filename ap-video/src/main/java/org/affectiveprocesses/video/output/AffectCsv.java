package org.affectiveprocesses.video.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.io.PendingFile;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.FrameAffect;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;
import org.affectiveprocesses.video.pose.HeadPose;

/**
 * A per-face, per-frame CSV a person can open (UTF-8, comma-separated, one header line, numbers
 * with a dot), in OpenFace 2.2's multi-face layout: one row per frame per face, and one row with
 * {@code success} 0 for a frame in which no face was found. Columns named as OpenFace names them:
 * {@code frame} (1-based, as OpenFace counts), {@code face_id}, {@code timestamp} (seconds),
 * {@code confidence} (here the face detector's), {@code success}, {@code pose_Tx, pose_Ty, pose_Tz}
 * (mm), {@code pose_Rx, pose_Ry, pose_Rz} (radians), {@code x_0 … x_67}, {@code y_0 … y_67}
 * (landmarks in pixels); then {@code face_x, face_y, face_width, face_height} (the detector's box),
 * the backbone's estimate per label dimension (e.g. {@code valence, arousal}), one
 * {@code p_<class>} column per emotion class when the backbone gives class probabilities, with
 * smoothing {@code smoothed_<dim>} per dimension, and with an Affective Process
 * {@code ap_<dim>_mean, ap_<dim>_std} per dimension. Cells are empty where there is no value.
 *
 * <p>Rows go to a temporary file beside the target ({@link PendingFile}); {@link #commit()} moves
 * it into place atomically; closing without committing deletes it, so a failure leaves no partial
 * CSV. The target's directory must exist.
 */
public final class AffectCsv implements AutoCloseable {
    private final PendingFile file;
    private final BufferedWriter out;
    private final LabelSpace space;
    private final String emotionOutput;
    private final int emotions;
    private final boolean smoothed;
    private final boolean withProcess;
    private boolean committed;

    private AffectCsv(PendingFile file, BufferedWriter out, LabelSpace space, String emotionOutput,
            int emotions, boolean smoothed, boolean withProcess) {
        this.file = file;
        this.out = out;
        this.space = space;
        this.emotionOutput = emotionOutput;
        this.emotions = emotions;
        this.smoothed = smoothed;
        this.withProcess = withProcess;
    }

    /** What the CSV holds besides OpenFace's columns. */
    public record Columns(LabelSpace space, String emotionOutput, List<String> emotionLabels, boolean smoothed,
            boolean withProcess) {
        /** Copies the labels. */
        public Columns {
            emotionLabels = List.copyOf(emotionLabels);
        }

        /**
         * The columns of a recognizer's rows: the emotion probabilities of the face-expression
         * backbone, smoothing and Affective Process columns as the recognizer has them.
         */
        public static Columns of(AffectRecognizer recognizer) {
            boolean expression = recognizer.backbone() instanceof FaceExpressionBackbone;
            return new Columns(recognizer.labelSpace(), FaceExpressionBackbone.EMOTION_OUTPUT,
                    expression ? FaceExpressionBackbone.emotionLabels() : List.of(), recognizer.smooths(),
                    recognizer.hasProcess());
        }

        /** The header's column names. */
        public List<String> names() {
            List<String> h = new ArrayList<>(List.of("frame", "face_id", "timestamp", "confidence", "success",
                    "pose_Tx", "pose_Ty", "pose_Tz", "pose_Rx", "pose_Ry", "pose_Rz"));
            for (int i = 0; i < FaceLandmarks.COUNT; i++) {
                h.add("x_" + i);
            }
            for (int i = 0; i < FaceLandmarks.COUNT; i++) {
                h.add("y_" + i);
            }
            h.addAll(List.of("face_x", "face_y", "face_width", "face_height"));
            h.addAll(space.dimensions());
            for (String e : emotionLabels) {
                h.add("p_" + e);
            }
            if (smoothed) {
                for (String d : space.dimensions()) {
                    h.add("smoothed_" + d);
                }
            }
            if (withProcess) {
                for (String d : space.dimensions()) {
                    h.add("ap_" + d + "_mean");
                    h.add("ap_" + d + "_std");
                }
            }
            return h;
        }
    }

    /**
     * Starts a CSV and writes its header.
     *
     * @param target the CSV file to create or replace
     * @param columns what it holds besides OpenFace's columns
     * @throws IOException if the temporary file cannot be created
     */
    public static AffectCsv create(Path target, Columns columns) throws IOException {
        PendingFile file = PendingFile.create(target);
        BufferedWriter w = null;
        try {
            w = new BufferedWriter(new OutputStreamWriter(file.outputStream(), StandardCharsets.UTF_8));
            AffectCsv csv = new AffectCsv(file, w, columns.space(), columns.emotionOutput(),
                    columns.emotionLabels().size(), columns.smoothed(), columns.withProcess());
            w.write(String.join(",", columns.names()));
            w.newLine();
            return csv;
        } catch (IOException | RuntimeException e) {
            if (w != null) {
                w.close();
            }
            file.close();
            throw e;
        }
    }

    /**
     * Writes one row.
     *
     * @param f a face in a frame, or a frame without a face
     * @throws IOException if writing fails
     */
    public void write(FrameAffect f) throws IOException {
        StringBuilder row = new StringBuilder(2400);
        row.append(f.frame() + 1).append(',');
        if (f.faceFound()) {
            row.append(f.faceId());
        }
        cell(row, f.seconds(), 6);
        FaceBox b = f.face().orElse(null);
        cell(row, b == null ? Double.NaN : b.confidence(), 4);
        row.append(',').append(f.faceFound() ? 1 : 0);
        HeadPose p = f.headPose().orElse(null);
        double[] pose = p == null ? new double[6] : new double[] {p.tx(), p.ty(), p.tz(), p.rx(), p.ry(), p.rz()};
        for (int i = 0; i < 6; i++) {
            cell(row, p == null ? Double.NaN : pose[i], i < 3 ? 1 : 4);
        }
        FaceLandmarks l = f.landmarks().orElse(null);
        for (int axis = 0; axis < 2; axis++) {
            for (int i = 0; i < FaceLandmarks.COUNT; i++) {
                cell(row, l == null ? Double.NaN : axis == 0 ? l.x(i) : l.y(i), 1);
            }
        }
        cell(row, b == null ? Double.NaN : b.x(), 1);
        cell(row, b == null ? Double.NaN : b.y(), 1);
        cell(row, b == null ? Double.NaN : b.width(), 1);
        cell(row, b == null ? Double.NaN : b.height(), 1);
        for (int d = 0; d < space.size(); d++) {
            cell(row, f.pseudoLabel(d), 6);
        }
        float[] probabilities = emotions > 0 ? f.output(emotionOutput) : new float[0];
        for (int k = 0; k < emotions; k++) {
            cell(row, k < probabilities.length ? probabilities[k] : Double.NaN, 6);
        }
        if (smoothed) {
            for (int d = 0; d < space.size(); d++) {
                cell(row, f.isSmoothed() ? f.mean(d) : Double.NaN, 6);
            }
        }
        if (withProcess) {
            for (int d = 0; d < space.size(); d++) {
                cell(row, f.hasPrediction() ? f.mean(d) : Double.NaN, 6);
                cell(row, f.hasPrediction() ? f.std(d) : Double.NaN, 6);
            }
        }
        out.write(row.toString());
        out.newLine();
    }

    /**
     * Appends a comma and the value with a fixed number of decimals (rounded half away from zero),
     * or only the comma for a value that is not finite.
     */
    static void cell(StringBuilder row, double v, int decimals) {
        row.append(',');
        if (!Double.isFinite(v)) {
            return;
        }
        long scale = (long) Math.pow(10, decimals);
        long r = Math.round(Math.abs(v) * scale);
        if (v < 0 && r != 0) {
            row.append('-');
        }
        row.append(r / scale);
        if (decimals > 0) {
            String fraction = Long.toString(r % scale);
            row.append('.');
            for (int i = fraction.length(); i < decimals; i++) {
                row.append('0');
            }
            row.append(fraction);
        }
    }

    /**
     * Finishes the file and moves it into place.
     *
     * @throws IOException if flushing or moving fails (the temporary file is then deleted)
     */
    public void commit() throws IOException {
        out.close(); // flushes into the pending file, which stays open
        file.commit();
        committed = true;
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            file.close();
        }
    }
}
