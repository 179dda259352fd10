package org.affectiveprocesses.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.affectiveprocesses.video.LiveAffect;
import org.affectiveprocesses.video.LiveListener;
import org.affectiveprocesses.video.pipeline.PipelineTimings;

/**
 * What {@code ap live --bench} and {@code ap bench --live-video} print about a live session: frames
 * per second, the latency of each frame's immediate rows (a provisional row with an Affective
 * Process; otherwise the row itself) and of the AP's settled rows, and where the time went. Feed it
 * every row (on the session's thread); read it after the session has ended.
 */
final class LiveFigures implements LiveListener {
    private long[] immediate = new long[1024];
    private int immediateCount;
    private long[] settled = new long[1024];
    private int settledCount;
    private long rows;
    private final long startNanos = System.nanoTime();
    private long endNanos;

    @Override
    public void onAffect(LiveAffect row) {
        rows++;
        if (!row.isSettled() || !row.affect().hasPrediction()) {
            immediate = add(immediate, immediateCount++, row.latencyNanos());
        } else {
            settled = add(settled, settledCount++, row.latencyNanos());
        }
    }

    @Override
    public void onEnd(Throwable failure) {
        endNanos = System.nanoTime();
    }

    private static long[] add(long[] values, int at, long v) {
        long[] a = at < values.length ? values : Arrays.copyOf(values, values.length * 2);
        a[at] = v;
        return a;
    }

    /** Rows seen. */
    long rows() {
        return rows;
    }

    /**
     * Prints the figures.
     *
     * @param out where
     * @param timings the session's time by stage
     */
    void print(PrintStream out, PipelineTimings timings) {
        double wall = ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
        out.printf(Locale.ROOT, "live: %d frames (%d faces analysed), %d rows in %.2f s: %.1f frames/s%n",
                timings.frames(), timings.faces(), rows, wall, wall > 0 ? timings.frames() / wall : 0);
        out.printf(Locale.ROOT, "latency, frame arrival to its immediate row (%d rows): median %.1f ms, 99th percentile"
                + " %.1f ms, max %.1f ms%n", immediateCount, percentile(immediate, immediateCount, 50),
                percentile(immediate, immediateCount, 99), percentile(immediate, immediateCount, 100));
        if (settledCount > 0) {
            out.printf(Locale.ROOT, "latency, frame arrival to its settled AP row (%d rows, includes the wait for the"
                    + " window's later frames): median %.1f ms, 99th percentile %.1f ms%n", settledCount,
                    percentile(settled, settledCount, 50), percentile(settled, settledCount, 99));
        }
        out.println("stages (on the pipeline's two threads and the session's, overlapping): " + timings.summary());
    }

    /** The p-th percentile in milliseconds (nearest rank), NaN without values. */
    static double percentile(long[] values, int count, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
