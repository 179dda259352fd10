package org.affectiveprocesses.examples;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectStream;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.FrameEstimate;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.StreamListener;
import org.affectiveprocesses.api.StreamOptions;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.engine.djl.DjlBackend;
import org.affectiveprocesses.engine.tensorflow.TfBackend;

/**
 * {@code ap bench --live}: the cost of the Affective Process's update per new frame of a live
 * stream (features in, affect out; the paper's configuration, dx 512, L = 70, C = 40 by lowest
 * σ) against recomputing the window of the last 70 frames with the batch API on each engine, in
 * interleaved rounds of one run; the batch API's cost for a single frame (the floor of an update
 * made of engine calls); how far the stream's settled estimates are from the batch API's; and the
 * resident memory before and after streaming many frames.
 */
final class LiveBench {
    private static final int POOL = 4096;
    private static final int WINDOW = InferenceOptions.PAPER_WINDOW;

    private final int rounds;
    private final int framesPerRound;
    private final int windowsPerRound;
    private final long memoryFrames;
    private final ApModelSpec spec = ApModelSpec.paperValenceArousal();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final float[][] features = new float[POOL][];
    private final float[][] pseudoLabels = new float[POOL][];
    private double sink;

    /**
     * @param rounds interleaved rounds
     * @param framesPerRound frames streamed per round
     * @param windowsPerRound batch-API windows per engine per round
     * @param memoryFrames frames streamed for the memory figure
     */
    LiveBench(int rounds, int framesPerRound, int windowsPerRound, long memoryFrames) {
        this.rounds = rounds;
        this.framesPerRound = framesPerRound;
        this.windowsPerRound = windowsPerRound;
        this.memoryFrames = memoryFrames;
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < POOL; i++) {
            features[i] = new float[spec.featureSize()];
            for (int k = 0; k < features[i].length; k++) {
                features[i][k] = (float) rng.nextGaussian();
            }
            float v = (float) Math.sin(i / 20.0);
            pseudoLabels[i] = new float[] {v, -v};
        }
    }

    /** Runs every measurement and prints the figures. */
    void run() {
        InferenceOptions paper = InferenceOptions.paper();
        System.out.printf(Locale.ROOT, "Live AP update per new frame: dx %d, dy %d, hidden %d, L = %d, C = %d by lowest σ, "
                + "hop %d; %d cores; load average %.2f%n", spec.featureSize(), spec.labelSize(),
                spec.architecture().hiddenSize(), paper.windowLength(), paper.contextSize(), paper.hop(),
                Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
        System.out.printf(Locale.ROOT, "%d interleaved rounds of %,d streamed frames and %,d batch-API windows per engine; "
                + "wall time per call (median, 99th percentile) and CPU time of the calling thread per call (mean)%n%n",
                rounds, framesPerRound, windowsPerRound);
        ApBackend[] backends = {new DjlBackend(), new TfBackend()};
        List<WindowedAffectiveProcess> models = new ArrayList<>();
        try {
            for (ApBackend b : backends) {
                models.add(WindowedAffectiveProcess.open(b, Engine.named(b.name()).onDevice("cpu").withBatchSize(1),
                        BenchCommand.standardised(spec, Provenance.untrained("bench", b.name(), "benchmark weights"))));
            }
            memory(models.get(0), paper);
            compare(models, paper);
            accuracy(models, paper);
            System.out.printf(Locale.ROOT, "load average at the end %.2f (checksum %.3f)%n", Machine.loadAverage(), sink);
        } finally {
            models.forEach(WindowedAffectiveProcess::close);
        }
    }

    /** Per-frame stream updates against whole-window batch predictions, in interleaved rounds. */
    private void compare(List<WindowedAffectiveProcess> models, InferenceOptions o) {
        List<AffectSequence> windows = new ArrayList<>();
        List<AffectSequence> singles = new ArrayList<>();
        for (int w = 0; w < 64; w++) {
            windows.add(sequence("window" + w, w * 37, WINDOW));
            singles.add(sequence("frame" + w, w * 37, 1));
        }
        Timings withProvisional = new Timings();
        Timings settledOnly = new Timings();
        List<Timings> batch = new ArrayList<>();
        List<Timings> floor = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            batch.add(new Timings());
            floor.add(new Timings());
        }
        WindowedAffectiveProcess any = models.get(0);
        Counter counter = new Counter();
        try (AffectStream stream = any.stream(StreamOptions.of(o).withStreamId("with-provisional"), counter);
                AffectStream settled = any.stream(StreamOptions.of(o).withStreamId("settled-only").withProvisional(false),
                        counter)) {
            long[] next = {0, 0};
            feed(stream, next, 0, 20_000, null);
            feed(settled, next, 1, 20_000, null);
            for (WindowedAffectiveProcess m : models) {
                for (int i = 0; i < 100; i++) {
                    sink += m.predict(windows.get(i % windows.size()), o).mean(WINDOW - 1, 0);
                    sink += m.predict(singles.get(i % singles.size()), o).mean(0, 0);
                }
            }
            for (int r = 0; r < rounds; r++) {
                feed(stream, next, 0, framesPerRound, withProvisional);
                feed(settled, next, 1, framesPerRound, settledOnly);
                for (int i = 0; i < models.size(); i++) {
                    predict(models.get(i), windows, o, batch.get(i));
                    predict(models.get(i), singles, o, floor.get(i));
                }
            }
        }
        sink += counter.sum;
        withProvisional.print("stream, provisional + settled estimate per frame (plain Java, 1 thread)");
        settledOnly.print("stream, settled estimates only");
        for (int i = 0; i < models.size(); i++) {
            batch.get(i).print("batch API, the whole 70-frame window per new frame [" + models.get(i).engineName() + "]");
        }
        for (int i = 0; i < models.size(); i++) {
            floor.get(i).print("batch API, a 1-frame window (the floor of engine calls) [" + models.get(i).engineName() + "]");
        }
        System.out.printf(Locale.ROOT, "median per frame: batch API whole window / stream = %.1fx [%s], %.1fx [%s]%n",
                batch.get(0).median() / withProvisional.median(), models.get(0).engineName(),
                batch.get(1).median() / withProvisional.median(), models.get(1).engineName());
    }

    /** Feeds frames, timing each accept when {@code into} is given. */
    private void feed(AffectStream stream, long[] next, int which, int frames, Timings into) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < frames; i++) {
            long f = next[which]++;
            int k = (int) (f % POOL);
            long t0 = System.nanoTime();
            stream.accept(f / 30.0, features[k], pseudoLabels[k]);
            if (into != null) {
                into.wall.add(System.nanoTime() - t0);
            }
        }
        if (into != null) {
            into.cpu += threads.getCurrentThreadCpuTime() - cpu0;
            into.calls += frames;
        }
    }

    private void predict(WindowedAffectiveProcess m, List<AffectSequence> windows, InferenceOptions o, Timings into) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < windowsPerRound; i++) {
            AffectSequence s = windows.get(i % windows.size());
            long t0 = System.nanoTime();
            Prediction p = m.predict(s, o);
            into.wall.add(System.nanoTime() - t0);
            sink += p.mean(s.length() - 1, 0);
        }
        into.cpu += threads.getCurrentThreadCpuTime() - cpu0;
        into.calls += windowsPerRound;
    }

    /** The largest difference between the stream's settled estimates and each engine's batch predictions. */
    private void accuracy(List<WindowedAffectiveProcess> models, InferenceOptions o) {
        AffectSequence s = sequence("accuracy", 11, 700);
        Collector heard = new Collector(s.length());
        try (AffectStream stream = models.get(0).stream(StreamOptions.of(o).withStreamId(s.id()), heard)) {
            for (int t = 0; t < s.length(); t++) {
                stream.accept(s.seconds(t), s.features(t), s.pseudoLabels(t));
            }
        }
        System.out.println();
        for (WindowedAffectiveProcess m : models) {
            Prediction p = m.predict(s, o);
            double worst = 0;
            for (int t = 0; t < s.length(); t++) {
                for (int d = 0; d < spec.labelSize(); d++) {
                    worst = Math.max(worst, Math.abs(heard.settled[t].mean(d) - p.mean(t, d)));
                    worst = Math.max(worst, Math.abs(heard.settled[t].std(d) - p.std(t, d)));
                }
            }
            System.out.printf(Locale.ROOT, "stream settled vs batch API [%s], 700 frames: largest |difference| of mean "
                    + "and σ %.2e%n", m.engineName(), worst);
        }
    }

    /**
     * Resident memory while streaming {@link #memoryFrames} frames through one stream, read after a
     * full collection at every tenth of the way (after warm-up, so the JIT and the heap have settled).
     */
    private void memory(WindowedAffectiveProcess m, InferenceOptions o) {
        Counter counter = new Counter();
        try (AffectStream stream = m.stream(StreamOptions.of(o).withStreamId("memory"), counter)) {
            long[] next = {0};
            feed(stream, next, 0, 100_000, null);
            long rss0 = settledRss();
            for (int i = 0; i < 5; i++) { // full collections shrink the heap over several rounds
                long again = settledRss();
                if (Math.abs(again - rss0) < 1_000_000) {
                    break;
                }
                rss0 = again;
            }
            long heap0 = heapUsed();
            long most = rss0;
            StringBuilder series = new StringBuilder(String.format(Locale.ROOT, "%.1f", rss0 / 1e6));
            long t0 = System.nanoTime();
            long done = 0;
            for (int part = 1; part <= 10; part++) {
                long upTo = memoryFrames * part / 10;
                feed(stream, next, 0, (int) (upTo - done), null);
                done = upTo;
                long rss = settledRss();
                most = Math.max(most, rss);
                series.append(String.format(Locale.ROOT, " %.1f", rss / 1e6));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rss1 = settledRss();
            long heap1 = heapUsed();
            System.out.printf(Locale.ROOT, "memory over %,d streamed frames (after 100,000 warm-up frames; %.0f s with "
                    + "the collections, %,.0f frames/s): RSS after a full GC at every tenth (MB): %s%n"
                    + "RSS growth %+.1f MB at the end, %+.1f MB at most; heap in use after GC %.1f MB -> %.1f MB "
                    + "(%+.2f MB)%n%n", memoryFrames, seconds, memoryFrames / seconds, series, (rss1 - rss0) / 1e6,
                    (most - rss0) / 1e6, heap0 / 1e6, heap1 / 1e6, (heap1 - heap0) / 1e6);
        }
        sink += counter.sum;
    }

    /** Frames from the pool, a face in each. */
    private AffectSequence sequence(String id, int from, int frames) {
        AffectSequence.Builder b = AffectSequence.builder(id, LabelSpace.valenceArousal(), spec.featureSize());
        for (int t = 0; t < frames; t++) {
            int k = (from + t) % POOL;
            b.addFrame(t / 30.0, features[k], pseudoLabels[k], null);
        }
        return b.build();
    }

    private static long settledRss() {
        System.gc();
        System.gc();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status for the resident memory: " + e.getMessage(), e);
        }
        throw new IllegalStateException("/proc/self/status has no VmRSS line");
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Wall times of calls and their CPU time. */
    private static final class Timings {
        final LongList wall = new LongList();
        long cpu;
        long calls;

        double median() {
            return wall.percentile(0.5) / 1e3;
        }

        void print(String what) {
            System.out.printf(Locale.ROOT, "%-88s median %8.1f µs  p99 %8.1f µs  CPU %8.1f µs%n", what, median(),
                    wall.percentile(0.99) / 1e3, cpu / 1e3 / calls);
        }
    }

    /** A growable array of longs (a million boxed timings would disturb what they time). */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double percentile(double p) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(size - 1, Math.floor(p * size))];
        }
    }

    /** Reads every estimate, so none is optimised away. */
    private static final class Counter implements StreamListener {
        double sum;

        @Override
        public void onEstimate(FrameEstimate e) {
            sum += e.mean(0);
        }
    }

    /** Keeps the settled estimates. */
    private static final class Collector implements StreamListener {
        final FrameEstimate[] settled;

        Collector(int frames) {
            settled = new FrameEstimate[frames];
        }

        @Override
        public void onEstimate(FrameEstimate e) {
            if (e.isSettled()) {
                settled[(int) e.frame()] = e;
            }
        }
    }
}
