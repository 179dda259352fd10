package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
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
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.LiveSession;
import org.affectiveprocesses.video.decode.LiveFrameSource;
import org.affectiveprocesses.video.decode.LiveSourceOptions;
import org.affectiveprocesses.video.decode.VideoStreamServer;

/**
 * {@code ap bench --live-video CLIP}: the whole live path end to end on a clip streamed over
 * loopback ({@link VideoStreamServer}: MPEG-TS over TCP), read by a {@link LiveSession} of the
 * default recognizer with an Affective Process at the paper's sizes for the backbone's 256-d
 * features (seeded weights: its cost does not depend on their values). Two runs: the clip sent as
 * fast as it is read (throughput, and where the time goes), then at its own frame rate (times a
 * speed), as a camera sends it (latency per frame).
 */
final class LiveVideoBench {
    private LiveVideoBench() {
    }

    /**
     * @param clip the video streamed
     * @param speed the second run's speed: the clip's frame rate times this
     */
    static void run(Path clip, double speed) throws IOException {
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper(), 256, LabelSpace.valenceArousal());
        WindowedAffectiveProcess ap = WindowedAffectiveProcess.open(new DjlBackend(), Engine.named("djl"),
                ModelFile.Contents.of(WeightInitializer.initialize(spec, 1), InferenceOptions.paper(),
                        Provenance.untrained("bench", "djl", "benchmark weights")));
        System.out.printf(Locale.ROOT, "Live video: %s streamed over loopback (MPEG-4 in MPEG-TS over TCP), default"
                + " recognizer (BlazeFace, landmarks, face-expression backbone, largest face) and an Affective Process"
                + " (paper sizes, 256-d features, L = 70, C = 40); %d cores; load average %.2f%n", clip,
                Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
        try (AffectRecognizer recognizer = AffectRecognizer.builder().process(ap).build()) {
            for (double s : new double[] {0, speed}) {
                System.out.println();
                System.out.println(s == 0 ? "[sent as fast as read: throughput]"
                        : String.format(Locale.ROOT, "[sent at %.2f x the clip's frame rate, as a camera: latency;"
                                + " decode includes the wait for the next frame]", s));
                try (VideoStreamServer server = VideoStreamServer.start(clip, new VideoStreamServer.Options(s, -1,
                        false))) {
                    LiveFigures figures = new LiveFigures();
                    LiveSession session = recognizer.session(LiveFrameSource.open(server.url(),
                            LiveSourceOptions.defaults()), figures);
                    session.awaitEnd();
                    session.close();
                    figures.print(System.out, session.timings());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nload average at the end: %.2f%n", Machine.loadAverage());
    }
}
