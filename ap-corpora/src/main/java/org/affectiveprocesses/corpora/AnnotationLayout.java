package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.affectiveprocesses.api.LabelSpace;

/**
 * The annotation layouts of the corpora the paper uses (design brief, section 9). Each reads a
 * directory tree (at any depth) into one {@link Annotation} per video, sorted by video, and
 * fails on the first malformed file with an {@link AnnotationFormatException} naming the file
 * and line.
 */
public enum AnnotationLayout {
    /**
     * Aff-Wild2 valence/arousal: {@code <video>.txt} with the header {@code valence,arousal} and
     * one line per frame, values in [-1, 1], {@code -5} = unannotated. Subject = video; the
     * folder ({@code Train_Set}, {@code Validation_Set}) is kept for the official partition.
     */
    AFF_WILD2("affwild2", LabelSpace.valenceArousal(),
            "<video>.txt: header 'valence,arousal', then one 'v,a' line per frame; -5 = unannotated"),
    /**
     * SEWA valence/arousal traces: {@code <video>.csv} with a header naming at least {@code
     * valence} and {@code arousal} (separated by {@code ;}, tab or {@code ,}), an optional {@code
     * timestamp} column in seconds, one row per frame (or per timestamp). Subject = video.
     */
    SEWA("sewa", LabelSpace.valenceArousal(),
            "<video>.csv: header with valence, arousal (and optionally timestamp), one row per frame"),
    /**
     * DISFA Action Unit intensities: {@code SNxxx_auN.txt} for the 12 DISFA Action Units, lines
     * {@code frame,intensity} (0-5). Video = subject = {@code SNxxx}.
     */
    DISFA("disfa", LabelSpace.disfa(),
            "SNxxx_auN.txt for AUs 1,2,4,5,6,9,12,15,17,20,25,26: lines 'frame,intensity' (0-5)"),
    /**
     * BP4D / FERA 2015 Action Unit intensities: {@code <video>_AU<n>.csv} (e.g. {@code
     * F001_T1_AU06.csv}) for AUs 6, 10, 12, 14, 17, lines {@code frame,intensity} (0-5, {@code 9}
     * = missing). Subject = the video name up to its first underscore ({@code F001}).
     */
    BP4D("bp4d", LabelSpace.bp4d(),
            "<video>_AU<n>.csv for AUs 6,10,12,14,17 (e.g. F001_T1_AU06.csv): lines 'frame,intensity' (0-5, 9 = missing)");

    private static final double BP4D_MISSING = 9.0;

    private final String cliName;
    private final LabelSpace labelSpace;
    private final String description;

    AnnotationLayout(String cliName, LabelSpace labelSpace, String description) {
        this.cliName = cliName;
        this.labelSpace = labelSpace;
        this.description = description;
    }

    /** The short name used on the command line ({@code affwild2}, {@code sewa}, {@code disfa}, {@code bp4d}). */
    public String cliName() {
        return cliName;
    }

    /** The label space of the layout's annotations. */
    public LabelSpace labelSpace() {
        return labelSpace;
    }

    /** The expected files in one line, for help texts. */
    public String description() {
        return description;
    }

    /**
     * Reads every annotation file under a directory.
     *
     * @param root the directory (searched at any depth)
     * @return one annotation per video, sorted by video name
     * @throws AnnotationFormatException for the first malformed file, naming it and the line
     * @throws java.nio.file.NoSuchFileException if the directory does not exist
     * @throws IOException if reading fails
     */
    public List<Annotation> read(Path root) throws IOException {
        List<Annotation> out = switch (this) {
            case AFF_WILD2 -> AffWild2Reader.read(root);
            case SEWA -> SewaReader.read(root);
            case DISFA -> new ActionUnitLayoutReader("DISFA",
                    n -> TextLines.lower(n).startsWith("sn") && TextLines.lower(n).endsWith(".txt"),
                    Pattern.compile("(?i)(SN\\d+)_au(\\d+)\\.txt"), (v, au) -> v + "_au" + au + ".txt",
                    labelSpace, Double.NaN, v -> v).read(root);
            case BP4D -> new ActionUnitLayoutReader("BP4D",
                    n -> TextLines.lower(n).endsWith(".csv") && TextLines.lower(n).contains("_au"),
                    Pattern.compile("(?i)(.+)_AU(\\d+)\\.csv"),
                    (v, au) -> v + String.format(Locale.ROOT, "_AU%02d.csv", au),
                    labelSpace, BP4D_MISSING, AnnotationLayout::bp4dSubject).read(root);
        };
        if (out.isEmpty()) {
            throw new AnnotationFormatException(root, "holds no " + cliName + " annotation files; expected "
                    + description);
        }
        return out.stream().sorted(java.util.Comparator.comparing(Annotation::video)).toList();
    }

    /**
     * The layout of a command-line name.
     *
     * @throws IllegalArgumentException listing the names if {@code name} is none of them
     */
    public static AnnotationLayout byName(String name) {
        for (AnnotationLayout l : values()) {
            if (l.cliName.equalsIgnoreCase(name) || l.name().equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown annotation layout '" + name
                + "'; expected affwild2, sewa, disfa or bp4d");
    }

    private static String bp4dSubject(String video) {
        int us = video.indexOf('_');
        return us > 0 ? video.substring(0, us) : video;
    }
}
