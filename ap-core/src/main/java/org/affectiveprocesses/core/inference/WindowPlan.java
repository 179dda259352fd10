package org.affectiveprocesses.core.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The windows that cover a sequence of n frames: windows of {@code length} frames starting every
 * {@code hop} frames, the last one aligned to the end so that every frame is covered; a sequence
 * of at most {@code length} frames is one window of all its frames.
 */
public final class WindowPlan {
    private WindowPlan() {
    }

    /** A window: first frame and frame count. */
    public record Window(int start, int length) {
    }

    /**
     * Plans the windows.
     *
     * @param frames n, the number of frames (0 gives no window)
     * @param length the window length
     * @param hop frames between window starts, 1 ≤ hop ≤ length
     */
    public static List<Window> cover(int frames, int length, int hop) {
        if (length < 1 || hop < 1 || hop > length) {
            throw new IllegalArgumentException("bad window length " + length + " / hop " + hop);
        }
        if (frames <= 0) {
            return List.of();
        }
        if (frames <= length) {
            return List.of(new Window(0, frames));
        }
        List<Window> out = new ArrayList<>();
        int start = 0;
        while (start + length < frames) {
            out.add(new Window(start, length));
            start += hop;
        }
        out.add(new Window(frames - length, length));
        return Collections.unmodifiableList(out);
    }
}
