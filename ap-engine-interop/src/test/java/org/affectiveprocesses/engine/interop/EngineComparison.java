package org.affectiveprocesses.engine.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.affectiveprocesses.api.TrainingListener;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;

/**
 * Compares the engines by hand (it takes minutes, so it is not a unit test). Run from the
 * repository root after {@code mvn -B -o install -DskipTests}:
 *
 * <pre>
 * mvn -B -o -q exec:java -pl ap-engine-interop -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.affectiveprocesses.engine.interop.EngineComparison -Dexec.args="ccc 1"
 * </pre>
 *
 * <ul>
 *   <li>{@code ccc SEED...}: trains the AP with each engine on the synthetic valence/arousal
 *       corpus ({@code TrainingConfig.valenceArousal().withSeed(seed).withSchedule(6, 250)}),
 *       prints the test CCC of both, and moves each model to the other engine, printing the
 *       largest difference of the predictions on the test split.
 * </ul>
 *
 * <p>Throughput per engine is measured by {@code ./ap bench}.
 */
public final class EngineComparison {
    private EngineComparison() {
    }

    /**
     * @param args {@code ccc SEED...}
     * @throws IOException if a model file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("ccc")) {
            for (int i = 1; i < args.length; i++) {
                ccc(Long.parseLong(args[i]));
            }
        } else {
            throw new IllegalArgumentException("usage: ccc SEED...");
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
}
