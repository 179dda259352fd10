package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds annotation files under a root directory, in a stable order. */
final class AnnotationFiles {
    private AnnotationFiles() {
    }

    /**
     * The regular files under {@code root} (at any depth) whose names pass {@code accept}, sorted
     * by path.
     *
     * @throws NoSuchFileException if the root does not exist or is not a directory
     */
    static List<Path> list(Path root, Predicate<String> accept) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such annotation directory");
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> accept.test(p.getFileName().toString()))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** The file's directory relative to the root, with '/' separators ({@code ""} at the root). */
    static String folder(Path root, Path file) {
        Path parent = root.relativize(file).getParent();
        return parent == null ? "" : parent.toString().replace('\\', '/');
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Checks that no video is annotated twice.
     *
     * @throws AnnotationFormatException naming both files
     */
    static void requireDistinct(List<Annotation> annotations) throws AnnotationFormatException {
        Map<String, Path> seen = new HashMap<>();
        for (Annotation a : annotations) {
            Path before = seen.putIfAbsent(a.video(), a.source());
            if (before != null) {
                throw new AnnotationFormatException(a.source(), "annotates video '" + a.video()
                        + "' again; it is already annotated by " + before);
            }
        }
    }
}
