package org.affectiveprocesses.backbone.expression;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps glibc's malloc from handing the face-api networks' tensor memory back to the kernel after
 * every call. PyTorch's CPU tensors come from malloc; with glibc's default, dynamically adjusted
 * thresholds, blocks of the sizes these networks use (up to 3.3 MB for a batch of 8) are mapped
 * and unmapped, or trimmed from the heap, again and again, and every reuse page-faults: run after
 * run over the same batch of 8 faces, the time per face climbed from 3 to 30 ms and fell back in a
 * saw-tooth; with the thresholds fixed as here it stays at 3-4.5 ms (measured on this machine,
 * one thread). Set once per process, on Linux with glibc: blocks below 32 MB come from the heap
 * ({@code M_MMAP_THRESHOLD}) and up to 64 MB of free heap is kept ({@code M_TRIM_THRESHOLD}). This
 * is a process-wide setting: other code in the process keeps freed memory the same way. Elsewhere
 * (another C library) nothing is changed.
 */
final class GlibcMalloc {
    /** glibc's mallopt parameter numbers (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 64 << 20;
    private static Boolean applied;

    private GlibcMalloc() {
    }

    /** The one libc function used. */
    private interface LibC extends Library {
        int mallopt(int param, int value);
    }

    /**
     * Sets the thresholds, once.
     *
     * @return whether glibc took them (false on other C libraries and systems)
     */
    static synchronized boolean keepFreedMemory() {
        if (applied == null) {
            applied = apply();
        }
        return applied;
    }

    private static boolean apply() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            LibC c = Native.load("c", LibC.class);
            boolean mmap = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1;
            return c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1 && mmap;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
