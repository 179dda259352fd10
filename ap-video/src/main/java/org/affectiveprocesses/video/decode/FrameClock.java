package org.affectiveprocesses.video.decode;

/**
 * Frame timestamps from a decoder's presentation times. Where a frame has none, or one that does
 * not advance, the previous frame's time plus one frame period is used, so timestamps always
 * increase. After {@link #rebase()} the timeline continues from the previous frame: the next
 * frame's presentation time maps to the previous frame's time plus one period (0 for the first
 * frame), and later frames keep the stream's own spacing. Not thread-safe.
 */
final class FrameClock {
    private final double period;
    private double offset;
    private boolean rebase;
    private double last = Double.NEGATIVE_INFINITY;

    /**
     * @param fps the nominal frame rate
     * @param startAtZero whether the first frame is at 0 s (live streams) rather than at its
     *     presentation time (files)
     */
    FrameClock(double fps, boolean startAtZero) {
        this.period = 1.0 / fps;
        this.rebase = startAtZero;
    }

    /** The next frame continues the timeline of the previous ones (a stream was opened again). */
    void rebase() {
        rebase = true;
    }

    /**
     * The next frame's time.
     *
     * @param timestampMicros its presentation time in microseconds, as the decoder gives it
     * @return seconds, more than the previous frame's
     */
    double seconds(long timestampMicros) {
        double raw = timestampMicros / 1e6;
        boolean first = last == Double.NEGATIVE_INFINITY;
        if (rebase && raw >= 0) {
            offset = (first ? 0 : last + period) - raw;
            rebase = false;
        }
        double s = raw + offset;
        if (!(s > last) || !Double.isFinite(s) || s < 0) {
            s = first ? 0.0 : last + period;
        }
        last = s;
        return s;
    }
}
