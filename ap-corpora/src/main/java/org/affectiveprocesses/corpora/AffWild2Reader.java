package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;

/**
 * Reads Aff-Wild2 valence/arousal annotations: one text file per video ({@code <video>.txt}),
 * header {@code valence,arousal}, then one line {@code v,a} per frame with values in [-1, 1];
 * {@code -5} marks an unannotated value. The subject is the video.
 */
final class AffWild2Reader {
    /** The value Aff-Wild2 writes for an unannotated frame. */
    static final double MISSING = -5.0;
    private static final String HEADER = "valence,arousal";

    private AffWild2Reader() {
    }

    static List<Annotation> read(Path root) throws IOException {
        List<Annotation> out = new ArrayList<>();
        for (Path file : AnnotationFiles.list(root, n -> TextLines.lower(n).endsWith(".txt"))) {
            out.add(readFile(root, file));
        }
        AnnotationFiles.requireDistinct(out);
        return out;
    }

    static Annotation readFile(Path root, Path file) throws IOException {
        TextLines lines = TextLines.read(file);
        if (lines.count() == 0) {
            throw new AnnotationFormatException(file, "is empty; expected the header '" + HEADER
                    + "' and one line per frame");
        }
        String header = lines.line(1).replace(" ", "").replace("\t", "");
        if (!TextLines.lower(header).equals(HEADER)) {
            throw lines.error(1, "is '" + TextLines.clip(lines.line(1)) + "'; an Aff-Wild2 file starts with the header '"
                    + HEADER + "'");
        }
        int frames = lines.count() - 1;
        if (frames == 0) {
            throw new AnnotationFormatException(file, "has a header but no frames");
        }
        float[] labels = new float[frames * 2];
        int[] lineNumbers = new int[frames];
        for (int t = 0; t < frames; t++) {
            int n = t + 2;
            String[] f = lines.fields(n, ",", 2, "valence,arousal");
            labels[2 * t] = value(lines, n, f[0], "valence");
            labels[2 * t + 1] = value(lines, n, f[1], "arousal");
            lineNumbers[t] = n;
        }
        String video = AnnotationFiles.stem(file);
        return new Annotation(video, video, AnnotationFiles.folder(root, file), LabelSpace.valenceArousal(),
                labels, null, file, lineNumbers, null);
    }

    private static float value(TextLines lines, int n, String text, String field) throws AnnotationFormatException {
        double v = lines.number(n, text, field);
        if (v == MISSING) {
            return Float.NaN;
        }
        if (v < -1 || v > 1) {
            throw lines.error(n, field + " " + text + " is outside [-1, 1] (and is not -5, the mark of a missing value)");
        }
        return (float) v;
    }
}
