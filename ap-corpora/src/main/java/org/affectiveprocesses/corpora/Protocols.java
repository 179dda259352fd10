package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The paper's evaluation protocols as code. Every protocol is subject-independent: a subject's
 * videos all go to one split (to one test fold). Random protocols are deterministic: the
 * subjects are sorted, shuffled by a Fisher-Yates pass driven by {@link SplittableRandom} with
 * the given seed, then cut; the same subjects and seed give the same partition on every JVM.
 */
public final class Protocols {
    /** The split names of a plain partition, in their canonical order. */
    public static final List<String> CANONICAL_SPLITS = List.of("train", "validation", "test");

    private static final int DISFA_FOLDS = 3;

    private Protocols() {
    }

    /**
     * SEWA: 8:1:1 train / validation / test by subject (with 10 subjects: 8 / 1 / 1).
     *
     * @throws IllegalArgumentException with fewer than 3 subjects
     */
    public static Partition sewa(Collection<String> subjects, long seed) {
        return Partition.of("SEWA 8:1:1 subject-independent split, seed " + seed,
                ratio(subjects, seed, new int[] {8, 1, 1}));
    }

    /**
     * Any train / validation / test ratio by subject; the counts are the ratio's shares of the
     * subjects rounded by largest remainder, each non-zero share getting at least one subject.
     *
     * @throws IllegalArgumentException if a weight is negative, all are zero, or there are fewer
     *     subjects than non-zero weights
     */
    public static Partition subjectRatio(Collection<String> subjects, long seed, int train, int validation,
            int test) {
        return Partition.of("subject-independent " + train + ":" + validation + ":" + test + " split, seed " + seed,
                ratio(subjects, seed, new int[] {train, validation, test}));
    }

    /**
     * DISFA: 3-fold subject-independent cross-validation (with DISFA's 27 subjects: 18 train / 9
     * test per fold); splits {@code fold1/train}, {@code fold1/test}, ... {@code fold3/test}.
     */
    public static Partition disfa(Collection<String> subjects, long seed) {
        return disfa(subjects, seed, 0);
    }

    /**
     * DISFA's 3 folds with a validation split per fold for model selection (the paper names
     * none): {@code foldK/validation} takes {@code validationSubjects} of the fold's training
     * subjects (18 become 18 - v train + v validation), {@code foldK/test} is unchanged.
     *
     * @throws IllegalArgumentException if a fold would keep no training subject
     */
    public static Partition disfa(Collection<String> subjects, long seed, int validationSubjects) {
        return folds(subjects, DISFA_FOLDS, seed, validationSubjects,
                "DISFA 3-fold subject-independent cross-validation, seed " + seed
                        + (validationSubjects > 0 ? ", " + validationSubjects + " validation subjects per fold" : ""));
    }

    /**
     * K-fold subject-independent cross-validation: fold k tests on the k-th of K near-equal
     * groups of the shuffled subjects and trains on the rest.
     *
     * @throws IllegalArgumentException if {@code k < 2} or there are fewer than k subjects
     */
    public static Partition folds(Collection<String> subjects, int k, long seed) {
        return folds(subjects, k, seed, 0);
    }

    /**
     * K-fold subject-independent cross-validation with a validation split per fold: {@code
     * foldK/validation} takes {@code validationSubjects} of fold k's training subjects (chosen by
     * the same seeded shuffle), so {@code foldK/train}, {@code foldK/validation} and {@code
     * foldK/test} are disjoint.
     *
     * @throws IllegalArgumentException if {@code validationSubjects} is negative or leaves a fold
     *     no training subject
     */
    public static Partition folds(Collection<String> subjects, int k, long seed, int validationSubjects) {
        return folds(subjects, k, seed, validationSubjects, k + "-fold subject-independent cross-validation, seed "
                + seed + (validationSubjects > 0 ? ", " + validationSubjects + " validation subjects per fold" : ""));
    }

