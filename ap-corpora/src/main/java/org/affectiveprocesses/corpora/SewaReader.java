package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;

/**
 * Reads SEWA valence/arousal traces: one {@code .csv} (or {@code .txt}) file per video, a header
 * naming the columns, then one row per frame. Columns are separated by {@code ;} (as in the AVEC
 * releases: {@code name;timestamp;arousal;valence;liking}), a tab or {@code ,}, whichever the
 * header uses. The columns {@code valence} and {@code arousal} are required (any case, any order,
 * values in [-1, 1]; an empty field or {@code NaN} is missing); a {@code timestamp} or {@code
 * time} column in seconds, when present, must increase and makes the annotation timed (joined
 * with the video's frames by time); other columns are ignored. The subject is the video.
 */
final class SewaReader {
    private SewaReader() {
    }

    static List<Annotation> read(Path root) throws IOException {
        List<Annotation> out = new ArrayList<>();
        for (Path file : AnnotationFiles.list(root, n -> {
            String l = TextLines.lower(n);
            return l.endsWith(".csv") || l.endsWith(".txt");
        })) {
            out.add(readFile(root, file));
        }
        AnnotationFiles.requireDistinct(out);
        return out;
    }

    static Annotation readFile(Path root, Path file) throws IOException {
        TextLines lines = TextLines.read(file);
        if (lines.count() == 0) {
            throw new AnnotationFormatException(file, "is empty; expected a header naming the columns "
                    + "valence and arousal, then one row per frame");
        }
        String header = lines.line(1);
        String delimiter = header.contains(";") ? ";" : header.contains("\t") ? "\t" : ",";
        List<String> columns = Arrays.stream(header.split(java.util.regex.Pattern.quote(delimiter), -1))
                .map(c -> TextLines.lower(c.strip())).toList();
        int valence = columns.indexOf("valence");
        int arousal = columns.indexOf("arousal");
        int time = columns.indexOf("timestamp") >= 0 ? columns.indexOf("timestamp") : columns.indexOf("time");
        if (valence < 0 || arousal < 0) {
            throw lines.error(1, "names the columns " + columns + "; a SEWA trace needs columns named "
                    + "'valence' and 'arousal'");
        }
        int frames = lines.count() - 1;
        if (frames == 0) {
            throw new AnnotationFormatException(file, "has a header but no rows");
        }
        float[] labels = new float[frames * 2];
        double[] times = time >= 0 ? new double[frames] : null;
        int[] lineNumbers = new int[frames];
        String layout = String.join(delimiter, columns);
        for (int t = 0; t < frames; t++) {
            int n = t + 2;
            String[] f = lines.fields(n, delimiter, columns.size(), layout);
            labels[2 * t] = value(lines, n, f[valence], "valence");
            labels[2 * t + 1] = value(lines, n, f[arousal], "arousal");
            if (times != null) {
                times[t] = lines.number(n, f[time], columns.get(time));
                if (t > 0 && times[t] <= times[t - 1]) {
                    throw lines.error(n, columns.get(time) + " " + f[time] + " does not increase (the line before has "
                            + times[t - 1] + ")");
                }
            }
            lineNumbers[t] = n;
        }
        String video = AnnotationFiles.stem(file);
        return new Annotation(video, video, AnnotationFiles.folder(root, file), LabelSpace.valenceArousal(),
                labels, times, file, lineNumbers, null);
    }

    private static float value(TextLines lines, int n, String text, String field) throws AnnotationFormatException {
        if (text.isEmpty() || text.equalsIgnoreCase("nan")) {
            return Float.NaN;
        }
        double v = lines.number(n, text, field);
        if (v < -1 || v > 1) {
            throw lines.error(n, field + " " + text + " is outside [-1, 1]");
        }
        return (float) v;
    }
}
