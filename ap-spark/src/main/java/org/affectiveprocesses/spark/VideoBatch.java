package org.affectiveprocesses.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The videos one prediction task reads.
 *
 * @param videos the videos
 */
record VideoBatch(List<Video> videos) implements Serializable {
    /**
     * A video of the feature store.
     *
     * @param id its id
     * @param file its feature file (absolute)
     * @param frames its frame count
     */
    record Video(String id, String file, int frames) implements Serializable {
    }

    VideoBatch {
        videos = List.copyOf(videos);
    }

    long frames() {
        return videos.stream().mapToLong(Video::frames).sum();
    }

    /**
     * Splits videos into at most {@code count} batches of about equal frame counts: the longest
     * video first, each into the batch with the fewest frames so far. Empty batches are dropped.
     */
    static List<VideoBatch> balance(List<Video> videos, int count) {
        int n = Math.max(1, Math.min(count, videos.size()));
        List<List<Video>> bins = new ArrayList<>();
        long[] load = new long[n];
        for (int i = 0; i < n; i++) {
            bins.add(new ArrayList<>());
        }
        List<Video> longestFirst = new ArrayList<>(videos);
        longestFirst.sort(Comparator.comparingInt(Video::frames).reversed().thenComparing(Video::id));
        for (Video v : longestFirst) {
            int lightest = 0;
            for (int i = 1; i < n; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            bins.get(lightest).add(v);
            load[lightest] += v.frames();
        }
        List<VideoBatch> out = new ArrayList<>();
        for (List<Video> b : bins) {
            if (!b.isEmpty()) {
                out.add(new VideoBatch(b));
            }
        }
        return out;
    }
}
