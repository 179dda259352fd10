package org.affectiveprocesses.engine.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.TrainingKernel;
import org.affectiveprocesses.core.evaluation.Evaluation;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.core.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.core.synthetic.SyntheticConfig;
import org.affectiveprocesses.core.training.ClipSampler;
import org.affectiveprocesses.core.training.TrainingBatch;
import org.affectiveprocesses.engine.djl.DjlBackend;
import org.affectiveprocesses.engine.djl.DjlSgemm;
import org.affectiveprocesses.engine.tensorflow.TfBackend;
import org.affectiveprocesses.engine.tensorflow.TfSgemm;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;

/**
 * Compares the engines by hand (it takes minutes, so it is not a unit test). Run from the
 * repository root after {@code mvn -B -o install -DskipTests}:
 *
 * <pre>
 * mvn -B -o -q exec:java -pl ap-core/engine-interop -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.affectiveprocesses.engine.interop.EngineComparison -Dexec.args="ccc 1"
 * </pre>
 *
 * <ul>
 *   <li>{@code ccc SEED...}: trains the AP with each engine on the synthetic valence/arousal
 *       corpus ({@code TrainingConfig.valenceArousal().withSeed(seed).withSchedule(6, 250)}),
 *       prints the test CCC of both, and moves each model to the other engine, printing the
 *       largest difference of the predictions on the test split;
 *   <li>{@code bench SECONDS}: the paper configuration's inference windows/s (batch 1 and 64,
 *       L = 70, C = 40), training steps/s (batch 16, L = 70) and the sgemm rate, per engine.
 * </ul>
 */
public final class EngineComparison {
    private EngineComparison() {
    }

    /**
     * @param args {@code ccc SEED...} or {@code bench SECONDS}
     * @throws IOException if a model file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("ccc")) {
            for (int i = 1; i < args.length; i++) {
                ccc(Long.parseLong(args[i]));
            }
        } else if (args.length == 2 && args[0].equals("bench")) {
            bench(Double.parseDouble(args[1]));
        } else {
            throw new IllegalArgumentException("usage: ccc SEED... | bench SECONDS");
        }
    }

    private static void ccc(long seed) throws IOException {
        SyntheticAffectCorpus corpus = SyntheticAffectCorpus.generate(SyntheticConfig.valenceArousal());
        TrainingConfig config = TrainingConfig.valenceArousal().withSeed(seed).withSchedule(6, 250);
        SequenceDataset test = corpus.split("test");
        Path dir = Files.createTempDirectory("ap-engines");
        String[] names = {"djl", "tensorflow"};
        double[] ccc = new double[2];
        for (int e = 0; e < 2; e++) {
            Engine engine = Engine.named(names[e]).onDevice("cpu");
            long t0 = System.nanoTime();
            try (AffectiveProcess ap = AffectiveProcess.trainer(config, engine).listener(TrainingListener.silent())
                    .fit(corpus.split("train"), corpus.split("validation"))) {
                double minutes = (System.nanoTime() - t0) / 6e10;
                EvaluationReport r = Evaluation.of(ap, test);
                ccc[e] = r.mean(Metric.CCC);
                System.out.printf(Locale.ROOT, "seed %d, %-10s: test CCC valence %.4f, arousal %.4f, mean %.4f "
                        + "(best epoch %d, %.1f min)%n", seed, names[e], r.value(Metric.CCC, 0), r.value(Metric.CCC, 1),
                        ccc[e], ap.info().provenance().bestEpoch(), minutes);
                Path file = dir.resolve(names[e] + ".apmodel");
                ap.save(file);
                try (AffectiveProcess moved = AffectiveProcess.load(file, Engine.named(names[1 - e]).onDevice("cpu"))) {
                    System.out.printf(Locale.ROOT, "seed %d, %s model in %s: max |difference| of mean and σ on the "
                            + "test split %.2e, test CCC mean %.4f%n", seed, names[e], names[1 - e],
                            maxDifference(ap, moved, test), Evaluation.of(moved, test).mean(Metric.CCC));
                }
                Files.delete(file);
            }
        }
        Files.delete(dir);
        System.out.printf(Locale.ROOT, "seed %d: |CCC(tensorflow) - CCC(djl)| = %.4f%n", seed, Math.abs(ccc[1] - ccc[0]));
    }

    private static double maxDifference(AffectiveProcess a, AffectiveProcess b, SequenceDataset data) {
        List<AffectSequence> seqs = new ArrayList<>();
        data.forEach(seqs::add);
        List<Prediction> pa = a.predictAll(seqs);
        List<Prediction> pb = b.predictAll(seqs);
        double worst = 0;
        for (int i = 0; i < seqs.size(); i++) {
            for (int t = 0; t < seqs.get(i).length(); t++) {
                for (int d = 0; d < seqs.get(i).labelSize(); d++) {
                    if (pa.get(i).isPredicted(t)) {
                        worst = Math.max(worst, Math.abs(pa.get(i).mean(t, d) - pb.get(i).mean(t, d)));
                        worst = Math.max(worst, Math.abs(pa.get(i).std(t, d) - pb.get(i).std(t, d)));
                    }
                }
            }
        }
        return worst;
    }

    private static void bench(double seconds) {
        ApModelSpec spec = ApModelSpec.paperValenceArousal();
        System.out.printf(Locale.ROOT, "paper configuration: %,d parameters; %d cores%n", spec.parameterCount(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "sgemm 1024^3: djl %.1f GFLOP/s, tensorflow %.1f GFLOP/s%n",
                DjlSgemm.gflops(1024, 10, 5), TfSgemm.gflops(1024, 10, 5));
        for (ApBackend backend : new ApBackend[] {new DjlBackend(), new TfBackend()}) {
            Engine cpu = Engine.named(backend.name()).onDevice("cpu");
            Provenance none = new Provenance("bench", backend.name(), "", "", "", "", Map.of(), 0);
            try (WindowedAffectiveProcess ap = WindowedAffectiveProcess.open(backend, cpu,
                    WeightInitializer.initialize(spec, 1), InferenceOptions.paper(), none)) {
                for (int batch : new int[] {1, 64}) {
                    System.out.printf(Locale.ROOT, "%-10s inference batch %2d: %,8.0f windows/s%n", backend.name(), batch,
                            windowsPerSecond(ap, spec, batch, seconds));
                }
            }
            System.out.printf(Locale.ROOT, "%-10s training batch 16, L=70: %.1f steps/s%n", backend.name(),
                    stepsPerSecond(backend, cpu, spec, seconds));
        }
    }

    private static double windowsPerSecond(AffectiveProcess ap, ApModelSpec spec, int batch, double seconds) {
        List<AffectSequence> windows = new ArrayList<>();
        randomData(spec, batch, 70).forEach(windows::add);
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

    private static double stepsPerSecond(ApBackend backend, Engine engine, ApModelSpec spec, double seconds) {
        TrainingConfig config = TrainingConfig.valenceArousal().toBuilder().clipLength(70, 70).build();
        ClipSampler sampler = new ClipSampler(randomData(spec, 8, 400), config, spec.architecture().latentSize(), 1);
        List<TrainingBatch> batches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batches.add(sampler.next());
        }
        try (TrainingKernel k = backend.openTraining(WeightInitializer.initialize(spec, 1), config, engine)) {
            for (int i = 0; i < 10; i++) {
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
