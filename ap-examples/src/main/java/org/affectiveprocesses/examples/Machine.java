package org.affectiveprocesses.examples;

import java.lang.management.ManagementFactory;

/** What the benchmarks print about the machine they ran on. */
final class Machine {
    private Machine() {
    }

    /** The system load average over the last minute (negative where the platform has none). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
