package org.affectiveprocesses.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.affectiveprocesses.api.FrameEstimate;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.decode.DecodedFrame;
import org.affectiveprocesses.video.decode.FrameSource;
import org.affectiveprocesses.video.decode.FrameSources;
import org.affectiveprocesses.video.decode.LiveFrameSource;
import org.affectiveprocesses.video.decode.LiveSourceOptions;
import org.affectiveprocesses.video.decode.VideoStreamServer;
import org.affectiveprocesses.video.pipeline.FaceSelection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Live sessions: pushed and pulled frames, a clip streamed over loopback, drops, threads. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LiveSessionTest {
    private static AffectRecognizer withProcess;
    private static AffectRecognizer plain;
    private static Path megamind;

    @BeforeAll
    static void open() throws IOException {
        megamind = TestMedia.file("Megamind.avi");
        withProcess = AffectRecognizer.builder().process(TestProcesses.untrained(256, 3)).faces(FaceSelection.ALL)
                .build();
        plain = AffectRecognizer.builder().build();
    }

    @AfterAll
    static void close() {
        withProcess.close();
        plain.close();
    }

    /** Collects rows; checks that it is never called concurrently and that the end comes once. */
    private static final class Rows implements LiveListener {
        final List<LiveAffect> rows = new CopyOnWriteArrayList<>();
        final AtomicBoolean busy = new AtomicBoolean();
        final AtomicInteger ends = new AtomicInteger();
        volatile Throwable failure;

        @Override
        public void onAffect(LiveAffect row) {
            assertThat(busy.compareAndSet(false, true)).as("listener called concurrently").isTrue();
            rows.add(row);
            busy.set(false);
        }

        @Override
        public void onEnd(Throwable f) {
            ends.incrementAndGet();
            failure = f;
        }

        List<LiveAffect> settled() {
            return rows.stream().filter(LiveAffect::isSettled).toList();
        }
    }

    private static String key(FrameAffect f) {
        return f.frame() + "/" + f.faceId();
    }

    @Test
    void aSessionOverAFileSettlesToWhatAnalyzeGives() throws IOException {
        Map<String, FrameAffect> batch = new HashMap<>();
        for (FrameAffect f : withProcess.analyze(megamind)) {
            batch.put(key(f), f);
        }
        Rows rows = new Rows();
        try (LiveSession s = withProcess.session(FrameSources.open(megamind), rows)) {
            s.awaitEnd();
        }
        assertThat(rows.ends).hasValue(1);
        assertThat(rows.failure).isNull();
        List<LiveAffect> settled = rows.settled();
        assertThat(settled).hasSize(batch.size());
        int faces = 0;
        for (LiveAffect r : settled) {
            FrameAffect b = batch.get(key(r.affect()));
            assertThat(b).as("row %s", key(r.affect())).isNotNull();
            assertThat(r.affect().faceFound()).isEqualTo(b.faceFound());
            if (b.faceFound()) {
                faces++;
                for (int d = 0; d < 2; d++) {
                    assertThat((double) r.affect().mean(d)).as("mean %s", key(b)).isCloseTo(b.mean(d),
                            org.assertj.core.data.Offset.offset(1e-5));
                    assertThat((double) r.affect().std(d)).as("std %s", key(b)).isCloseTo(b.std(d),
                            org.assertj.core.data.Offset.offset(1e-5));
                }
            } else {
                assertThat(r.lagFrames()).isZero();
            }
        }
        assertThat(faces).isGreaterThan(250);
        List<LiveAffect> provisional = rows.rows.stream().filter(r -> !r.isSettled()).toList();
        assertThat(provisional).as("one provisional row per face per frame").hasSize(faces);
        assertThat(provisional).allSatisfy(r -> assertThat(r.lagFrames()).isZero());
        assertThat(settled.stream().mapToLong(LiveAffect::lagFrames).max().orElseThrow())
                .as("a face in every frame settles 70 of its frames later").isGreaterThanOrEqualTo(70);
        Map<Integer, Long> last = new HashMap<>();
        for (LiveAffect r : settled) {
            if (r.affect().faceFound()) {
                Long before = last.put(r.affect().faceId(), (long) r.affect().frame());
                assertThat(before == null || before < r.affect().frame()).as("a face settles in frame order").isTrue();
            }
        }
    }

    @Test
    void aClipStreamedOverLoopbackIsReadFrameByFrame() throws Exception {
        int counted = 0;
        try (FrameSource f = FrameSources.open(megamind)) {
            while (f.next() != null) {
                counted++;
            }
        }
        int total = counted;
        List<String> notices = new CopyOnWriteArrayList<>();
        Rows rows = new Rows();
        try (VideoStreamServer server = VideoStreamServer.start(megamind, new VideoStreamServer.Options(4, -1, false))) {
            LiveFrameSource source = LiveFrameSource.open(server.url(), LiveSourceOptions.defaults()
                    .withNotices(notices::add));
            assertThat(source.kind()).isEqualTo(LiveFrameSource.Kind.NETWORK);
            assertThat(source.declaredFrames()).isEqualTo(-1);
            try (LiveSession s = plain.session(source, rows)) {
                s.awaitEnd();
                assertThat(s.timings().frames()).isEqualTo(total);
            }
        }
        assertThat(rows.failure).isNull();
        assertThat(rows.rows).extracting(r -> r.affect().frame()).as("every frame once, in order")
                .containsExactlyElementsOf(range(total));
        assertThat(rows.rows.get(0).affect().seconds()).isZero();
        assertThat(rows.rows.stream().filter(r -> r.affect().faceFound()).count()).isGreaterThan(250);
        assertThat(rows.rows).allSatisfy(r -> assertThat(r.latencyNanos()).isPositive());
        assertThat(notices).anySatisfy(n -> assertThat(n).contains("ended after " + total + " frames"));
    }

    @Test
    void aStreamCutMidWayEndsCleanlyWithTheRowsSoFarAndSaysWhy() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        Rows rows = new Rows();
        try (VideoStreamServer server = VideoStreamServer.start(megamind, new VideoStreamServer.Options(0, 60, true))) {
            LiveFrameSource source = LiveFrameSource.open(server.url(), LiveSourceOptions.defaults()
                    .withTimeout(Duration.ofSeconds(3)).withReconnects(2).withReconnectDelay(Duration.ofMillis(100))
                    .withNotices(notices::add));
            try (LiveSession s = withProcess.session(source, rows)) {
                s.awaitEnd();
            }
        }
        assertThat(rows.failure).isNull();
        List<Integer> frames = settledFrames(rows);
        assertThat(frames.size()).as("the frames that arrived before the cut").isBetween(30, 60);
        assertThat(frames).containsExactlyElementsOf(range(frames.size()));
        assertThat(String.join("\n", notices)).contains("reconnecting, attempt 1 of 2")
                .contains("attempt 2 of 2").contains("gave up after 2 reconnection attempts");
    }

    @Test
    void closingAPulledSessionStopsReadingAndSettlesWhatCame() throws Exception {
        Rows rows = new Rows();
        try (VideoStreamServer server = VideoStreamServer.start(megamind, VideoStreamServer.Options.realTime())) {
            LiveSession s = withProcess.session(LiveFrameSource.open(server.url(), LiveSourceOptions.defaults()), rows);
            while (rows.rows.stream().map(r -> r.affect().frame()).distinct().count() < 10) {
                Thread.sleep(20);
            }
            s.close();
            assertThat(s.hasEnded()).isTrue();
        }
        List<Integer> frames = settledFrames(rows);
        assertThat(frames.size()).isBetween(10, 200);
        assertThat(frames).containsExactlyElementsOf(range(frames.size()));
        assertThat(rows.ends).hasValue(1);
    }

    @Test
    void framesFromSeveralThreadsAreOrderedByArrivalAndOutOfOrderTimesAreRefused() throws Exception {
        RgbImage face = TestMedia.image("astronaut.png").resize(200, 200);
        RgbImage image = RgbImage.of(TestVideos.WIDTH, TestVideos.HEIGHT, TestVideos.frame(face, 40));
        Rows rows = new Rows();
        AtomicInteger refused = new AtomicInteger();
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger clock = new AtomicInteger();
        int perThread = 8;
        try (LiveSession s = plain.session("four-threads", rows)) {
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Thread t = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        double seconds = clock.getAndIncrement() / 30.0; // taken before the call: may arrive late
                        try {
                            s.accept(image, seconds);
                        } catch (IllegalArgumentException e) {
                            refused.incrementAndGet();
                            messages.add(e.getMessage());
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        int accepted = 4 * perThread - refused.get();
        assertThat(rows.rows).extracting(r -> r.affect().frame()).containsExactlyElementsOf(range(accepted));
        for (int i = 1; i < accepted; i++) {
            assertThat(rows.rows.get(i).affect().seconds()).isGreaterThanOrEqualTo(rows.rows.get(i - 1).affect()
                    .seconds());
        }
        assertThat(rows.rows).allSatisfy(r -> assertThat(r.affect().faceFound()).isTrue());
        assertThat(messages).allSatisfy(m -> assertThat(m).contains("session four-threads")
                .contains("is before the previous frame's"));
    }

    @Test
    void anOutOfOrderFrameIsRefusedAndTheSessionGoesOn() throws Exception {
        RgbImage blank = RgbImage.of(TestVideos.WIDTH, TestVideos.HEIGHT, TestVideos.frame(null, 0));
        LiveQueue queue = new LiveQueue(1);
        List<LiveAffect> got = new ArrayList<>();
        Thread consumer = new Thread(() -> queue.forEach(got::add));
        consumer.start();
        LiveSession s = withProcess.session("order", queue);
        s.accept(blank, 1.0);
        assertThatThrownBy(() -> s.accept(blank, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session order, frame 1: timestamp 0.5 s is before the previous frame's 1.0 s");
        assertThatThrownBy(() -> s.accept(blank, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
        s.accept(blank, 1.0);
        s.accept(blank, 2.0);
        s.close();
        consumer.join();
        assertThat(got).extracting(r -> r.affect().frame()).containsExactly(0, 1, 2);
        assertThat(got).allSatisfy(r -> {
            assertThat(r.affect().faceFound()).isFalse();
            assertThat(r.status()).isEqualTo(FrameEstimate.Status.SETTLED);
        });
        assertThatThrownBy(() -> s.accept(blank, 3.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        try (FrameSource file = FrameSources.open(megamind); LiveSession pulled = plain.session(file, r -> { })) {
            assertThatThrownBy(() -> pulled.accept(blank, 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reads its frames from its source");
        }
    }

    @Test
    void aFailingListenerFailsTheSession() throws Exception {
        RgbImage blank = RgbImage.of(TestVideos.WIDTH, TestVideos.HEIGHT, TestVideos.frame(null, 0));
        LiveSession s = plain.session("failing", r -> {
            throw new IllegalStateException("listener broke");
        });
        s.accept(blank, 0);
        assertThatThrownBy(() -> {
            for (int i = 1; i < 100; i++) {
                s.accept(blank, i);
                Thread.sleep(10);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("session failing failed: listener broke");
        assertThatThrownBy(s::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("listener broke");
    }

    @Test
    void aPulledSessionGivesEveryFrameBackToItsSourceInOrder() throws Exception {
        List<Integer> recycled = new CopyOnWriteArrayList<>();
        Rows rows = new Rows();
        try (FrameSource file = FrameSources.open(megamind)) {
            FrameSource counting = new FrameSource() {
                @Override
                public String name() {
                    return file.name();
                }

                @Override
                public double frameRate() {
                    return file.frameRate();
                }

                @Override
                public int declaredFrames() {
                    return file.declaredFrames();
                }

                @Override
                public DecodedFrame next() throws IOException {
                    return file.next();
                }

                @Override
                public void recycle(DecodedFrame frame) {
                    recycled.add(frame.index());
                    file.recycle(frame);
                }

                @Override
                public void close() {
                }
            };
            try (LiveSession s = plain.session(counting, rows)) {
                s.awaitEnd();
            }
        }
        assertThat(rows.failure).isNull();
        assertThat(recycled).as("every frame given back once, in order, after its analysis")
                .containsExactlyElementsOf(range(270));
    }

    /** The frames of the settled rows, each once (sorted), after checking that no face row came twice. */
    private static List<Integer> settledFrames(Rows rows) {
        List<LiveAffect> settled = rows.settled();
        assertThat(settled.stream().map(r -> key(r.affect())).distinct().count()).as("each face in a frame settles once")
                .isEqualTo(settled.size());
        return settled.stream().map(r -> r.affect().frame()).distinct().sorted().toList();
    }

    private static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }
}
