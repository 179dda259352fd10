package org.affectiveprocesses.corpora;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Named splits of a corpus by subject: each split lists the subjects whose videos it holds. The
 * splits of one partition are disjoint ({@code train}, {@code validation}, {@code test}), except
 * across the folds of a cross-validation, where {@code foldK/train} and {@code foldK/test} are
 * disjoint for each K. Build one with {@link Protocols}. Instances are immutable.
 */
public final class Partition {
    private final String description;
    private final Map<String, List<String>> subjectsBySplit;

    private Partition(String description, Map<String, List<String>> subjectsBySplit) {
        this.description = description;
        this.subjectsBySplit = subjectsBySplit;
    }

    /**
     * A partition from explicit subject lists.
     *
     * @param description how it was made, e.g. {@code "SEWA 8:1:1 subject-independent, seed 1"}
     * @param subjectsBySplit split name → subjects, in the order the splits should be listed
     * @throws IllegalArgumentException if a name is blank, a split is empty or lists a subject
     *     twice, or two splits that must be disjoint share a subject
     */
    public static Partition of(String description, Map<String, List<String>> subjectsBySplit) {
        Objects.requireNonNull(description, "description");
        if (subjectsBySplit.isEmpty()) {
            throw new IllegalArgumentException("a partition needs at least one split");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : subjectsBySplit.entrySet()) {
            String split = e.getKey();
            if (split == null || split.isBlank()) {
                throw new IllegalArgumentException("split names must be non-empty");
            }
            List<String> subjects = List.copyOf(e.getValue());
            if (subjects.isEmpty()) {
                throw new IllegalArgumentException("split '" + split + "' has no subjects");
            }
            if (new HashSet<>(subjects).size() != subjects.size()) {
                throw new IllegalArgumentException("split '" + split + "' lists a subject twice: " + subjects);
            }
            copy.put(split, subjects);
        }
        List<String> names = new ArrayList<>(copy.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (!mayOverlap(names.get(i), names.get(j))) {
                    Set<String> shared = new HashSet<>(copy.get(names.get(i)));
                    shared.retainAll(copy.get(names.get(j)));
                    if (!shared.isEmpty()) {
                        throw new IllegalArgumentException("splits '" + names.get(i) + "' and '" + names.get(j)
                                + "' share the subjects " + new java.util.TreeSet<>(shared)
                                + "; a subject-independent partition keeps each subject in one split");
                    }
                }
            }
        }
        return new Partition(description, Collections.unmodifiableMap(copy));
    }

    /** How the partition was made. */
    public String description() {
        return description;
    }

    /** The split names in order. */
    public List<String> splitNames() {
        return List.copyOf(subjectsBySplit.keySet());
    }

    /**
     * The subjects of one split.
     *
     * @throws IllegalArgumentException naming the splits if there is no such split
     */
    public List<String> subjects(String split) {
        List<String> s = subjectsBySplit.get(split);
        if (s == null) {
            throw new IllegalArgumentException("no split '" + split + "'; the splits are " + splitNames());
        }
        return s;
    }

    /**
     * The folds of a cross-validation partition: the prefixes K with both {@code K/train} and
     * {@code K/test} splits, in order (empty for a plain partition).
     */
    public List<String> folds() {
        List<String> folds = new ArrayList<>();
        for (String s : subjectsBySplit.keySet()) {
            if (s.endsWith("/train")) {
                String fold = s.substring(0, s.length() - "/train".length());
                if (subjectsBySplit.containsKey(fold + "/test")) {
                    folds.add(fold);
                }
            }
        }
        return folds;
    }

    /**
     * Assigns videos to splits by their subjects.
     *
     * @param videoToSubject every video's subject
     * @return split name → its videos, sorted; videos of subjects in no split are left out
     * @throws IllegalArgumentException if a split would hold no video
     */
    public Map<String, List<String>> assign(Map<String, String> videoToSubject) {
        Map<String, List<String>> bySubject = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(videoToSubject).entrySet()) {
            bySubject.computeIfAbsent(e.getValue(), s -> new ArrayList<>()).add(e.getKey());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : subjectsBySplit.entrySet()) {
            List<String> videos = new ArrayList<>();
            for (String subject : e.getValue()) {
                videos.addAll(bySubject.getOrDefault(subject, List.of()));
            }
            if (videos.isEmpty()) {
                throw new IllegalArgumentException("split '" + e.getKey() + "' would hold no video: none of its subjects "
                        + e.getValue() + " has one");
            }
            Collections.sort(videos);
            out.put(e.getKey(), List.copyOf(videos));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(description).append(':');
        subjectsBySplit.forEach((k, v) -> sb.append(' ').append(k).append(" (").append(v.size()).append(')'));
        return sb.toString();
    }

    /** Splits of different folds may share subjects; all others must be disjoint. */
    private static boolean mayOverlap(String a, String b) {
        String ga = group(a);
        String gb = group(b);
        return !ga.isEmpty() && !gb.isEmpty() && !ga.equals(gb);
    }

    /**
     * The group of a split: its fold, the part before the last {@code /} ({@code fold1} for
     * {@code fold1/train}), or the empty string for a plain split such as {@code train}. Splits of
     * one group are disjoint, and a plain split is disjoint from every other split.
     */
    static String group(String split) {
        int slash = split.lastIndexOf('/');
        return slash > 0 ? split.substring(0, slash) : "";
    }
}