    private static Partition folds(Collection<String> subjects, int k, long seed, int validationSubjects,
            String description) {
        List<String> s = shuffled(subjects, seed);
        if (k < 2 || s.size() < k) {
            throw new IllegalArgumentException("a " + k + "-fold cross-validation needs k >= 2 and at least k subjects, got "
                    + s.size() + " subjects");
        }
        Map<String, List<String>> splits = new LinkedHashMap<>();
        for (int f = 0; f < k; f++) {
            int from = f * s.size() / k;
            int to = (f + 1) * s.size() / k;
            List<String> test = new ArrayList<>(s.subList(from, to));
            List<String> train = new ArrayList<>(s.subList(to, s.size()));
            train.addAll(s.subList(0, from));
            if (validationSubjects < 0 || validationSubjects >= train.size()) {
                throw new IllegalArgumentException("fold " + (f + 1) + " has " + train.size()
                        + " training subjects; cannot hold out " + validationSubjects + " for validation");
            }
            List<String> validation = new ArrayList<>(train.subList(0, validationSubjects));
            train = new ArrayList<>(train.subList(validationSubjects, train.size()));
            train.sort(Comparator.naturalOrder());
            validation.sort(Comparator.naturalOrder());
            test.sort(Comparator.naturalOrder());
            splits.put("fold" + (f + 1) + "/train", train);
            if (!validation.isEmpty()) {
                splits.put("fold" + (f + 1) + "/validation", validation);
            }
            splits.put("fold" + (f + 1) + "/test", test);
        }
        return Partition.of(description, splits);
    }

