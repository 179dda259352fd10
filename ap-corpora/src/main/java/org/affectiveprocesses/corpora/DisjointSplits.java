package org.affectiveprocesses.corpora;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds a video listed in two splits that must not share it: splits of one group ({@link
 * Partition#group}) are disjoint, and a plain split ({@code train}, {@code test}, ...) shares no
 * video with any other split; splits of different folds ({@code fold1/train}, {@code fold2/test})
 * may share videos. Memory grows with the videos and the groups each is in, not with the pairs of
 * splits. Not thread-safe.
 */
final class DisjointSplits {
    /** Per video, the split that holds it in each group. */
    private final Map<String, Map<String, String>> holders = new HashMap<>();

    /**
     * Records that a split holds a video.
     *
     * @return the split this one must be disjoint from that already holds the video, or null
     */
    String add(String split, String video) {
        String group = Partition.group(split);
        Map<String, String> byGroup = holders.computeIfAbsent(video, v -> new HashMap<>(4));
        String other = byGroup.get(group);
        if (other == null) {
            other = group.isEmpty() ? byGroup.values().stream().findFirst().orElse(null) : byGroup.get("");
        }
        byGroup.put(group, split);
        return other;
    }

    /** The message for a video in two splits that must be disjoint. */
    static String describe(String video, String first, String second) {
        return "lists video '" + video + "' in both split '" + first + "' and split '" + second
                + "'; a video in both would be trained and scored on (only splits of different folds, "
                + "foldK/..., may share videos)";
    }
}
