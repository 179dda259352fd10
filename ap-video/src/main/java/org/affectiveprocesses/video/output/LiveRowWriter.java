package org.affectiveprocesses.video.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.video.FrameAffect;
import org.affectiveprocesses.video.LiveAffect;
import org.affectiveprocesses.video.LiveListener;
import org.affectiveprocesses.video.pose.HeadPose;

/**
 * Writes the rows of a {@link org.affectiveprocesses.video.LiveSession} as they come, as CSV (one
 * header line) or JSON lines (one object per line), each row whole and flushed at once, so a
 * session stopped at any moment (Ctrl-C) leaves every row written so far intact. Columns: {@code
 * frame} (from 1, as in {@link AffectCsv}), {@code face_id}, {@code timestamp}, {@code status}
 * ({@code provisional} or {@code settled}), {@code lag_frames}, {@code lag_seconds}, {@code
 * latency_ms} (the frame's arrival to this row), {@code success}, {@code confidence}, the face box,
 * the head pose, the backbone's estimate per dimension, the emotion probabilities, with smoothing
 * {@code smoothed_<dim>}, and with an Affective Process {@code ap_<dim>_mean, ap_<dim>_std}: the
 * columns of {@link AffectCsv} without the 136 landmark coordinates, plus the live ones. Empty CSV
 * cells and JSON {@code null} where there is no value. Thread-safe.
 */
public final class LiveRowWriter implements LiveListener, AutoCloseable {
    /** The output format. */
    public enum Format {
        /** Comma-separated values with a header line. */
        CSV,
        /** JSON lines: one object per row. */
        JSONL;

