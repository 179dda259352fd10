package org.affectiveprocesses.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedHandoffTest {
    private static final BoundedHandoff.Names NAMES = new BoundedHandoff.Names("a test queue", "the items",
            "the next item", "the items have ended", "the producer failed");

    @Test
    void theEndIsNotLostWhenTheBufferIsFullOrTheProducerIsInterrupted() {
        BoundedHandoff<Integer> h = new BoundedHandoff<>(2, NAMES);
        h.put(1);
        h.put(2);
        Thread.currentThread().interrupt();
        try {
            h.close(new IllegalStateException("boom"));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt flag is left as it was").isTrue();
        }
        List<Integer> got = new ArrayList<>();
        Iterator<Integer> it = h.iterator();
        got.add(it.next());
        got.add(it.next());
        assertThat(got).containsExactly(1, 2);
        assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class)
                .hasMessage("the producer failed: boom");
        assertThatThrownBy(h::iterator).hasMessage("a test queue is read by one iterator");
    }

    @Test
    void aNormalEndEndsTheIterationAndPollSaysNoMore() throws InterruptedException {
        BoundedHandoff<String> h = new BoundedHandoff<>(1, NAMES);
        h.put("a");
        assertThat(h.isDrained()).isFalse();
        h.close(null);
        assertThat(h.poll(1, TimeUnit.MILLISECONDS)).isEqualTo("a");
        assertThat(h.poll(1, TimeUnit.MILLISECONDS)).isNull();
        assertThat(h.isDrained()).isTrue();
        Iterator<String> it = h.iterator();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).hasMessage("the items have ended");
        assertThatThrownBy(() -> new BoundedHandoff<>(0, NAMES)).hasMessageContaining("capacity must be >= 1");
    }
}
