package org.affectiveprocesses.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectStream;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.FrameEstimate;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.InvalidSequenceException;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.StreamListener;
import org.affectiveprocesses.api.StreamOptions;
import org.affectiveprocesses.core.conformance.ReferenceBackend;
import org.affectiveprocesses.core.conformance.StreamConformance;
import org.junit.jupiter.api.Test;

/**
 * The live stream on the plain-Java reference engine: its estimates equal the batch API's for
 * every variant, selector, windowing and stream length, and it keeps its thread contract and
 * rejects bad frames without harm. (The engine conformance suite repeats the equality on each
 * engine.)
 */
class LiveStreamTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();
    private static final Engine ENGINE = Engine.named("reference").withBatchSize(4);
    private static final double TOLERANCE = 1e-5;

    private static WindowedAffectiveProcess model(ApVariant variant) {
        return StreamConformance.randomModel(REFERENCE, ENGINE, variant, options(variant), 3);
    }

    /** The small options, with random selection and no samples for the deterministic AP. */
    private static InferenceOptions options(ApVariant variant) {
        InferenceOptions o = StreamConformance.smallOptions();
        return variant.isStochastic() ? o : o.withSelector(ContextSelectors.random(4)).withSamples(0, 0);
    }

    @Test
    void everyVariantMatchesTheBatchApiWithGapsSamplesAndCalibration() {
        AffectSequence s = StreamConformance.randomSequence("live", 130, 6, 1);
        for (ApVariant v : ApVariant.values()) {
            try (WindowedAffectiveProcess ap = model(v)) {
                StreamConformance.assertMatchesBatch(ap, options(v), s, 3, TOLERANCE);
            }
        }
    }

    @Test
    void overlappingWindowsAndEverySelectorMatchTheBatchApi() {
        AffectSequence s = StreamConformance.randomSequence("overlap", 110, 6, 2);
        try (WindowedAffectiveProcess ap = model(ApVariant.LATENT)) {
            InferenceOptions o = StreamConformance.smallOptions();
            StreamConformance.assertMatchesBatch(ap, o.withHop(7), s, 5, TOLERANCE);
            StreamConformance.assertMatchesBatch(ap, o.withHop(1).withSamples(0, 0), s, 9, TOLERANCE);
            StreamConformance.assertMatchesBatch(ap, o.withSelector(ContextSelectors.highestSigma()), s, 5, TOLERANCE);
            StreamConformance.assertMatchesBatch(ap, o.withSelector(ContextSelectors.all()), s, 5, TOLERANCE);
            StreamConformance.assertMatchesBatch(ap, o.withSelector(ContextSelectors.random(9)).withHop(10), s, 5, TOLERANCE);
            StreamConformance.assertMatchesBatch(ap, o.withContextSize(30), s, 5, TOLERANCE);
        }
    }

    @Test
    void streamsShorterThanAWindowOrOfExactlyOneMatchTheBatchApi() {
        try (WindowedAffectiveProcess ap = model(ApVariant.LATENT)) {
            InferenceOptions o = StreamConformance.smallOptions();
            for (int frames : new int[] {1, 5, 24, 27, 30, 48, 49}) {
                AffectSequence s = StreamConformance.prefix(StreamConformance.randomSequence("short", 60, 6, 3), frames);
                StreamConformance.assertMatchesBatch(ap, o, s, 1, TOLERANCE);
            }
        }
    }

    @Test
    void aLongStreamWithManyOverlappingWindowsStaysEqualToTheBatchApi() {
        AffectSequence s = StreamConformance.randomSequence("long", 2000, 6, 4);
        try (WindowedAffectiveProcess ap = model(ApVariant.LATENT)) {
            InferenceOptions o = StreamConformance.smallOptions().withHop(5).withSamples(0, 0);
            StreamConformance.Heard heard = StreamConformance.feed(ap, new StreamOptions(s.id(), o, false), s);
            Prediction p = ap.predict(s, o);
            assertThat(heard.provisional).isEmpty();
            for (int t = 0; t < s.length(); t++) {
                FrameEstimate e = heard.settled.get((long) t);
                if (s.isValid(t)) {
                    assertThat((double) e.mean(1)).as("frame %d", t).isCloseTo(p.mean(t, 1),
                            within(TOLERANCE));
                    assertThat((double) e.std(0)).isCloseTo(p.std(t, 0), within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void framesFedFromSeveralThreadsEnterWholeInTheOrderTheyCameAndTheListenerIsNeverConcurrent()
            throws InterruptedException {
        AffectSequence pool = StreamConformance.randomSequence("pool", 240, 6, 5);
        List<Integer> faces = new ArrayList<>();
        for (int t = 0; t < pool.length(); t++) {
            if (pool.isValid(t)) {
                faces.add(t);
            }
        }
        ThreadLocal<Integer> feeding = new ThreadLocal<>();
        Map<Long, Integer> sourceOfFrame = new ConcurrentHashMap<>();
        AtomicInteger inListener = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        StreamConformance.Heard heard = new StreamConformance.Heard();
        StreamListener listener = e -> {
            if (inListener.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (e.status() == FrameEstimate.Status.PROVISIONAL) {
                sourceOfFrame.put(e.frame(), feeding.get()); // the provisional estimate comes inside its accept
            }
            heard.onEstimate(e);
            Thread.onSpinWait();
            inListener.decrementAndGet();
        };
        int threads = 4;
        InferenceOptions o = StreamConformance.smallOptions();
        try (WindowedAffectiveProcess ap = model(ApVariant.LATENT)) {
            AffectStream stream = ap.stream(new StreamOptions("threads", o, true), listener);
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> feeders = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                int first = k;
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = first; i < faces.size(); i += threads) {
                        int t = faces.get(i);
                        feeding.set(t);
                        stream.accept(0.0, pool.features(t), pool.pseudoLabels(t));
                    }
                });
                feeders.add(th);
                th.start();
            }
            start.countDown();
            for (Thread th : feeders) {
                th.join();
            }
            stream.close();
            assertThat(overlaps.get()).isZero();
            assertThat(stream.frameCount()).isEqualTo(faces.size());
            assertThat(heard.provisional).hasSize(faces.size());
            assertThat(heard.settled).hasSize(faces.size());
            assertThat(sourceOfFrame.values()).containsExactlyInAnyOrderElementsOf(faces);
            // the frames in the order the stream numbered them, read by the batch API
            AffectSequence.Builder b = AffectSequence.builder("threads", pool.labelSpace(), pool.featureSize());
            for (long f = 0; f < faces.size(); f++) {
                int t = sourceOfFrame.get(f);
                b.addFrame(0.0, pool.features(t), pool.pseudoLabels(t), null);
            }
            Prediction p = ap.predict(b.build(), o);
            long last = -1;
            for (FrameEstimate e : heard.order) {
                if (e.isSettled()) {
                    assertThat(e.frame()).isEqualTo(last + 1);
                    last = e.frame();
                    assertThat((double) e.mean(0)).isCloseTo(p.mean((int) e.frame(), 0),
                            within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void badFramesAreRejectedNamingTheFrameAndChangeNothing() {
        AffectSequence s = StreamConformance.randomSequence("bad", 60, 6, 6);
        try (WindowedAffectiveProcess ap = model(ApVariant.LATENT)) {
            StreamConformance.Heard heard = new StreamConformance.Heard();
            AffectStream stream = ap.stream(new StreamOptions("bad", StreamConformance.smallOptions(), true), heard);
            stream.accept(1.0, s.features(0), s.pseudoLabels(0));
            assertThatThrownBy(() -> stream.accept(1.1, new float[5], new float[2]))
                    .isInstanceOf(InvalidSequenceException.class).hasMessageContaining("'bad', frame 1")
                    .hasMessageContaining("features have 5 values, expected 6");
            float[] nan = s.features(1);
            nan[3] = Float.NaN;
            assertThatThrownBy(() -> stream.accept(1.1, nan, s.pseudoLabels(1)))
                    .isInstanceOf(InvalidSequenceException.class).hasMessageContaining("feature 3 is NaN");
            assertThatThrownBy(() -> stream.accept(1.1, s.features(1), new float[] {0, Float.POSITIVE_INFINITY}))
                    .isInstanceOf(InvalidSequenceException.class).hasMessageContaining("pseudo-label arousal is Infinity");
            assertThatThrownBy(() -> stream.accept(1.1, null, s.pseudoLabels(1)))
                    .isInstanceOf(InvalidSequenceException.class).hasMessageContaining("features are missing");
            assertThatThrownBy(() -> stream.acceptWithoutFace(0.5))
                    .isInstanceOf(InvalidSequenceException.class).hasMessageContaining("frame 1")
                    .hasMessageContaining("timestamp goes backwards (1.0 s then 0.5 s)");
            assertThatThrownBy(() -> stream.acceptWithoutFace(Double.NaN))
                    .isInstanceOf(InvalidSequenceException.class).hasMessageContaining("timestamp is NaN");
            assertThat(stream.frameCount()).isEqualTo(1);
            stream.accept(1.2, s.features(1), s.pseudoLabels(1));
            stream.close();
            assertThat(heard.settled.keySet()).containsExactlyInAnyOrder(0L, 1L);
            assertThatThrownBy(() -> stream.accept(2, s.features(2), s.pseudoLabels(2)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'bad' is closed");
            stream.close();
            assertThat(heard.closes).isEqualTo(1);
        }
    }

    @Test
    void aFailingListenerFailsTheStreamAndAListenerMayNotFeedItsOwnStream() {
        AffectSequence s = StreamConformance.randomSequence("fail", 30, 6, 7);
        try (WindowedAffectiveProcess ap = model(ApVariant.LATENT)) {
            AffectStream failing = ap.stream(new StreamOptions("fail", StreamConformance.smallOptions(), true), e -> {
                throw new IllegalArgumentException("display gone");
            });
            assertThatThrownBy(() -> failing.accept(0, s.features(0), s.pseudoLabels(0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("display gone");
            assertThatThrownBy(() -> failing.accept(0, s.features(1), s.pseudoLabels(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed").hasMessageContaining("display gone");
            failing.close();

            AffectStream[] self = new AffectStream[1];
            self[0] = ap.stream(new StreamOptions("self", StreamConformance.smallOptions(), true),
                    e -> self[0].acceptWithoutFace(e.seconds()));
            assertThatThrownBy(() -> self[0].accept(0, s.features(0), s.pseudoLabels(0)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("may not feed the stream it listens to");
        }
    }

    @Test
    void optionsTheModelCannotServeAreRefusedAndAStreamOutlivesItsModel() {
        AffectSequence s = StreamConformance.randomSequence("outlive", 30, 6, 8);
        try (WindowedAffectiveProcess det = model(ApVariant.DETERMINISTIC)) {
            StreamListener ignore = e -> { };
            assertThatThrownBy(() -> det.stream(StreamOptions.of(StreamConformance.smallOptions()), ignore))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs per-frame σ");
            assertThatThrownBy(() -> det.stream(StreamOptions.of(StreamConformance.smallOptions()
                    .withSelector(ContextSelectors.all())), ignore))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample");
        }
        WindowedAffectiveProcess ap = model(ApVariant.LATENT);
        StreamConformance.Heard heard = new StreamConformance.Heard();
        AffectStream stream = ap.stream(heard);
        ap.close();
        assertThatThrownBy(() -> ap.stream(heard)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        stream.accept(0, s.features(0), s.pseudoLabels(0));
        stream.close();
        assertThat(heard.settled.get(0L).mean(0)).isEqualTo(heard.provisional.get(0L).mean(0));
        assertThat(stream.options().streamId()).isEqualTo(StreamOptions.DEFAULT_STREAM_ID);
        assertThat(stream.settleLag()).isEqualTo(24);
    }
}
