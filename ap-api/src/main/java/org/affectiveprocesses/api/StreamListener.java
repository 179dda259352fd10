package org.affectiveprocesses.api;

/**
 * Receives what an {@link AffectStream} says about its frames. The stream calls it on the thread
 * that feeds it, inside {@link AffectStream#accept} and {@link AffectStream#close}, one call at a
 * time and in the stream's order, so a slow listener slows the feeder (back-pressure). A listener
 * must not feed the stream it listens to. {@link StreamQueue} is a listener that hands the
 * estimates to another thread through a bounded buffer.
 */
@FunctionalInterface
public interface StreamListener {

    /**
     * One estimate: a provisional one for the newest frame, or the settled one of a frame.
     *
     * @param estimate the estimate
     */
    void onEstimate(FrameEstimate estimate);

    /** Called once, after the last estimate, when the stream is closed. */
    default void onClose() {
    }
}
