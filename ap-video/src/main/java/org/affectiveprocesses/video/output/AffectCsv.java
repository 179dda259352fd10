package org.affectiveprocesses.video.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.io.PendingFile;
import org.affectiveprocesses.video.FrameAffect;

/**
 * A per-frame CSV a person can open (UTF-8, comma-separated, one header line, one line per frame,
 * numbers with a dot). Columns: {@code frame, seconds, face_found, face_id, face_x, face_y,
 * face_width, face_height, detector_confidence}, the backbone's estimate per label dimension
 * (e.g. {@code valence, arousal}), one {@code p_<class>} column per emotion class when the
 * backbone gives class probabilities, and, with an Affective Process, {@code ap_<dim>_mean,
 * ap_<dim>_std} per dimension. Cells are empty where there is no value (no face, no prediction).
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
    private final boolean withProcess;
    private boolean committed;

    private AffectCsv(PendingFile file, BufferedWriter out, LabelSpace space, String emotionOutput,
            int emotions, boolean withProcess) {
        this.file = file;
        this.out = out;
        this.space = space;
        this.emotionOutput = emotionOutput;
        this.emotions = emotions;
        this.withProcess = withProcess;
    }

    /**
     * Starts a CSV and writes its header.
     *
     * @param target the CSV file to create or replace
     * @param space the label space of the estimates
     * @param emotionOutput the backbone output holding class probabilities (e.g. {@code "emotion"})
     * @param emotionLabels its class names, in order (empty for none)
     * @param withProcess whether Affective Process columns are written
     * @throws IOException if the temporary file cannot be created
     */
    public static AffectCsv create(Path target, LabelSpace space, String emotionOutput, List<String> emotionLabels,
            boolean withProcess) throws IOException {
        PendingFile file = PendingFile.create(target);
        BufferedWriter w = null;
        try {
            w = new BufferedWriter(new OutputStreamWriter(file.outputStream(), StandardCharsets.UTF_8));
            AffectCsv csv = new AffectCsv(file, w, space, emotionOutput, emotionLabels.size(), withProcess);
            List<String> header = new ArrayList<>(List.of("frame", "seconds", "face_found", "face_id", "face_x",
                    "face_y", "face_width", "face_height", "detector_confidence"));
            header.addAll(space.dimensions());
            for (String e : emotionLabels) {
                header.add("p_" + e);
            }
            if (withProcess) {
                for (String d : space.dimensions()) {
                    header.add("ap_" + d + "_mean");
                    header.add("ap_" + d + "_std");
                }
            }
            w.write(String.join(",", header));
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
     * Writes one frame's row.
     *
     * @param f the frame
     * @throws IOException if writing fails
     */
    public void write(FrameAffect f) throws IOException {
        StringBuilder row = new StringBuilder(160);
        row.append(f.frame()).append(',').append(fmt(f.seconds(), 6)).append(',').append(f.faceFound());
        if (f.faceFound()) {
            FaceBox b = f.face().orElseThrow();
            row.append(',').append(f.faceId()).append(',').append(fmt(b.x(), 1)).append(',').append(fmt(b.y(), 1))
                    .append(',').append(fmt(b.width(), 1)).append(',').append(fmt(b.height(), 1)).append(',')
                    .append(fmt(b.confidence(), 4));
        } else {
            row.append(",,,,,,");
        }
        for (int d = 0; d < space.size(); d++) {
            row.append(',').append(f.faceFound() ? fmt(f.pseudoLabel(d), 6) : "");
        }
        float[] p = emotions > 0 ? f.output(emotionOutput) : new float[0];
        for (int k = 0; k < emotions; k++) {
            row.append(',').append(k < p.length ? fmt(p[k], 6) : "");
        }
        if (withProcess) {
            for (int d = 0; d < space.size(); d++) {
                boolean has = f.hasPrediction();
                row.append(',').append(has ? fmt(f.mean(d), 6) : "").append(',').append(has ? fmt(f.std(d), 6) : "");
            }
        }
        out.write(row.toString());
        out.newLine();
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

    private static String fmt(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "";
    }
}
