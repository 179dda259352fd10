package org.affectiveprocesses.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Training on a thread other than the one that loaded the engine, and several trainings at once. */
class GradientsTest {
    private static final Adam.Settings SETTINGS = new Adam.Settings(0.9, 0.999, 1e-8, 0.01, 0);

    @Test
    void trainingOnAnotherThreadGivesWhatItGivesOnThisOne() throws Exception {
        float[] here = AdamTest.train(new float[] {1, -2, 3}, SETTINGS, 20, 0.05);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            float[] there = pool.submit(() -> AdamTest.train(new float[] {1, -2, 3}, SETTINGS, 20, 0.05)).get();
            assertThat(there).containsExactly(here);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void trainingsOnTwoThreadsAtOnceEachGiveWhatTheyGiveAlone() throws Exception {
        float[] aloneA = AdamTest.train(new float[] {1, -2, 3}, SETTINGS, 200, 0.05);
        float[] aloneB = AdamTest.train(new float[] {-4, 5}, SETTINGS, 200, 0.02);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<float[]> a = pool.submit(() -> {
                start.await();
                return AdamTest.train(new float[] {1, -2, 3}, SETTINGS, 200, 0.05);
            });
            Future<float[]> b = pool.submit(() -> {
                start.await();
                return AdamTest.train(new float[] {-4, 5}, SETTINGS, 200, 0.02);
            });
            start.countDown();
            assertThat(a.get()).containsExactly(aloneA);
            assertThat(b.get()).containsExactly(aloneB);
        } finally {
            pool.shutdown();
        }
    }
}
