package org.affectiveprocesses.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.affectiveprocesses.video.AffectRecognizer;

/**
 * The recognizers (backbone and face detector, with their native models) of one executor JVM,
 * loaded lazily and reused by every task that runs there: a task borrows one for its video and
 * gives it back. An {@link AffectRecognizer} reads one video at a time, so the pool grows to at
 * most one recognizer per task slot of the executor and no further, whatever the number of tasks.
 * Recognizers live as long as the executor (their native memory is released when it exits).
 */
final class RecognizerPool {
    /**
     * What a recognizer is built from.
     *
     * @param backbone the backbone's name
     * @param detector the face detector's name
     * @param folderFps the frame rate given to image folders
     */
    record Settings(String backbone, String detector, double folderFps) implements Serializable {
    }

    private static final Map<Settings, Deque<AffectRecognizer>> IDLE = new HashMap<>();
    private static final AtomicInteger CREATED = new AtomicInteger();

    private RecognizerPool() {
    }

    /** An idle recognizer of these settings, or a new one. */
    static AffectRecognizer borrow(Settings s) throws IOException {
        synchronized (IDLE) {
            AffectRecognizer idle = IDLE.computeIfAbsent(s, k -> new ArrayDeque<>()).pollFirst();
            if (idle != null) {
                return idle;
            }
        }
        ExecutorDefaults.apply();
        AffectRecognizer r = AffectRecognizer.builder().backbone(s.backbone()).detector(s.detector())
                .folderFrameRate(s.folderFps()).build();
        CREATED.incrementAndGet();
        return r;
    }

    /** Gives a recognizer back for the next task. */
    static void release(Settings s, AffectRecognizer r) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(s, k -> new ArrayDeque<>()).addFirst(r);
        }
    }

    /** How many recognizers this JVM has built (each loads the backbone and detector once). */
    static int created() {
        return CREATED.get();
    }
}
