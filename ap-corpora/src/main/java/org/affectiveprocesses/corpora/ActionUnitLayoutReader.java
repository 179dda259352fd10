package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.affectiveprocesses.api.LabelSpace;

/**
 * Reads a per-Action-Unit layout: every file whose name the layout claims must be named
 * {@code <video><separator><n>.<ext>} for one of the label space's Action Units, every video
 * needs a file for each of them, and each file is read by {@link ActionUnitFiles}.
 *
 * @param layoutName the layout's name in messages (e.g. {@code "DISFA"})
 * @param claims which file names belong to the layout (others are ignored)
 * @param namePattern the full file name with group 1 = video and group 2 = Action Unit number
 * @param expectedName the file name for a video and Action Unit, in messages
 * @param space the label space (its dimensions are {@code AU<n>})
 * @param missingCode the intensity that marks a missing label, or NaN
 * @param subjectOf the subject of a video
 */
record ActionUnitLayoutReader(String layoutName, Predicate<String> claims, Pattern namePattern,
        java.util.function.BiFunction<String, Integer, String> expectedName, LabelSpace space, double missingCode,
        Function<String, String> subjectOf) {

    List<Annotation> read(Path root) throws IOException {
        List<Integer> units = units();
        Map<String, Map<Integer, Path>> byVideo = new TreeMap<>();
        for (Path file : AnnotationFiles.list(root, claims)) {
            String name = file.getFileName().toString();
            Matcher m = namePattern.matcher(name);
            if (!m.matches()) {
                throw new AnnotationFormatException(file, "is not a " + layoutName + " label file name; expected "
                        + expectedName.apply("<video>", units.get(0)));
            }
            String video = m.group(1);
            int au = Integer.parseInt(m.group(2));
            if (!units.contains(au)) {
                throw new AnnotationFormatException(file, "names AU" + au + ", which is not one of the " + units.size()
                        + " " + layoutName + " Action Units " + units + "; rename or remove the file");
            }
            Path before = byVideo.computeIfAbsent(video, v -> new TreeMap<>()).putIfAbsent(au, file);
            if (before != null) {
                throw new AnnotationFormatException(file, "annotates AU" + au + " of " + video
                        + " again; it is already annotated by " + before);
            }
        }
        List<Annotation> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Path>> e : byVideo.entrySet()) {
            String video = e.getKey();
            Map<Integer, Path> files = e.getValue();
            Path any = files.values().iterator().next();
            List<ActionUnitFiles.Track> tracks = new ArrayList<>();
            for (int au : units) {
                Path file = files.get(au);
                if (file == null) {
                    throw new AnnotationFormatException(any.resolveSibling(expectedName.apply(video, au)),
                            "is missing: " + layoutName + " needs a file for each of the Action Units " + units
                                    + " of " + video);
                }
                tracks.add(ActionUnitFiles.parse(file, au, missingCode));
            }
            out.add(ActionUnitFiles.combine(video, subjectOf.apply(video), AnnotationFiles.folder(root, any),
                    space, tracks));
        }
        return out;
    }

    private List<Integer> units() {
        List<Integer> units = new ArrayList<>();
        for (String d : space.dimensions()) {
            units.add(Integer.parseInt(d.substring(2)));
        }
        return units;
    }
}
