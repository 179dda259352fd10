package org.affectiveprocesses.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.core.training.ClipSampler;
import org.affectiveprocesses.core.training.TrainingBatch;
import org.affectiveprocesses.engine.djl.DjlBackend;
import org.affectiveprocesses.engine.djl.DjlSgemm;
import org.affectiveprocesses.engine.tensorflow.TfBackend;
import org.affectiveprocesses.engine.tensorflow.TfSgemm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of the paper's configuration (dx 512, dy 2, L = 70, C = 40) through the SDK, next to
 * the machine's sgemm rate measured through the same engine in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Per engine (DJL, TensorFlow): inference windows/s (batch 1 and 64), training steps/s "
                + "(batch 16, L=70) and sgemm GFLOP/s.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", description = "seconds per measurement (default ${DEFAULT-VALUE})")
    double seconds = 5;

    @Override
    public Integer call() {
        ApModelSpec spec = ApModelSpec.paperValenceArousal();
        long macs = spec.complexity(70).multiplyAdds();
        System.out.printf(Locale.ROOT, "Paper configuration: %,d parameters, %,d multiply-adds per 70-frame window%n",
                spec.parameterCount(), macs);
        System.out.printf(Locale.ROOT, "Threads: %d cores; engines djl (PyTorch) and tensorflow, device cpu%n",
                Runtime.getRuntime().availableProcessors());
        bench(new DjlBackend(), DjlSgemm.gflops(1024, 10, 5), spec, macs);
        bench(new TfBackend(), TfSgemm.gflops(1024, 10, 5), spec, macs);
        return 0;
    }

    /** The figures of one engine, next to its own sgemm rate measured in the same run. */
    private void bench(ApBackend backend, double sgemm, ApModelSpec spec, long macs) {
        System.out.printf(Locale.ROOT, "%n[%s] sgemm (1024^3): %.1f GFLOP/s%n", backend.name(), sgemm);
        Engine cpu = Engine.named(backend.name()).onDevice("cpu");
        Provenance none = new Provenance("bench", backend.name(), "", "", "", "", java.util.Map.of(), 0);
        try (WindowedAffectiveProcess ap = WindowedAffectiveProcess.open(backend, cpu,
                WeightInitializer.initialize(spec, 1), InferenceOptions.paper(), none)) {
            for (int batch : new int[] {1, 64}) {
                double wps = windowsPerSecond(ap, batch);
                double ratio = wps * macs * 2 / (sgemm * 1e9);
                System.out.printf(Locale.ROOT,
                        "[%s] inference batch %2d: %,8.0f windows/s  (%.1f GFLOP/s counted on the paper MACs, %.2f of sgemm)%n",
                        backend.name(), batch, wps, wps * macs * 2 / 1e9, ratio);
            }
        }
        TrainingConfig config = TrainingConfig.valenceArousal().toBuilder().clipLength(70, 70).build();
        SequenceDataset data = randomData(spec, 8, 400);
        ClipSampler sampler = new ClipSampler(data, config, spec.architecture().latentSize(), 1);
        List<TrainingBatch> batches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batches.add(sampler.next());
        }
        try (TrainingKernel k = backend.openTraining(WeightInitializer.initialize(spec, 1), config, cpu)) {
            for (int i = 0; i < 10; i++) {
                k.step(batches.get(i % batches.size()), 1e-4);
            }
            long t0 = System.nanoTime();
            int steps = 0;
            while (System.nanoTime() - t0 < seconds * 1e9) {
                k.step(batches.get(steps % batches.size()), 1e-4);
                steps++;
            }
            double sps = steps / ((System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "[%s] training batch 16, L=70: %.1f steps/s%n", backend.name(), sps);
        }
    }

    private double windowsPerSecond(AffectiveProcess ap, int batch) {
        List<AffectSequence> windows = new ArrayList<>();
        SequenceDataset data = randomData(ApModelSpec.paperValenceArousal(), batch, 70);
        for (AffectSequence s : data) {
            windows.add(s);
        }
        InferenceOptions o = InferenceOptions.paper().withBatchSize(batch);
        for (int i = 0; i < 20; i++) {
            ap.predictAll(windows, o);
        }
        long t0 = System.nanoTime();
        long done = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            ap.predictAll(windows, o);
            done += batch;
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
