package org.affectiveprocesses.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The queue blocks the feeder when full, hands estimates over in order, and ends after close. */
class StreamQueueTest {

    private static FrameEstimate estimate(long frame) {
        return new FrameEstimate(frame, frame / 30.0, FrameEstimate.Status.SETTLED, LabelSpace.valenceArousal(),
                new float[] {0.1f, -0.2f}, new float[] {0.3f, 0.4f}, 0, new float[0], 1.5, 3, 0.1);
    }

    @Test
    void aFullQueueBlocksTheFeederUntilTheConsumerReads() throws InterruptedException {
        StreamQueue queue = new StreamQueue(3);
        Thread feeder = new Thread(() -> {
            for (int f = 0; f < 10; f++) {
                queue.onEstimate(estimate(f));
            }
            queue.onClose();
        });
        feeder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (feeder.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(feeder.getState()).as("the feeder waits for room").isEqualTo(Thread.State.WAITING);
        assertThat(queue.isDrained()).isFalse();
        List<Long> frames = new ArrayList<>();
        for (FrameEstimate e : queue) {
            frames.add(e.frame());
        }
        feeder.join();
        assertThat(frames).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(queue.isDrained()).isTrue();
        assertThat(queue.poll(1, TimeUnit.MILLISECONDS)).isNull();
        assertThatThrownBy(queue::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("one iterator");
    }

    @Test
    void pollWaitsAtMostItsTimeout() throws InterruptedException {
        StreamQueue queue = new StreamQueue(2);
        assertThat(queue.poll(10, TimeUnit.MILLISECONDS)).isNull();
        queue.onEstimate(estimate(4));
        assertThat(queue.poll(0, TimeUnit.MILLISECONDS).frame()).isEqualTo(4);
    }

    @Test
    void anInterruptedFeederGetsAClearErrorAndKeepsItsInterrupt() throws InterruptedException {
        StreamQueue queue = new StreamQueue(1);
        queue.onEstimate(estimate(0));
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread feeder = new Thread(() -> {
            try {
                queue.onEstimate(estimate(1));
            } catch (IllegalStateException e) {
                error.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        feeder.start();
        while (feeder.getState() != Thread.State.WAITING) {
            Thread.sleep(2);
        }
        feeder.interrupt();
        feeder.join();
        assertThat(error.get()).hasMessageContaining("interrupted while waiting for the consumer");
        assertThat(flag.get()).isTrue();
        assertThatThrownBy(() -> new StreamQueue(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void estimatesValidateWhatTheyHold() {
        FrameEstimate none = FrameEstimate.withoutFace(7, 0.5, LabelSpace.valenceArousal());
        assertThat(none.faceFound()).isFalse();
        assertThat(none.isSettled()).isTrue();
        assertThat(none.mean(1)).isNaN();
        assertThat(none.std(0)).isNaN();
        assertThat(estimate(2).lagFrames()).isEqualTo(3);
        assertThatThrownBy(() -> new FrameEstimate(1, 0, FrameEstimate.Status.PROVISIONAL, LabelSpace.valenceArousal(),
                new float[] {0, Float.NaN}, new float[] {1, 1}, 0, new float[0], 1, 0, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("frame 1, arousal");
        assertThatThrownBy(() -> new FrameEstimate(1, 0, FrameEstimate.Status.PROVISIONAL, LabelSpace.valenceArousal(),
                new float[] {0, 0}, new float[] {1, 1}, 2, new float[3], 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 samples");
        assertThatThrownBy(() -> new StreamOptions(" ", InferenceOptions.paper(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThat(StreamOptions.of(InferenceOptions.paper()).withProvisional(false).withStreamId("cam").provisional()).isFalse();
    }
}
