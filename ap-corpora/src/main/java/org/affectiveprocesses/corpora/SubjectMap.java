package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which subject (person) each video shows, when the layout's default (the video itself, or the
 * BP4D name prefix) is not right: a text file of lines {@code video,subject}; blank lines at the
 * end and lines starting with {@code #} are ignored. Videos the map does not name keep their
 * default subject.
 */
public final class SubjectMap {
    private final Map<String, String> subjects;

    private SubjectMap(Map<String, String> subjects) {
        this.subjects = Map.copyOf(subjects);
    }

    /**
     * A map from pairs.
     *
     * @param videoToSubject video name → subject
     */
    public static SubjectMap of(Map<String, String> videoToSubject) {
        return new SubjectMap(videoToSubject);
    }

    /**
     * Reads a map file.
     *
     * @throws AnnotationFormatException naming the line of a malformed or repeated entry
     * @throws IOException if reading fails
     */
    public static SubjectMap read(Path file) throws IOException {
        TextLines lines = TextLines.read(file);
        Map<String, String> map = new LinkedHashMap<>();
        for (int n = 1; n <= lines.count(); n++) {
            if (lines.line(n).strip().startsWith("#")) {
                continue;
            }
            String[] f = lines.fields(n, ",", 2, "video,subject");
            if (f[0].isEmpty() || f[1].isEmpty()) {
                throw lines.error(n, "needs a video and a subject ('video,subject')");
            }
            if (map.putIfAbsent(f[0], f[1]) != null) {
                throw lines.error(n, "names video '" + f[0] + "' a second time");
            }
        }
        return new SubjectMap(map);
    }

    /** The subject of a video, or {@code fallback} when the map does not name it. */
    public String subjectOf(String video, String fallback) {
        return subjects.getOrDefault(video, fallback);
    }

    /** The annotations with the subjects of this map. */
    public List<Annotation> apply(List<Annotation> annotations) {
        List<Annotation> out = new ArrayList<>(annotations.size());
        for (Annotation a : annotations) {
            String s = subjects.get(a.video());
            out.add(s == null || s.equals(a.subject()) ? a : a.withSubject(s));
        }
        return out;
    }

    /** The number of videos named. */
    public int size() {
        return subjects.size();
    }
}
