package org.affectiveprocesses.examples;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.FrameAffect;
import org.affectiveprocesses.video.FrameAffects;

/**
 * {@code ap bench --video CLIP}: the file path end to end ({@code AffectRecognizer.analyze}, the
 * default recognizer, no Affective Process) on one clip, several times with one recognizer. The
 * first run is what a fresh process gives (what {@code ap extract --bench} measures); the runs
 * after it show the rate once the JVM has compiled the pipeline's code and sized its heap, as on a
 * long video or the second video of a batch. Each run prints frames/s, the time to its first row,
 * the time per stage, and the JIT compilation and garbage collection time the process spent during
 * it (CPU time the compiler threads took from the two pipeline threads).
 */
final class VideoBench {
    private VideoBench() {
    }

    /**
     * @param clip the video
     * @param runs how many times to read it
     */
    static void run(Path clip, int runs) throws IOException {
        System.out.printf(Locale.ROOT, "Video: %s through the default recognizer (BlazeFace, landmarks, head pose,"
                + " face-expression backbone, largest face), %d runs with one recognizer; %d cores; load average"
                + " %.2f%n", clip, runs, Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
        long b0 = System.nanoTime();
        try (AffectRecognizer recognizer = AffectRecognizer.builder().build()) {
            System.out.printf(Locale.ROOT, "recognizer built in %.0f ms (models loaded, natives loaded, each network"
                    + " run once)%n", (System.nanoTime() - b0) / 1e6);
            for (int r = 1; r <= runs; r++) {
                long jit0 = compilationMillis();
                long gc0 = gcMillis();
                long t0 = System.nanoTime();
                long first = 0;
                int rows = 0;
                int frames = 0;
                int last = -1;
                try (FrameAffects affects = recognizer.analyze(clip)) {
                    for (FrameAffect f : affects) {
                        if (rows++ == 0) {
                            first = System.nanoTime();
                        }
                        if (f.frame() != last) {
                            frames++;
                            last = f.frame();
                        }
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    String firstRow = rows == 0 ? "no rows"
                            : String.format(Locale.ROOT, "first row after %.0f ms", (first - t0) / 1e6);
                    System.out.printf(Locale.ROOT, "run %d: %d frames in %.2f s: %.1f frames/s; %s; JIT compilation"
                            + " %.0f ms, GC %.0f ms during the run; %s%n", r, frames, seconds, frames / seconds,
                            firstRow, (double) compilationMillis() - jit0, (double) gcMillis() - gc0,
                            affects.timings().summary());
                }
            }
        }
    }

    private static long compilationMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
