package org.affectiveprocesses.video;

/**
 * Receives the rows of a {@link LiveSession}, on the session's delivery thread, one call at a time
 * and in the session's order; a slow listener slows the session and, through its bounded queues,
 * the frames' producer (never dropping a frame). {@link LiveQueue} hands the rows to another thread.
 * A listener must not feed its own session.
 */
@FunctionalInterface
public interface LiveListener {

    /**
     * One row: a provisional or settled estimate of a face in a frame, or a frame without a face.
     *
     * @param row the row
     */
    void onAffect(LiveAffect row);

    /**
     * Called once, after the last row.
     *
     * @param failure null when the session ended normally (closed, or its source ended), else what
     *     ended it (a source that cannot be read: an {@link java.io.IOException}; a listener that threw)
     */
    default void onEnd(Throwable failure) {
    }
}
