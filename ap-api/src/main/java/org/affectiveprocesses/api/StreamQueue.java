package org.affectiveprocesses.api;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StreamListener} that hands a stream's estimates to one consumer thread through a
 * bounded buffer, with back-pressure: when {@code capacity} estimates wait unread, the feeding
 * thread blocks in {@link AffectStream#accept} until the consumer takes one. The consumer
 * iterates (once) until the stream is closed and every estimate is read:
 *
 * <pre>{@code
 * StreamQueue queue = new StreamQueue(256);
 * AffectStream stream = ap.stream(StreamOptions.of(ap.defaultOptions()), queue);
 * // feeder thread: stream.accept(seconds, features, pseudoLabels) ...; stream.close();
 * for (FrameEstimate e : queue) { ... }   // consumer thread; ends after close()
 * }</pre>
 *
 * <p>Feeding and consuming on one thread deadlocks once the buffer is full; use a plain listener
 * there. A feeder blocked on a full buffer that is interrupted gets an {@link
 * IllegalStateException} (and keeps its interrupt flag), which fails the stream.
 */
public final class StreamQueue implements StreamListener, Iterable<FrameEstimate> {
    private final BoundedHandoff<FrameEstimate> handoff;

    /**
     * @param capacity how many estimates may wait unread before the feeder blocks
     * @throws IllegalArgumentException if it is below 1
     */
    public StreamQueue(int capacity) {
        this.handoff = new BoundedHandoff<>(capacity, new BoundedHandoff.Names("a StreamQueue",
                "the stream's estimates", "the stream's next estimate", "the stream has ended", "the stream failed"));
    }

    /** Waits for room, then adds the estimate. */
    @Override
    public void onEstimate(FrameEstimate estimate) {
        handoff.put(estimate);
    }

    /** Marks the end: the consumer's iteration ends once the buffer is empty. */
    @Override
    public void onClose() {
        handoff.close(null);
    }

    /**
     * The next estimate, waiting up to the given time.
     *
     * @param timeout how long to wait
     * @param unit its unit
     * @return the estimate, or null if none came in time or the stream has ended
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public FrameEstimate poll(long timeout, TimeUnit unit) throws InterruptedException {
        return handoff.poll(timeout, unit);
    }

    /** Whether the stream has ended and every estimate has been read. */
    public boolean isDrained() {
        return handoff.isDrained();
    }

    /**
     * The estimates in the stream's order, blocking until the next arrives; ends when the stream
     * is closed and all are read. An interrupted consumer gets an {@link IllegalStateException}
     * (and keeps its interrupt flag).
     *
     * @throws IllegalStateException if called a second time (one consumer reads the queue)
     */
    @Override
    public Iterator<FrameEstimate> iterator() {
        return handoff.iterator();
    }
}
