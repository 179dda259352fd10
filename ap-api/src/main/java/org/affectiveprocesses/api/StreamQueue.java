package org.affectiveprocesses.api;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
    private final int capacity;
    private final ArrayDeque<FrameEstimate> buffer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private boolean closed;
    private boolean iterated;

    /**
     * @param capacity how many estimates may wait unread before the feeder blocks
     * @throws IllegalArgumentException if it is below 1
     */
    public StreamQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Waits for room, then adds the estimate. */
    @Override
    public void onEstimate(FrameEstimate estimate) {
        lock.lock();
        try {
            while (buffer.size() >= capacity) {
                notFull.await();
            }
            buffer.add(estimate);
            notEmpty.signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the consumer of the stream's estimates", e);
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end: the consumer's iteration ends once the buffer is empty. */
    @Override
    public void onClose() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
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
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (buffer.isEmpty() && !closed) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the stream has ended and every estimate has been read. */
    public boolean isDrained() {
        lock.lock();
        try {
            return closed && buffer.isEmpty();
        } finally {
            lock.unlock();
        }
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
        lock.lock();
        try {
            if (iterated) {
                throw new IllegalStateException("a StreamQueue is read by one iterator");
            }
            iterated = true;
        } finally {
            lock.unlock();
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                lock.lock();
                try {
                    while (buffer.isEmpty() && !closed) {
                        notEmpty.await();
                    }
                    return !buffer.isEmpty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the stream's next estimate", e);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public FrameEstimate next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the stream has ended");
                }
                lock.lock();
                try {
                    return take();
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    /** Takes the head (under the lock), or null when empty. */
    private FrameEstimate take() {
        FrameEstimate e = buffer.poll();
        if (e != null) {
            notFull.signal();
        }
        return e;
    }
}
