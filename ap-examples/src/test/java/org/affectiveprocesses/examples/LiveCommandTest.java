package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.engine.djl.DjlBackend;
import org.affectiveprocesses.video.decode.VideoStreamServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ap live} on a real clip streamed over loopback, its outputs, errors and Ctrl-C. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LiveCommandTest {
    @TempDir
    static Path dir;
    private static Path model;
    private static Path megamind;

    @BeforeAll
    static void model() throws IOException {
        megamind = Path.of(System.getProperty("ap.testMedia", "target/test-media")).resolve("Megamind.avi");
        model = dir.resolve("va256.apmodel");
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper(), 256, LabelSpace.valenceArousal());
        try (WindowedAffectiveProcess ap = WindowedAffectiveProcess.open(new DjlBackend(), Engine.named("djl"),
                ModelFile.Contents.of(WeightInitializer.initialize(spec, 5), InferenceOptions.paper(),
                        Provenance.untrained("test", "djl", "untrained")))) {
            ap.save(model);
        }
    }

    @Test
    void aStreamBecomesProvisionalAndSettledRowsWithTheirLatency() throws IOException {
        Path csv = dir.resolve("rows.csv");
        CliRun run;
        try (VideoStreamServer server = VideoStreamServer.start(megamind, new VideoStreamServer.Options(0, -1, false))) {
            run = CliRun.of("live", server.url(), "--model", model.toString(), "-o", csv.toString(), "--bench", "-q");
        }
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("live: \\d+ frames").contains("latency, frame arrival to its immediate row")
                .contains("median").contains("99th percentile").contains("decode").contains("temporal model");
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("frame", "face_id", "timestamp", "status", "lag_frames", "lag_seconds",
                "latency_ms").endsWith("ap_arousal_mean", "ap_arousal_std");
        int status = header.indexOf("status");
        Set<String> provisional = new HashSet<>();
        Set<String> settled = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(header.size());
            assertThat(Double.parseDouble(cells[header.indexOf("latency_ms")])).isPositive();
            String key = cells[0] + "/" + cells[1];
            if (cells[status].equals("provisional")) {
                assertThat(provisional.add(key)).isTrue();
                assertThat(cells[header.indexOf("lag_frames")]).isEqualTo("0");
            } else {
                assertThat(cells[status]).isEqualTo("settled");
                assertThat(settled.add(key)).isTrue();
            }
        }
        assertThat(provisional.size()).isGreaterThan(250);
        assertThat(settled).containsAll(provisional);
        assertThat(run.out()).contains(lines.size() - 1 + " rows written to " + csv);
    }

    @Test
    void jsonLinesGoToStandardOutput() throws IOException {
        CliRun run;
        try (VideoStreamServer server = VideoStreamServer.start(megamind, new VideoStreamServer.Options(0, 30, false))) {
            run = CliRun.of("live", server.url(), "--format", "jsonl", "-q");
        }
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(30);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = json.readTree(lines.get(i));
            assertThat(row.get("frame").asInt()).isEqualTo(i + 1);
            assertThat(row.get("status").asText()).isEqualTo("settled");
            assertThat(row.get("latency_ms").isNumber()).isTrue();
            assertThat(row.has("valence") && row.has("p_happy")).isTrue();
        }
        assertThat(run.err()).contains("30 frames, 30 rows");
    }

    @Test
    void aStreamCutMidWayEndsCleanlyWithTheRowsSoFarAndSaysWhy() throws IOException {
        CliRun run;
        try (VideoStreamServer server = VideoStreamServer.start(megamind, new VideoStreamServer.Options(0, 40, true))) {
            run = CliRun.of("live", server.url(), "--reconnects", "1", "--timeout", "3");
        }
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("reconnecting, attempt 1 of 1").contains("gave up after 1 reconnection attempts")
                .containsPattern("the stream ends after \\d+ frames");
        List<String> rows = run.out().lines().toList();
        assertThat(rows.size() - 1).as("the rows of the frames read before the cut").isBetween(20, 40);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i)).startsWith(i + ",");
        }
    }

    @Test
    void badSourcesAndOptionsAreReportedClearly() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "tcp://127.0.0.1:" + port;
        CliRun refused = CliRun.of("live", url, "--timeout", "2", "-q");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("ap live: error: " + url + ": cannot be opened as a video stream");
        CliRun missing = CliRun.of("live", dir.resolve("nope.mp4").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.mp4: no such video file");
        assertThat(CliRun.of("live", url, "--format", "xml").code()).isEqualTo(2);
        CliRun extension = CliRun.of("live", url, "-o", dir.resolve("rows.txt").toString());
        assertThat(extension.code()).isEqualTo(2);
        assertThat(extension.err()).contains("use .csv or .jsonl");
        assertThat(CliRun.of("live", url, "--model", model.toString(), "--smooth").code()).isEqualTo(2);
    }

    @Test
    void ctrlCEndsCleanlyWithEveryRowIntact() throws Exception {
        Path csv = dir.resolve("interrupted.csv");
        try (VideoStreamServer server = VideoStreamServer.start(megamind, VideoStreamServer.Options.realTime())) {
            Process p = child("live", server.url(), "--model", model.toString(), "-o", csv.toString()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (rows(csv) < 40) {
                    assertThat(p.isAlive()).as("the child still runs: %s", log()).isTrue();
                    assertThat(System.nanoTime()).as("rows in time").isLessThan(deadline);
                    Thread.sleep(100);
                }
                assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
                assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("ends after Ctrl-C").isTrue();
                assertThat(p.exitValue()).as("the JVM's exit code after SIGINT").isEqualTo(130);
            } finally {
                p.destroyForcibly();
            }
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(Files.readString(csv)).endsWith("\n");
        int columns = lines.get(0).split(",").length;
        Set<String> provisional = new HashSet<>();
        Set<String> settled = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as("a whole row").hasSize(columns);
            (cells[3].equals("provisional") ? provisional : settled).add(cells[0] + "/" + cells[1]);
        }
        assertThat(provisional.size()).as("stopped by Ctrl-C before the clip's 270 frames").isBetween(30, 269);
        assertThat(settled).as("closing the session settled every frame it had read").containsAll(provisional);
    }

    @Test
    void standardInputIsASource() throws Exception {
        Path csv = dir.resolve("stdin.csv");
        Process p = child("live", "-", "-o", csv.toString(), "-q").redirectInput(megamind.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 270);
        assertThat(lines.get(1)).startsWith("1,,0.000000,settled,0,");
        assertThat(lines.get(270)).startsWith("270,");
        assertThat(lines.stream().filter(l -> l.split(",", -1)[7].equals("1")).count()).as("rows with a face")
                .isGreaterThan(250);
    }

    /** The {@code ap} command line in a JVM of its own, its output in child.log. */
    private static ProcessBuilder child(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), ApCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
    }

    private static long rows(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        try (var s = Files.lines(csv)) {
            return s.count() - 1;
        }
    }

    private static String log() throws IOException {
        File f = dir.resolve("child.log").toFile();
        return f.exists() ? Files.readString(f.toPath()) : "";
    }
}