        /**
         * The format a file name's extension asks for: {@code .csv} or {@code .jsonl}/{@code .json}.
         *
         * @throws IllegalArgumentException for another extension
         */
        public static Format ofFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".jsonl") || n.endsWith(".json")) {
                return JSONL;
            }
            throw new IllegalArgumentException(name + ": the extension does not say the format; use .csv or .jsonl"
                    + " (or give the format)");
        }
    }

    private final Writer out;
    private final Format format;
    private final AffectCsv.Columns columns;
    private final List<String> names;
    private final boolean closeStream;
    private final JsonFactory json = new JsonFactory();
    private boolean closed;

    private LiveRowWriter(OutputStream stream, Format format, AffectCsv.Columns columns, boolean closeStream) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.format = format;
        this.columns = columns;
        this.names = names(columns);
        this.closeStream = closeStream;
    }

    /**
     * Starts writing rows; a CSV gets its header at once.
     *
     * @param stream where the rows go
     * @param format CSV or JSON lines
     * @param columns what the rows hold besides the fixed columns
     * @param closeStream whether {@link #close()} closes the stream (false for standard output)
     * @throws IOException if the header cannot be written
     */
    public static LiveRowWriter open(OutputStream stream, Format format, AffectCsv.Columns columns, boolean closeStream)
            throws IOException {
        LiveRowWriter w = new LiveRowWriter(stream, format, columns, closeStream);
        if (format == Format.CSV) {
            w.out.write(String.join(",", w.names));
            w.out.write('\n');
            w.out.flush();
        }
        return w;
    }

    private static List<String> names(AffectCsv.Columns c) {
        List<String> h = new ArrayList<>(List.of("frame", "face_id", "timestamp", "status", "lag_frames", "lag_seconds",
                "latency_ms", "success", "confidence", "face_x", "face_y", "face_width", "face_height", "pose_Tx",
                "pose_Ty", "pose_Tz", "pose_Rx", "pose_Ry", "pose_Rz"));
        List<String> all = c.names();
        h.addAll(all.subList(all.indexOf("face_height") + 1, all.size()));
        return h;
    }

    /** The column names, in order (the CSV header; the JSON keys). */
    public List<String> columnNames() {
        return names;
    }

    /** Writes a row and flushes it. */
    @Override
    public synchronized void onAffect(LiveAffect row) {
        if (closed) {
            throw new IllegalStateException("the live rows' output is closed");
        }
        List<Object> v = values(row);
        try {
            if (format == Format.CSV) {
                StringBuilder line = new StringBuilder(512);
                for (int i = 0; i < v.size(); i++) {
                    Object x = v.get(i);
                    if (x instanceof Cell cell) {
                        AffectCsv.cell(line, cell.value(), cell.decimals());
                    } else {
                        line.append(',').append(x == null ? "" : x);
                    }
                }
                out.append(line, 1, line.length());
            } else {
                StringWriter line = new StringWriter(512);
                try (JsonGenerator g = json.createGenerator(line)) {
                    g.writeStartObject();
                    for (int i = 0; i < v.size(); i++) {
                        g.writeFieldName(names.get(i));
                        Object x = v.get(i);
                        if (x instanceof Cell cell) {
                            if (Double.isFinite(cell.value())) {
                                StringBuilder number = new StringBuilder();
                                AffectCsv.cell(number, cell.value(), cell.decimals());
                                g.writeNumber(number.substring(1));
                            } else {
                                g.writeNull();
                            }
                        } else if (x instanceof Number n) {
                            g.writeNumber(n.longValue());
                        } else if (x == null) {
                            g.writeNull();
                        } else {
                            g.writeString(x.toString());
                        }
                    }
                    g.writeEndObject();
                }
                out.write(line.toString());
            }
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the live rows failed: " + e.getMessage(), e);
        }
    }

    /** A number written with a fixed number of decimals, or nothing when not finite. */
    private record Cell(double value, int decimals) {
    }

    private List<Object> values(LiveAffect row) {
        FrameAffect f = row.affect();
        LabelSpace space = columns.space();
        List<Object> v = new ArrayList<>(names.size());
        v.add(f.frame() + 1);
        v.add(f.faceFound() ? f.faceId() : null);
        v.add(new Cell(f.seconds(), 6));
        v.add(row.status().name().toLowerCase(Locale.ROOT));
        v.add(row.lagFrames());
        v.add(new Cell(row.lagSeconds(), 6));
        v.add(new Cell(row.latencyMillis(), 3));
        v.add(f.faceFound() ? 1 : 0);
        FaceBox b = f.face().orElse(null);
        v.add(new Cell(b == null ? Double.NaN : b.confidence(), 4));
        v.add(new Cell(b == null ? Double.NaN : b.x(), 1));
        v.add(new Cell(b == null ? Double.NaN : b.y(), 1));
        v.add(new Cell(b == null ? Double.NaN : b.width(), 1));
        v.add(new Cell(b == null ? Double.NaN : b.height(), 1));
        HeadPose p = f.headPose().orElse(null);
        double[] pose = p == null ? null : new double[] {p.tx(), p.ty(), p.tz(), p.rx(), p.ry(), p.rz()};
        for (int i = 0; i < 6; i++) {
            v.add(new Cell(pose == null ? Double.NaN : pose[i], i < 3 ? 1 : 4));
        }
        for (int d = 0; d < space.size(); d++) {
            v.add(new Cell(f.pseudoLabel(d), 6));
        }
        float[] probabilities = columns.emotionLabels().isEmpty() ? new float[0] : f.output(columns.emotionOutput());
        for (int k = 0; k < columns.emotionLabels().size(); k++) {
            v.add(new Cell(k < probabilities.length ? probabilities[k] : Double.NaN, 6));
        }
        if (columns.smoothed()) {
            for (int d = 0; d < space.size(); d++) {
                v.add(new Cell(f.isSmoothed() ? f.mean(d) : Double.NaN, 6));
            }
        }
        if (columns.withProcess()) {
            for (int d = 0; d < space.size(); d++) {
                v.add(new Cell(f.hasPrediction() ? f.mean(d) : Double.NaN, 6));
                v.add(new Cell(f.hasPrediction() ? f.std(d) : Double.NaN, 6));
            }
        }
        return v;
    }

    /** Flushes; closes the stream if this writer owns it. Later rows are refused. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.flush();
        if (closeStream) {
            out.close();
        }
    }
}
