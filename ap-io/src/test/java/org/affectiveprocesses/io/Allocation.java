package org.affectiveprocesses.io;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from the JVM's per-thread allocation counter ({@code
 * com.sun.management.ThreadMXBean}): the memory a reader asked for, independent of garbage
 * collection and of the machine's speed.
 */
public final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private Allocation() {
    }

    /** The bytes the current thread has allocated so far. */
    public static long ofCurrentThread() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** The CPU time of the current thread so far, in nanoseconds. */
    public static long cpuNanosOfCurrentThread() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t)
                || !t.isThreadAllocatedMemorySupported() || !t.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes or CPU time per thread");
        }
        t.setThreadAllocatedMemoryEnabled(true);
        t.setThreadCpuTimeEnabled(true);
        return t;
    }
}