    /**
     * Official partitions (e.g. BP4D / FERA 2015) from list files: every {@code <split>.txt} in
     * {@code dir} lists that split's subjects, one per line ({@code #} comments allowed). Splits
     * are ordered train, validation, test, then the others by name.
     *
     * @param knownSubjects the subjects that have annotated videos
     * @throws AnnotationFormatException naming the file and line of a subject without videos or
     *     listed in two files
     * @throws IOException if the directory holds no list or reading fails
     */
    public static Partition fromListFiles(Path dir, Collection<String> knownSubjects) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such directory of partition lists");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Files.isRegularFile(p) && TextLines.lower(p.getFileName().toString()).endsWith(".txt"))
                    .sorted(Comparator.comparing((Path p) -> order(AnnotationFiles.stem(p)))
                            .thenComparing(p -> AnnotationFiles.stem(p)))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new AnnotationFormatException(dir, "holds no list files; expected <split>.txt files "
                    + "(e.g. train.txt, validation.txt) with one subject per line");
        }
        Set<String> known = new TreeSet<>(knownSubjects);
        Map<String, String> where = new HashMap<>();
        Map<String, List<String>> splits = new LinkedHashMap<>();
        for (Path file : files) {
            TextLines lines = TextLines.read(file);
            List<String> subjects = new ArrayList<>();
            for (int n = 1; n <= lines.count(); n++) {
                String subject = lines.line(n).strip();
                if (subject.startsWith("#")) {
                    continue;
                }
                if (!known.contains(subject)) {
                    throw lines.error(n, "subject '" + TextLines.clip(subject) + "' has no annotated video"
                            + (known.size() <= 12 ? "; the subjects are " + known : ""));
                }
                String before = where.putIfAbsent(subject, file.getFileName() + " line " + n);
                if (before != null) {
                    throw lines.error(n, "subject '" + subject + "' is already listed in " + before
                            + "; a subject belongs to one split");
                }
                subjects.add(subject);
            }
            if (subjects.isEmpty()) {
                throw new AnnotationFormatException(file, "lists no subject");
            }
            splits.put(AnnotationFiles.stem(file), subjects);
        }
        return Partition.of("official partition from " + dir, splits);
    }

    /**
     * The partition the annotation folders give (Aff-Wild2's {@code Train_Set} and {@code
     * Validation_Set}): a folder named {@code Train_Set}, {@code Validation_Set} or {@code
     * Test_Set} becomes {@code train}, {@code validation} or {@code test}, any other folder its
     * own split (lower case).
     *
     * @throws AnnotationFormatException if an annotation is not in a folder, or one subject's
     *     videos are in two folders
     */
    public static Partition fromFolders(List<Annotation> annotations) throws AnnotationFormatException {
        Map<String, String> splitOfSubject = new HashMap<>();
        Map<String, List<String>> splits = new TreeMap<>(Comparator.comparing(Protocols::order)
                .thenComparing(Comparator.naturalOrder()));
        for (Annotation a : annotations) {
            if (a.folder().isEmpty()) {
                throw new AnnotationFormatException(a.source(), "is not in a partition folder (e.g. Train_Set/)");
            }
            String folder = a.folder().substring(a.folder().lastIndexOf('/') + 1);
            String split = switch (TextLines.lower(folder)) {
                case "train_set" -> "train";
                case "validation_set" -> "validation";
                case "test_set" -> "test";
                default -> TextLines.lower(folder);
            };
            String before = splitOfSubject.putIfAbsent(a.subject(), split);
            if (before == null) {
                splits.computeIfAbsent(split, s -> new ArrayList<>()).add(a.subject());
            } else if (!before.equals(split)) {
                throw new AnnotationFormatException(a.source(), "puts subject '" + a.subject() + "' in split '" + split
                        + "', but another of its videos is in '" + before + "'");
            }
        }
        return Partition.of("partition of the annotation folders", splits);
    }

    /** Every subject in one split named {@code all}. */
    public static Partition single(Collection<String> subjects) {
        return Partition.of("one split of all subjects", Map.of("all", new ArrayList<>(new TreeSet<>(subjects))));
    }

    /** The distinct subjects of some annotations, sorted. */
    public static List<String> subjectsOf(List<Annotation> annotations) {
        return annotations.stream().map(Annotation::subject).distinct().sorted().collect(Collectors.toList());
    }

    private static Map<String, List<String>> ratio(Collection<String> subjects, long seed, int[] weights) {
        List<String> s = shuffled(subjects, seed);
        int total = 0;
        int positive = 0;
        for (int w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("split weights must be >= 0, got " + java.util.Arrays.toString(weights));
            }
            total += w;
            positive += w > 0 ? 1 : 0;
        }
        if (total == 0 || s.size() < positive) {
            throw new IllegalArgumentException("cannot split " + s.size() + " subjects " + ratioText(weights)
                    + ": every non-empty split needs a subject");
        }
        int[] counts = largestRemainder(s.size(), weights);
        Map<String, List<String>> splits = new LinkedHashMap<>();
        int from = 0;
        for (int i = 0; i < weights.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            List<String> part = new ArrayList<>(s.subList(from, from + counts[i]));
            part.sort(Comparator.naturalOrder());
            splits.put(CANONICAL_SPLITS.get(i), part);
            from += counts[i];
        }
        return splits;
    }

    private static int[] largestRemainder(int n, int[] weights) {
        int total = java.util.Arrays.stream(weights).sum();
        int[] counts = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = (double) n * weights[i] / total;
            counts[i] = (int) Math.floor(exact);
            rest[i] = exact - counts[i];
            given += counts[i];
        }
        while (given < n) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            counts[best]++;
            rest[best] = -1;
            given++;
        }
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0 && counts[i] == 0) {
                int largest = 0;
                for (int j = 1; j < weights.length; j++) {
                    if (counts[j] > counts[largest]) {
                        largest = j;
                    }
                }
                counts[largest]--;
                counts[i]++;
            }
        }
        return counts;
    }

    private static List<String> shuffled(Collection<String> subjects, long seed) {
        List<String> s = new ArrayList<>(new TreeSet<>(subjects));
        if (s.size() != subjects.size()) {
            throw new IllegalArgumentException("subjects must be distinct, got " + subjects.size() + " names for "
                    + s.size() + " subjects");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = s.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String tmp = s.get(i);
            s.set(i, s.get(j));
            s.set(j, tmp);
        }
        return s;
    }

    private static int order(String split) {
        int i = CANONICAL_SPLITS.indexOf(TextLines.lower(split));
        return i < 0 ? CANONICAL_SPLITS.size() : i;
    }

    private static String ratioText(int[] w) {
        return String.format(Locale.ROOT, "%d:%d:%d", w[0], w[1], w[2]);
    }
}
