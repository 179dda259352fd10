package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.core.training.ClipSampler;
import org.affectiveprocesses.core.training.TrainingBatch;
import org.affectiveprocesses.engine.djl.DjlBackend;
import org.affectiveprocesses.engine.djl.DjlSgemm;
import org.affectiveprocesses.engine.tensorflow.TfBackend;
import org.affectiveprocesses.engine.tensorflow.TfSgemm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Throughput of the paper's configuration (dx 512, dy 2, L = 70, C = 40) through the SDK, next to
 * the machine's sgemm rate measured through the same engine in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Per engine (DJL, TensorFlow): inference windows/s (batch 1 and 64), training steps/s "
                + "(batch 16, L=70) and sgemm GFLOP/s; --live: the live stream's time per new frame and memory; --live-video: the live video path end to end;"
                + " --video: a video file end to end, fresh and warmed.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", description = "seconds per measurement (default ${DEFAULT-VALUE})")
    double seconds = 2;

    @Option(names = "--rounds", description = "rounds per engine; each figure is the best of its rounds "
            + "(default ${DEFAULT-VALUE})")
    int rounds = 5;

    @Spec
    CommandSpec commandSpec;
    @Option(names = "--live", description = "instead: the live stream's AP update per new frame (features in, affect "
            + "out) against recomputing the window with the batch API, in --rounds interleaved rounds (percentiles "
            + "over all of them), and its memory over --live-frames frames")
    boolean live;

    @Option(names = "--live-frames", description = "frames streamed for the memory figure of --live "
            + "(default ${DEFAULT-VALUE})")
    long liveFrames = 1_000_000;

    @Option(names = "--live-video", paramLabel = "CLIP", description = "instead: the live video path end to end on"
            + " CLIP streamed over loopback (frames/s, latency per frame: median and 99th percentile, time per stage)")
    Path liveVideo;

    @Option(names = "--video", paramLabel = "CLIP", description = "instead: the file video path end to end on CLIP,"
            + " --rounds runs with one recognizer (the first as a fresh process gives it, then warmed): frames/s,"
            + " time to the first row, time per stage, JIT and GC time")
    Path video;

    @Option(names = "--live-speed", description = "with --live-video, the second run sends the clip at its frame"
            + " rate times this (default ${DEFAULT-VALUE}: real time; below 1 when the machine cannot keep up)")
    double liveSpeed = 1;

    @Override
    public Integer call() throws IOException {
        if ((liveVideo != null ? 1 : 0) + (video != null ? 1 : 0) + (live ? 1 : 0) > 1) {
            throw new ParameterException(commandSpec.commandLine(), "--live, --live-video and --video each run a"
                    + " benchmark of their own: give at most one");
        }
        if (liveVideo != null) {
            if (!(liveSpeed > 0) || !Double.isFinite(liveSpeed)) {
                throw new ParameterException(commandSpec.commandLine(), "--live-speed must be positive, got "
                        + liveSpeed);
            }
            LiveVideoBench.run(liveVideo, liveSpeed);
            return 0;
        }
        if (rounds < 1 || !(seconds > 0) || !Double.isFinite(seconds)) {
            throw new ParameterException(commandSpec.commandLine(), "--rounds must be >= 1 and --seconds > 0, got "
                    + rounds + ", " + seconds);
        }
        if (video != null) {
            VideoBench.run(video, rounds);
            return 0;
        }
        if (live) {
            if (liveFrames < 1 || liveFrames > Integer.MAX_VALUE) {
                throw new ParameterException(commandSpec.commandLine(), "--live-frames must be in [1, "
                        + Integer.MAX_VALUE + "], got " + liveFrames);
            }
            new LiveBench(rounds, 4_000, 400, liveFrames).run();
            return 0;
        }
        ApModelSpec spec = ApModelSpec.paperValenceArousal();
        long macs = spec.complexity(70).multiplyAdds();
        System.out.printf(Locale.ROOT, "Paper configuration: %,d parameters, %,d multiply-adds per 70-frame window%n",
                spec.parameterCount(), macs);
        System.out.printf(Locale.ROOT, "Threads: %d cores; engines djl (PyTorch) and tensorflow, device cpu; "
                + "each figure is the best of %d interleaved rounds of %.1f s%n",
                Runtime.getRuntime().availableProcessors(), rounds, seconds);
        bench(new DjlBackend(), () -> DjlSgemm.gflops(1024, 10, 1), spec, macs);
        bench(new TfBackend(), () -> TfSgemm.gflops(1024, 10, 1), spec, macs);
        return 0;
    }

    /**
     * The figures of one engine. The rounds interleave sgemm, inference and training, so a
     * machine whose speed drifts (shared or throttled cores) affects the yardstick and the model
     * alike; each figure is its best round.
     */
    private void bench(ApBackend backend, DoubleSupplier sgemmRound, ApModelSpec spec, long macs) {
        Engine cpu = Engine.named(backend.name()).onDevice("cpu");
        Provenance none = Provenance.untrained("bench", backend.name(), "benchmark weights");
        TrainingConfig config = TrainingConfig.valenceArousal().toBuilder().clipLength(70, 70).build();
        ClipSampler sampler = new ClipSampler(randomData(spec, 8, 400), config, spec.architecture().latentSize(), 1);
        List<TrainingBatch> batches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batches.add(sampler.next());
        }
        double sgemm = 0;
        double batch1 = 0;
        double batch64 = 0;
        double steps = 0;
        try (WindowedAffectiveProcess ap = WindowedAffectiveProcess.open(backend, cpu, standardised(spec, none));
                TrainingKernel k = backend.openTraining(WeightInitializer.initialize(spec, 1), config, cpu)) {
            List<AffectSequence> one = windows(spec, 1);
            List<AffectSequence> many = windows(spec, 64);
            for (int r = 0; r < rounds; r++) {
                sgemm = Math.max(sgemm, sgemmRound.getAsDouble());
                batch1 = Math.max(batch1, windowsPerSecond(ap, one));
                batch64 = Math.max(batch64, windowsPerSecond(ap, many));
                steps = Math.max(steps, stepsPerSecond(k, batches));
            }
        }
        System.out.printf(Locale.ROOT, "%n[%s] sgemm (1024^3): %.1f GFLOP/s%n", backend.name(), sgemm);
        for (double[] b : new double[][] {{1, batch1}, {64, batch64}}) {
            double counted = b[1] * macs * 2 / 1e9;
            System.out.printf(Locale.ROOT,
                    "[%s] inference batch %2d: %,8.0f windows/s  (%.1f GFLOP/s counted on the paper MACs, %.2f of sgemm)%n",
                    backend.name(), (int) b[0], b[1], counted, counted / sgemm);
        }
        System.out.printf(Locale.ROOT, "[%s] training batch 16, L=70: %.1f steps/s%n", backend.name(), steps);
    }

    private double stepsPerSecond(TrainingKernel k, List<TrainingBatch> batches) {
        for (int i = 0; i < 5; i++) {
            k.step(batches.get(i % batches.size()), 1e-4);
        }
        long t0 = System.nanoTime();
        int steps = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            k.step(batches.get(steps % batches.size()), 1e-4);
            steps++;
        }
        return steps / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Initialised weights with an input standardisation, as trained models have: it is folded into
     * the first layers, so it must cost nothing per window.
     */
    static ModelFile.Contents standardised(ApModelSpec spec, Provenance provenance) {
        float[] mean = new float[spec.featureSize()];
        float[] std = new float[spec.featureSize()];
        java.util.Arrays.fill(mean, 0.25f);
        java.util.Arrays.fill(std, 2f);
        return new ModelFile.Contents(spec, WeightInitializer.initialize(spec, 1), InputStandardization.of(mean, std, 1),
                UncertaintyCalibration.none(spec.labelSize()), InferenceOptions.paper(), provenance);
    }

    private static List<AffectSequence> windows(ApModelSpec spec, int count) {
        List<AffectSequence> windows = new ArrayList<>();
        for (AffectSequence s : randomData(spec, count, 70)) {
            windows.add(s);
        }
        return windows;
    }

    private double windowsPerSecond(AffectiveProcess ap, List<AffectSequence> windows) {
        InferenceOptions o = InferenceOptions.paper();
        for (int i = 0; i < 10; i++) {
            ap.predictAll(windows, o);
        }
        long t0 = System.nanoTime();
        long done = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            ap.predictAll(windows, o);
            done += windows.size();
        }
        return done / ((System.nanoTime() - t0) / 1e9);
    }

    private static SequenceDataset randomData(ApModelSpec spec, int sequences, int frames) {
        SplittableRandom rng = new SplittableRandom(3);
        List<AffectSequence> list = new ArrayList<>();
        for (int s = 0; s < sequences; s++) {
            AffectSequence.Builder b = AffectSequence.builder("bench" + s, LabelSpace.valenceArousal(), spec.featureSize());
            for (int t = 0; t < frames; t++) {
                float[] x = new float[spec.featureSize()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) rng.nextGaussian();
                }
                float v = (float) Math.sin(t / 20.0);
                b.addFrame(x, new float[] {v, -v}, new float[] {v, -v});
            }
            list.add(b.build());
        }
        return SequenceDataset.of("bench", list);
    }
}
