package org.affectiveprocesses.video;

import java.util.Iterator;
import org.affectiveprocesses.api.BoundedHandoff;

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
    private final BoundedHandoff<LiveAffect> handoff;

    /**
     * @param capacity how many rows may wait unread before the session blocks
     * @throws IllegalArgumentException if it is below 1
     */
    public LiveQueue(int capacity) {
        this.handoff = new BoundedHandoff<>(capacity, new BoundedHandoff.Names("a LiveQueue", "the session's rows",
                "the session's next row", "the session has ended", "the live session failed"));
    }

    /** Waits for room, then adds the row. */
    @Override
    public void onAffect(LiveAffect row) {
        handoff.put(row);
    }

    /** Marks the end (never waits: the end is not queued behind the rows). */
    @Override
    public void onEnd(Throwable failure) {
        handoff.close(failure);
    }

    /**
     * The rows in the session's order, blocking until the next arrives; at the end the session's
     * failure, if any, is thrown.
     *
     * @throws IllegalStateException if called a second time
     */
    @Override
    public Iterator<LiveAffect> iterator() {
        return handoff.iterator();
    }
}
