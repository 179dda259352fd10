package org.affectiveprocesses.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoBatchTest {
    private static List<VideoBatch.Video> videos(int... frames) {
        List<VideoBatch.Video> out = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) {
            out.add(new VideoBatch.Video("v" + i, "/store/v" + i + ".npz", frames[i]));
        }
        return out;
    }

    @Test
    void batchesHaveAboutEqualFramesAndHoldEveryVideoOnce() {
        List<VideoBatch.Video> videos = videos(100, 90, 50, 40, 10, 10);
        List<VideoBatch> batches = VideoBatch.balance(videos, 2);
        assertThat(batches).hasSize(2);
        assertThat(batches).extracting(VideoBatch::frames).containsExactly(150L, 150L);
        assertThat(batches.stream().flatMap(b -> b.videos().stream()).toList()).containsExactlyInAnyOrderElementsOf(videos);
    }

    @Test
    void thereAreNeverMoreBatchesThanVideos() {
        assertThat(VideoBatch.balance(videos(5, 7, 9), 10)).hasSize(3).allMatch(b -> b.videos().size() == 1);
        assertThat(VideoBatch.balance(videos(5, 7, 9), 0)).singleElement().extracting(VideoBatch::frames).isEqualTo(21L);
    }
}
