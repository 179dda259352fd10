package org.affectiveprocesses.video.decode;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a live source ({@link LiveFrameSource}) opens and reads a camera, network stream or standard
 * input.
 *
 * @param timeout how long opening a network stream, or waiting for its next data, may take before
 *     the stream counts as dropped (FFmpeg's {@code timeout} and {@code rw_timeout})
 * @param reconnects how many times in a row a dropped network stream is opened again before the
 *     source ends; 0 never reconnects (the count starts afresh once a frame is read)
 * @param reconnectDelay the wait before each attempt
 * @param notices receives one-line messages about drops, reconnections and the end of the stream
 *     (on the thread that reads the source)
 */
public record LiveSourceOptions(Duration timeout, int reconnects, Duration reconnectDelay, Consumer<String> notices) {
    /** The default timeout: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The default number of reconnection attempts: 3. */
    public static final int DEFAULT_RECONNECTS = 3;
    /** The default wait before a reconnection attempt: 1 s. */
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the timeout is not positive, or the count or delay negative
     */
    public LiveSourceOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        Objects.requireNonNull(notices, "notices");
        if (timeout.isNegative() || timeout.isZero() || reconnects < 0 || reconnectDelay.isNegative()) {
            throw new IllegalArgumentException("a live source needs a positive timeout and non-negative reconnects"
                    + " and delay, got " + timeout + ", " + reconnects + ", " + reconnectDelay);
        }
    }

    /** The defaults: 10 s timeout, 3 reconnection attempts 1 s apart, notices ignored. */
    public static LiveSourceOptions defaults() {
        return new LiveSourceOptions(DEFAULT_TIMEOUT, DEFAULT_RECONNECTS, DEFAULT_RECONNECT_DELAY, m -> { });
    }

    /** A copy with another timeout. */
    public LiveSourceOptions withTimeout(Duration value) {
        return new LiveSourceOptions(value, reconnects, reconnectDelay, notices);
    }

    /** A copy with another number of reconnection attempts. */
    public LiveSourceOptions withReconnects(int value) {
        return new LiveSourceOptions(timeout, value, reconnectDelay, notices);
    }

    /** A copy with another wait before reconnecting. */
    public LiveSourceOptions withReconnectDelay(Duration value) {
        return new LiveSourceOptions(timeout, reconnects, value, notices);
    }

    /** A copy that sends its messages elsewhere. */
    public LiveSourceOptions withNotices(Consumer<String> value) {
        return new LiveSourceOptions(timeout, reconnects, reconnectDelay, value);
    }
}
