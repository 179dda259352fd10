package org.affectiveprocesses.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The videos of an extraction: files named on the command line, the video files under a
 * directory, or the entries of a list file. Every video is made absolute (executors do not share
 * the driver's working directory) and must have its own name stem, which names its feature file.
 */
public final class VideoInputs {
    /** The file extensions taken as videos when a directory is scanned (case-insensitive). */
    public static final List<String> EXTENSIONS =
            List.of("mp4", "avi", "mkv", "webm", "mov", "m4v", "mpg", "mpeg", "wmv", "flv");

    private VideoInputs() {
    }

    /**
     * Expands paths into videos: a file is a video; a directory stands for the files with a video
     * extension ({@link #EXTENSIONS}) at any depth below it, sorted. A video named twice is kept
     * once.
     *
     * @throws NoSuchFileException if a path does not exist
     * @throws IllegalArgumentException if a directory holds no video file, or two videos share a
     *     name stem
     * @throws IOException if a directory cannot be listed
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        Set<Path> videos = new LinkedHashSet<>();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                List<Path> found;
                try (Stream<Path> s = Files.walk(abs)) {
                    found = s.filter(f -> Files.isRegularFile(f) && isVideoName(f)).sorted().toList();
                }
                if (found.isEmpty()) {
                    throw new IllegalArgumentException(abs + " holds no video file (" + String.join(", ", EXTENSIONS)
                            + "); name image folders in a list file");
                }
                videos.addAll(found);
            } else if (Files.isRegularFile(abs)) {
                videos.add(abs);
            } else {
                throw new NoSuchFileException(abs.toString(), null, "no such video file or directory");
            }
        }
        List<Path> out = List.copyOf(videos);
        requireDistinctStems(out);
        return out;
    }

    /**
     * Reads a list file: one video file or image folder per line, relative to the list file's
     * directory unless absolute; blank lines and lines starting with {@code #} are skipped.
     *
     * @throws NoSuchFileException if the list or an entry does not exist (naming the line)
     * @throws IllegalArgumentException if the list names no video, or two videos share a name stem
     * @throws IOException if the list cannot be read
     */
    public static List<Path> readList(Path listFile) throws IOException {
        Path base = listFile.toAbsolutePath().normalize().getParent();
        List<String> lines = Files.readAllLines(listFile, StandardCharsets.UTF_8);
        Set<Path> videos = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Path v = base.resolve(line).normalize();
            if (!Files.exists(v)) {
                throw new NoSuchFileException(v.toString(), null, "named on line " + (i + 1) + " of " + listFile
                        + ", does not exist");
            }
            videos.add(v);
        }
        if (videos.isEmpty()) {
            throw new IllegalArgumentException(listFile + " names no video");
        }
        List<Path> out = List.copyOf(videos);
        requireDistinctStems(out);
        return out;
    }

    /** A video's name without its extension: its feature file is {@code <stem>.npz}, as {@code ap extract} names it. */
    static String stem(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * @throws IllegalArgumentException naming both videos if two share a stem (their feature files
     *     would collide)
     */
    static void requireDistinctStems(List<Path> videos) {
        Map<String, Path> byStem = new HashMap<>();
        for (Path v : videos) {
            Path before = byStem.putIfAbsent(stem(v).toLowerCase(Locale.ROOT), v);
            if (before != null) {
                throw new IllegalArgumentException("videos " + before + " and " + v + " would both write "
                        + stem(v) + ".npz; rename one or extract them into different stores");
            }
        }
    }

    private static boolean isVideoName(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The paths as absolute path strings, for tasks. */
    static List<String> strings(List<Path> videos) {
        List<String> out = new ArrayList<>(videos.size());
        for (Path v : videos) {
            out.add(v.toAbsolutePath().normalize().toString());
        }
        return out;
    }
}
