package org.affectiveprocesses.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.LiveAffect;
import org.affectiveprocesses.video.LiveListener;
import org.affectiveprocesses.video.LiveSession;
import org.affectiveprocesses.video.decode.FrameSource;
import org.affectiveprocesses.video.decode.FrameSources;
import org.affectiveprocesses.video.decode.LiveSourceOptions;
import org.affectiveprocesses.video.output.AffectCsv;
import org.affectiveprocesses.video.output.LiveRowWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ap live SOURCE}: per-frame, per-face affect from a camera, a network stream, standard
 * input or a file, printed or written as it comes, with each row's latency. Ctrl-C ends it cleanly:
 * a shutdown hook closes the session (the frames already read are analysed and, with an Affective
 * Process, settled) and flushes the output, whose rows are each written whole.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Live per-frame, per-face affect from a camera (camera:0, /dev/video0), a network stream"
                + " (rtsp://, http://, udp://, tcp://, ...), standard input (-) or a video file, as it comes: CSV or"
                + " JSON lines with each row's latency; --model adds the Affective Process's mean and std"
                + " (a provisional row per face at once, a settled row after the AP's window).",
            "Ctrl-C ends it cleanly: every row written so far stays intact, and the frames already read get their"
                + " rows."})
public final class LiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "camera:N (or /dev/videoN), a stream URL (rtsp, rtsps, rtmp, http, https, udp, tcp), - for"
                    + " standard input, or a video file or folder of images")
    String source;

    @Mixin
    RecognizerOptions recognizer;

    @Option(names = "--model", paramLabel = "FILE.apmodel",
            description = "an Affective Process trained on this backbone's features (adds ap_*_mean/std and"
                    + " provisional/settled rows)")
    Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write the rows here (.csv or .jsonl) instead of printing them")
    Path output;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "the rows' format (default: by the extension of -o; csv when printing)")
    String format;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "a network stream counts as dropped when opening it or its next data takes longer"
                    + " (default: ${DEFAULT-VALUE})")
    double timeout = LiveSourceOptions.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--reconnects", description = "reconnection attempts in a row after a network stream drops"
            + " (default: ${DEFAULT-VALUE})")
    int reconnects = LiveSourceOptions.DEFAULT_RECONNECTS;

    @Option(names = "--bench", description = "at the end, print frames/s, the latency per frame (median, 99th"
            + " percentile) and where the time went")
    boolean bench;

    @Option(names = {"-q", "--quiet"}, description = "no messages about the stream (drops, reconnections)")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LiveRowWriter.Format rows = format();
        if (!(timeout > 0) || !Double.isFinite(timeout) || reconnects < 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be positive and --reconnects >= 0, got "
                    + timeout + ", " + reconnects);
        }
        recognizer.check(model);
        if (output != null) {
            Outputs.checkFile(output, "--output");
        }
        LiveSourceOptions live = LiveSourceOptions.defaults().withTimeout(Duration.ofMillis((long) (timeout * 1000)))
                .withReconnects(reconnects).withNotices(m -> {
                    if (!quiet) {
                        System.err.println("ap live: " + m);
                    }
                });
        PrintStream report = output == null ? System.err : System.out;
        try (AffectRecognizer r = recognizer.builder(model).build()) {
            FrameSource frames = FrameSources.open(source, recognizer.fps, live);
            LiveFigures figures = new LiveFigures();
            try (LiveRowWriter writer = writer(frames, rows, AffectCsv.Columns.of(r))) {
                LiveSession session = r.session(frames, both(writer, figures));
                Thread hook = new Thread(() -> stop(session, writer), "ap live: Ctrl-C");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    session.awaitEnd();
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is closing the session
                    }
                    session.close();
                }
                report.printf(Locale.ROOT, "%d frames, %d rows%s%n", session.timings().frames(), figures.rows(),
                        output == null ? "" : " written to " + output);
                if (bench) {
                    figures.print(report, session.timings());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }

    /** The rows' output, opened once the source is open (closed if the output cannot be opened). */
    private LiveRowWriter writer(FrameSource frames, LiveRowWriter.Format rows, AffectCsv.Columns columns)
            throws IOException {
        try {
            OutputStream os = output == null ? System.out : Files.newOutputStream(output);
            return LiveRowWriter.open(os, rows, columns, output != null);
        } catch (IOException | RuntimeException e) {
            frames.close();
            throw e;
        }
    }

    /** What the shutdown hook does on Ctrl-C: ends the session (its last rows written) and flushes. */
    static void stop(LiveSession session, LiveRowWriter writer) {
        try {
            session.close();
        } catch (RuntimeException e) {
            System.err.println("ap live: " + CliErrors.oneLine(e));
        } finally {
            try {
                writer.close();
            } catch (IOException e) {
                System.err.println("ap live: " + CliErrors.oneLine(e));
            }
        }
    }

    private LiveRowWriter.Format format() {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> LiveRowWriter.Format.CSV;
                case "jsonl" -> LiveRowWriter.Format.JSONL;
                default -> throw new ParameterException(spec.commandLine(), "--format must be csv or jsonl, got '"
                        + format + "'");
            };
        }
        if (output == null) {
            return LiveRowWriter.Format.CSV;
        }
        try {
            return LiveRowWriter.Format.ofFileName(output.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " with --format");
        }
    }

    /** A listener that hands each row to two. */
    static LiveListener both(LiveListener first, LiveListener second) {
        return new LiveListener() {
            @Override
            public void onAffect(LiveAffect row) {
                first.onAffect(row);
                second.onAffect(row);
            }

            @Override
            public void onEnd(Throwable failure) {
                first.onEnd(failure);
                second.onEnd(failure);
            }
        };
    }
}
