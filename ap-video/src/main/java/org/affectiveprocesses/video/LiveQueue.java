package org.affectiveprocesses.video;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link LiveListener} that hands a session's rows to one consumer thread through a bounded
 * buffer: when {@code capacity} rows wait unread, the session's delivery thread blocks until the
 * consumer takes one (and, once the session's queues are full, so does the frames' producer).
 * The consumer iterates once, to the end: the iteration ends after the session has ended and
 * every row is read, and throws an {@link IllegalStateException} if the session failed. A consumer
 * that stops reading early stalls the session (its {@code close()} waits for the rows to be read).
 *
 * <pre>{@code
 * LiveQueue rows = new LiveQueue(256);
 * LiveSession session = recognizer.session(rows);
 * // producer thread: session.accept(image, seconds) ...; session.close();
 * for (LiveAffect row : rows) { ... }   // consumer thread
 * }</pre>
 */
public final class LiveQueue implements LiveListener, Iterable<LiveAffect> {
    /** The end of the rows, with the session's failure if any. */
    private record End(Throwable failure) {
    }

    private final BlockingQueue<Object> buffer;
    private boolean iterated;

    /**
     * @param capacity how many rows may wait unread before the session blocks
     * @throws IllegalArgumentException if it is below 1
     */
    public LiveQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.buffer = new ArrayBlockingQueue<>(capacity);
    }

    /** Waits for room, then adds the row. */
    @Override
    public void onAffect(LiveAffect row) {
        try {
            buffer.put(row);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the consumer of the session's rows", e);
        }
    }

    /** Waits for room, then marks the end. */
    @Override
    public void onEnd(Throwable failure) {
        try {
            buffer.put(new End(failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The rows in the session's order, blocking until the next arrives.
     *
     * @throws IllegalStateException if called a second time
     */
    @Override
    public synchronized Iterator<LiveAffect> iterator() {
        if (iterated) {
            throw new IllegalStateException("a LiveQueue is read by one iterator");
        }
        iterated = true;
        return new Iterator<>() {
            private Object head;

            @Override
            public boolean hasNext() {
                if (head == null) {
                    try {
                        head = buffer.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the session's next row", e);
                    }
                }
                if (head instanceof End end) {
                    if (end.failure() != null) {
                        throw new IllegalStateException("the live session failed: " + end.failure().getMessage(),
                                end.failure());
                    }
                    return false;
                }
                return true;
            }

            @Override
            public LiveAffect next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the session has ended");
                }
                LiveAffect row = (LiveAffect) head;
                head = null;
                return row;
            }
        };
    }
}
