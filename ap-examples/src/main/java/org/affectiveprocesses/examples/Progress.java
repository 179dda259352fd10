package org.affectiveprocesses.examples;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on standard error for long work: redrawn in place on a terminal; on a pipe or a
 * file (CI logs, tests), one line every tenth of the way. Silent when disabled.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final boolean enabled;
    private String label = "";
    private long total;
    private int lastTenth;
    private long lastDraw;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = System.console() != null;
    }

    /** Says on one line what is starting (when enabled), before a task whose length is not known yet. */
    void note(String what) {
        if (enabled) {
            err.println(what + " ...");
            err.flush();
        }
    }

    /** Starts a task of {@code total} units. */
    void start(String newLabel, long newTotal) {
        this.label = newLabel;
        this.total = Math.max(1, newTotal);
        this.lastTenth = -1;
        this.lastDraw = 0;
    }

    /** Reports {@code done} units with an optional note (e.g. the loss). */
    void update(long done, String note) {
        if (!enabled) {
            return;
        }
        double f = Math.min(1.0, (double) done / total);
        String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d%s", label, "#".repeat((int) (f * WIDTH)),
                " ".repeat(WIDTH - (int) (f * WIDTH)), done, total, note.isEmpty() ? "" : "  " + note);
        if (terminal) {
            long now = System.nanoTime();
            if (done >= total || now - lastDraw > 100_000_000L) {
                err.print("\r" + line);
                lastDraw = now;
                if (done >= total) {
                    err.println();
                }
                err.flush();
            }
        } else {
            int tenth = (int) (f * 10);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(line);
            }
        }
    }
}
