package org.affectiveprocesses.video.output;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar: {@code [=========>          ]  45%  123/270 frames  31.2 frames/s}.
 * On a terminal it is redrawn in place with a carriage return at most five times a second; on a
 * pipe or a file (logs) it prints a whole line each time another tenth of the frames is done, or,
 * without a declared frame count, every ten seconds. Without a declared frame count it shows only
 * the frames done and the rate.
 */
public final class ProgressLine implements VideoExport.Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_LINE_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long lastDraw;
    private boolean drawn;
    private int lastTenth = -1;

    /**
     * A bar redrawn in place (for a terminal).
     *
     * @param out where to draw (usually {@code System.err})
     */
    public ProgressLine(PrintStream out) {
        this(out, true);
    }

    /**
     * @param out where to draw (usually {@code System.err})
     * @param terminal whether {@code out} is a terminal (redraw in place) rather than a pipe or a
     *     file (one line per tenth)
     */
    public ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void update(int frames, int declaredFrames, double elapsedSeconds) {
        long now = System.nanoTime();
        if (!terminal) {
            int tenth = declaredFrames > 0 ? (int) Math.min(10, 10L * frames / declaredFrames) : -1;
            boolean due = declaredFrames > 0 ? tenth > lastTenth : !drawn || now - lastDraw >= LOG_LINE_NANOS;
            if (due) {
                lastTenth = tenth;
                lastDraw = now;
                drawn = true;
                out.println(render(frames, declaredFrames, elapsedSeconds));
                out.flush();
            }
            return;
        }
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print('\r' + render(frames, declaredFrames, elapsedSeconds));
        out.flush();
    }

    /** Ends the line (call once after the last update). */
    public void finish() {
        if (drawn && terminal) {
            out.println();
        }
    }

    /** The text of the bar. */
    static String render(int frames, int declaredFrames, double elapsedSeconds) {
        double rate = elapsedSeconds > 0 ? frames / elapsedSeconds : 0;
        if (declaredFrames <= 0) {
            return String.format(Locale.ROOT, "%d frames  %.1f frames/s", frames, rate);
        }
        double share = Math.min(1.0, (double) frames / declaredFrames);
        int filled = (int) Math.round(share * WIDTH);
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled - 1 ? '=' : i == filled - 1 ? (filled == WIDTH ? '=' : '>') : ' ');
        }
        bar.append(']');
        return String.format(Locale.ROOT, "%s %3d%%  %d/%d frames  %.1f frames/s", bar, Math.round(share * 100),
                frames, declaredFrames, rate);
    }
}
