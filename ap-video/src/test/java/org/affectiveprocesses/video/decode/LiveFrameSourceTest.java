package org.affectiveprocesses.video.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Live source names, platforms and bad sources (no camera or network service needed). */
class LiveFrameSourceTest {

    @Test
    void namesAreToldApartFromFiles() {
        assertThat(LiveFrameSource.isLive("-")).isTrue();
        assertThat(LiveFrameSource.isLive("camera:0")).isTrue();
        assertThat(LiveFrameSource.isLive("/dev/video2")).isTrue();
        assertThat(LiveFrameSource.isLive("rtsp://10.0.0.2/stream")).isTrue();
        assertThat(LiveFrameSource.isLive("HTTP://host/x.ts")).isTrue();
        assertThat(LiveFrameSource.isLive("udp://127.0.0.1:5000")).isTrue();
        assertThat(LiveFrameSource.isLive("interview.mp4")).isFalse();
        assertThat(LiveFrameSource.isLive("ftp://host/x.mp4")).isFalse();
        assertThatThrownBy(() -> LiveFrameSource.open("clip.mp4", LiveSourceOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'clip.mp4' is not a camera");
    }

    @Test
    void camerasUseThePlatformsDeviceInput() throws MediaFormatException {
        assertThat(LiveFrameSource.camera("camera:0", "Linux")).isEqualTo(new LiveFrameSource.Camera("video4linux2",
                "/dev/video0"));
        assertThat(LiveFrameSource.camera("/dev/video3", "Linux").device()).isEqualTo("/dev/video3");
        assertThat(LiveFrameSource.camera("camera:1", "Mac OS X")).isEqualTo(new LiveFrameSource.Camera("avfoundation",
                "1"));
        assertThat(LiveFrameSource.camera("camera:Integrated Camera", "Windows 11"))
                .isEqualTo(new LiveFrameSource.Camera("dshow", "video=Integrated Camera"));
        assertThatThrownBy(() -> LiveFrameSource.camera("camera:0", "Windows 11"))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("camera:0: DirectShow names cameras");
        assertThatThrownBy(() -> LiveFrameSource.camera("camera:0", "SunOS"))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("not on SunOS");
        assertThatThrownBy(() -> LiveFrameSource.camera("camera:", "Linux"))
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("names no camera");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void badSourcesFailClearlyAndInTime() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LiveSourceOptions quick = LiveSourceOptions.defaults().withTimeout(Duration.ofSeconds(2));
        String refused = "tcp://127.0.0.1:" + port;
        assertThatThrownBy(() -> LiveFrameSource.open(refused, quick)).isInstanceOf(MediaFormatException.class)
                .hasMessageStartingWith(refused + ": cannot be opened as a video stream");
        String http = "http://127.0.0.1:" + port + "/clip.ts";
        assertThatThrownBy(() -> LiveFrameSource.open(http, quick)).isInstanceOf(MediaFormatException.class)
                .hasMessageStartingWith(http + ": cannot be opened");
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String stalled = "tcp://127.0.0.1:" + silent.getLocalPort();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> LiveFrameSource.open(stalled, quick)).as("a server that sends nothing")
                    .isInstanceOf(MediaFormatException.class).hasMessageStartingWith(stalled + ": cannot be opened");
            assertThat((System.nanoTime() - t0) / 1e9).as("gives up after the timeout, does not hang").isLessThan(30);
        }
        assertThatThrownBy(() -> LiveFrameSource.open("/dev/video99", quick)).isInstanceOf(MediaFormatException.class)
                .hasMessageStartingWith("/dev/video99: ").satisfies(e -> assertThat(e.getMessage()).as("no such camera,"
                        + " or (on a machine without PulseAudio's libpulse) no device library")
                        .containsAnyOf("cannot be opened as a video stream", "cameras need FFmpeg's device library"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aFileServedOverHttpIsReadToItsEndWithoutReconnecting() throws IOException {
        byte[] clip = java.nio.file.Files.readAllBytes(org.affectiveprocesses.backbone.TestMedia.file("Megamind.avi"));
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/Megamind.avi", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "video/x-msvideo");
            exchange.sendResponseHeaders(200, clip.length);
            try (var out = exchange.getResponseBody()) {
                out.write(clip);
            }
        });
        server.start();
        java.util.List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/Megamind.avi";
        try (LiveFrameSource s = LiveFrameSource.open(url, LiveSourceOptions.defaults().withNotices(notices::add))) {
            int frames = 0;
            double last = -1;
            for (DecodedFrame f = s.next(); f != null; f = s.next()) {
                assertThat(f.index()).isEqualTo(frames++);
                assertThat(f.seconds()).isGreaterThan(last);
                assertThat(f.image().width()).isEqualTo(720);
                last = f.seconds();
            }
            assertThat(frames).isEqualTo(270);
            assertThat(last).as("the clip's own timeline from 0").isCloseTo(269 / 23.976,
                    org.assertj.core.data.Offset.offset(0.01));
        } finally {
            server.stop(0);
        }
        assertThat(notices).as("a clean end: no reconnection").containsExactly(url
                + ": the stream ended after 270 frames");
    }

    @Test
    void timestampsStartAtZeroAndGoOnAcrossAReconnection() {
        FrameClock clock = new FrameClock(25, true);
        assertThat(clock.seconds(1_400_000)).isZero();
        assertThat(clock.seconds(1_440_000)).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
        clock.rebase();
        assertThat(clock.seconds(900_000)).as("the new connection's first frame: one period later")
                .isCloseTo(0.08, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(clock.seconds(900_000)).as("a time that does not advance").isCloseTo(0.12,
                org.assertj.core.data.Offset.offset(1e-9));
        FrameClock file = new FrameClock(25, false);
        assertThat(file.seconds(500_000)).as("files keep their presentation times").isEqualTo(0.5);
    }
}
