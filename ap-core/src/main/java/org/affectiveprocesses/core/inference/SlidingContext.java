package org.affectiveprocesses.core.inference;

import java.util.Arrays;
import org.affectiveprocesses.api.ContextCandidates;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextSelectors;

/**
 * The context of a window that slides over a stream one frame at a time: the last {@code
 * windowLength} frames (fewer at the start), of which a selector's choice is the context. Frames
 * are numbered 0, 1, … in stream order; a frame enters the window with its ‖σ‖ and the oldest
 * leaves once the window is full. Every change of the context is reported to {@link Members}, so
 * the caller keeps the context's aggregate up to date by adding and removing frames.
 *
 * <p>The selectors of the paper keep an ordered structure: frames sorted by (σ, frame) for {@link
 * ContextSelectors#lowestSigma()}, by (−σ, frame) for {@link ContextSelectors#highestSigma()},
 * the context being the first C, as {@code ContextSelectors} orders them (ties to the earlier
 * frame), so a step costs one binary search and a shift of at most L entries and changes the
 * context by at most two frames in and two out. {@link ContextSelectors#all()} takes every frame.
 * Any other selector is asked afresh for every window and the difference applied (O(L) per step).
 */
final class SlidingContext {
    /** Told when a frame enters or leaves the context. */
    interface Members {
        /** Frame {@code frame} joined the context. */
        void entered(long frame);

        /** Frame {@code frame} left the context. */
        void left(long frame);
    }

    private enum Mode { LOWEST, HIGHEST, ALL, SELECTOR }

    private final int windowLength;
    private final int contextSize;
    private final ContextSelector selector;
    private final Mode mode;
    private final Members members;
    private final float[] keys;
    private final long[] order;
    private final float[] sigmaBySlot;
    private final boolean[] selectedBySlot;
    private final boolean hasSigma;
    private int size;
    private long newest = -1;
    private int selectedCount;

    /**
     * @param windowLength L
     * @param contextSize C (a window of fewer frames takes all of them)
     * @param selector the selector
     * @param hasSigma whether frames have ‖σ‖ (false for the deterministic AP)
     * @param members told of every change of the context
     */
    SlidingContext(int windowLength, int contextSize, ContextSelector selector, boolean hasSigma, Members members) {
        this.windowLength = windowLength;
        this.contextSize = contextSize;
        this.selector = selector;
        this.hasSigma = hasSigma;
        this.members = members;
        if (selector.equals(ContextSelectors.lowestSigma())) {
            mode = Mode.LOWEST;
        } else if (selector.equals(ContextSelectors.highestSigma())) {
            mode = Mode.HIGHEST;
        } else if (selector.equals(ContextSelectors.all())) {
            mode = Mode.ALL;
        } else {
            mode = Mode.SELECTOR;
        }
        this.keys = new float[windowLength];
        this.order = new long[windowLength];
        this.sigmaBySlot = new float[windowLength];
        this.selectedBySlot = new boolean[windowLength];
    }

    /**
     * Slides the window: the next frame enters, and the oldest leaves if the window was full.
     *
     * @param sigmaNorm the new frame's ‖σ‖ (NaN without σ)
     * @param windowKey the key of the new window (random selectors read it)
     * @return whether the context changed
     */
    boolean slide(float sigmaNorm, long windowKey) {
        long frame = ++newest;
        boolean changed = false;
        if (size == windowLength) {
            changed = remove(frame - windowLength);
        }
        int slot = slot(frame);
        sigmaBySlot[slot] = sigmaNorm;
        selectedBySlot[slot] = false;
        switch (mode) {
            case LOWEST, HIGHEST -> changed |= insertOrdered(frame, mode == Mode.LOWEST ? sigmaNorm : -sigmaNorm);
            case ALL -> {
                size++;
                enter(frame);
                changed = true;
            }
            default -> {
                size++;
                changed |= reselect(windowKey);
            }
        }
        return changed;
    }

    /** The number of frames in the window. */
    int size() {
        return size;
    }

    /** The number of context frames. */
    int selectedCount() {
        return selectedCount;
    }

    /**
     * Lists the context frames.
     *
     * @param out room for {@link #selectedCount()} frames
     * @return the count written
     */
    int selected(long[] out) {
        int n = 0;
        for (long f = newest - size + 1; f <= newest; f++) {
            if (selectedBySlot[slot(f)]) {
                out[n++] = f;
            }
        }
        return n;
    }

    /** Removes the oldest frame; returns whether the context changed. */
    private boolean remove(long frame) {
        int slot = slot(frame);
        boolean was = selectedBySlot[slot];
        if (mode == Mode.LOWEST || mode == Mode.HIGHEST) {
            int q = find(frame, mode == Mode.LOWEST ? sigmaBySlot[slot] : -sigmaBySlot[slot]);
            int before = Math.min(contextSize, size);
            System.arraycopy(keys, q + 1, keys, q, size - q - 1);
            System.arraycopy(order, q + 1, order, q, size - q - 1);
            size--;
            if (was) {
                leave(frame);
                if (size >= contextSize) {
                    enter(order[before - 1]); // the first frame beyond the context moved up into it
                }
            }
            return was;
        }
        size--;
        if (was) {
            leave(frame);
        }
        return was;
    }

    /** Inserts a frame into the ordered modes' sorted arrays; returns whether the context changed. */
    private boolean insertOrdered(long frame, float key) {
        int before = Math.min(contextSize, size);
        int p = upperBound(key);
        System.arraycopy(keys, p, keys, p + 1, size - p);
        System.arraycopy(order, p, order, p + 1, size - p);
        keys[p] = key;
        order[p] = frame;
        size++;
        int after = Math.min(contextSize, size);
        if (p >= after) {
            return false;
        }
        enter(frame);
        if (after == before && p < before) {
            leave(order[before]); // pushed out of the context by the new frame
        }
        return true;
    }

    /** Asks the selector for the new window's context and applies the difference. */
    private boolean reselect(long windowKey) {
        long first = newest - size + 1;
        double[] sigma = null;
        if (hasSigma) {
            sigma = new double[size];
            for (int i = 0; i < size; i++) {
                sigma[i] = sigmaBySlot[slot(first + i)];
            }
        }
        int c = Math.min(contextSize, size);
        int[] chosen = SelectedContext.validated(selector,
                selector.select(new ContextCandidates(sigma, size, windowKey), c), size, -1);
        boolean[] now = new boolean[size];
        for (int i : chosen) {
            now[i] = true;
        }
        boolean changed = false;
        for (int i = 0; i < size; i++) {
            long f = first + i;
            if (now[i] != selectedBySlot[slot(f)]) {
                changed = true;
                if (now[i]) {
                    enter(f);
                } else {
                    leave(f);
                }
            }
        }
        return changed;
    }

    private void enter(long frame) {
        selectedBySlot[slot(frame)] = true;
        selectedCount++;
        members.entered(frame);
    }

    private void leave(long frame) {
        selectedBySlot[slot(frame)] = false;
        selectedCount--;
        members.left(frame);
    }

    /** The first position whose key is greater than {@code key} (after every equal key: frames come in order). */
    private int upperBound(float key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The position of a frame with the given key. */
    private int find(long frame, float key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key || (keys[mid] == key && order[mid] < frame)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo >= size || order[lo] != frame) {
            throw new IllegalStateException("frame " + frame + " is not in the window " + Arrays.toString(order));
        }
        return lo;
    }

    private int slot(long frame) {
        return (int) (frame % windowLength);
    }
}
