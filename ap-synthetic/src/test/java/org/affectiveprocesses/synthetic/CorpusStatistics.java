package org.affectiveprocesses.synthetic;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pearson;

/**
 * Prints the statistics of a synthetic corpus preset that docs/synthetic-corpus.md reports:
 * generation time, how many frames are degraded, per-dimension feature spread and feature norm
 * against degradation, the backbone head's scores and errors on clean and degraded frames, and
 * for valence/arousal the expressive episodes, the annotators' lags and the head's errors within
 * and between episodes.
 *
 * <pre>
 * mvn -B -o -q exec:java -pl ap-synthetic -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.affectiveprocesses.synthetic.CorpusStatistics -Dexec.args="va"
 * </pre>
 *
 * Arguments: the preset ({@code va}, {@code au} or {@code small}) and optionally the seed. The
 * generation times are wall-clock times of this JVM next to its CPU time, since the machine may
 * be shared.
 */
public final class CorpusStatistics {
    private static final double[] QUALITY_BINS = {1.0, 0.75, 0.5, 0.25, 0.0};

    private CorpusStatistics() {}

    /**
     * Generates the preset twice (to time a cold and a warm run) and prints its statistics.
     *
     * @param args the preset and optionally the seed
     */
    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "va";
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SyntheticConfig.DEFAULT_SEED;
        SyntheticConfig config = switch (preset) {
            case "va" -> SyntheticConfig.valenceArousal().withSeed(seed);
            case "au" -> SyntheticConfig.actionUnits().withSeed(seed);
            case "small" -> SyntheticConfig.small(seed);
            default -> throw new IllegalArgumentException("preset va, au or small, got " + preset);
        };
        PrintOut out = new PrintOut();
        long t0 = System.nanoTime();
        long c0 = cpuTime();
        SyntheticAffectCorpus corpus = SyntheticAffectCorpus.generate(config);
        long t1 = System.nanoTime();
        long c1 = cpuTime();
        SyntheticAffectCorpus.generate(config);
        long t2 = System.nanoTime();
        long c2 = cpuTime();
        out.line("# %s (%d processors)", corpus, Runtime.getRuntime().availableProcessors());
        out.line("generation: first run %.1f s (process CPU time %.1f s), second run %.1f s (CPU %.1f s);"
                + " head lambda %g, validation %s %.3f",
                (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, corpus.head().lambda(),
                config.labelSpace().headlineMetric().displayName(), corpus.head().validationScore());
        degradedFrames(corpus, out);
        featureSpread(corpus, out);
        featureNorm(corpus, out);
        head(corpus, out);
        if (config.labelSpace().kind() == LabelKind.VALENCE_AROUSAL) {
            display(corpus, out);
        }
    }

    /** The CPU time of the whole process (every thread), in nanoseconds. */
    private static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void degradedFrames(SyntheticAffectCorpus corpus, PrintOut out) {
        long frames = 0;
        long degraded = 0;
        long below = 0;
        Map<DegradationType, Long> byType = new EnumMap<>(DegradationType.class);
        for (AffectSequence s : all(corpus)) {
            Degradation d = corpus.degradation(s.id());
            for (int t = 0; t < s.length(); t++) {
                frames++;
                double q = d.quality(t);
                degraded += q < 1 ? 1 : 0;
                below += q < 0.5 ? 1 : 0;
                byType.merge(d.dominantType(t), 1L, Long::sum);
            }
        }
        out.line("frames %d: degraded (q < 1) %.1f%%, q < 0.5 %.1f%%; by the most degraded block's type: %s",
                frames, 100.0 * degraded / frames, 100.0 * below / frames, percent(byType, frames));
    }

    private static void featureSpread(SyntheticAffectCorpus corpus, PrintOut out) {
        int dx = corpus.featureSize();
        double[][] clean = moments(corpus, dx, q -> q == 1.0);
        double[][] bad = moments(corpus, dx, q -> q < 0.5);
        out.line("per-dimension feature std, clean frames (q = 1): %s; degraded frames (q < 0.5): %s",
                summary(std(clean)), summary(std(bad)));
        out.line("per-dimension feature mean, clean frames: %s; degraded frames: %s",
                summary(mean(clean)), summary(mean(bad)));
    }

    private static void featureNorm(SyntheticAffectCorpus corpus, PrintOut out) {
        int dx = corpus.featureSize();
        double[] centre = mean(moments(corpus, dx, q -> q == 1.0));
        int bins = QUALITY_BINS.length;
        double[] norm = new double[bins];
        double[] deviation = new double[bins];
        long[] n = new long[bins];
        float[] x = new float[dx];
        for (AffectSequence s : all(corpus)) {
            Degradation d = corpus.degradation(s.id());
            for (int t = 0; t < s.length(); t++) {
                int bin = bin(d.quality(t));
                s.copyFeatures(t, x, 0);
                double sq = 0;
                double dev = 0;
                for (int i = 0; i < dx; i++) {
                    sq += (double) x[i] * x[i];
                    dev += (x[i] - centre[i]) * (x[i] - centre[i]);
                }
                norm[bin] += Math.sqrt(sq);
                deviation[bin] += Math.sqrt(dev);
                n[bin]++;
            }
        }
        out.line("| quality q | frames | mean ||x|| | mean ||x - mean of clean x|| |");
        out.line("|---|---|---|---|");
        for (int b = 0; b < bins; b++) {
            out.line("| %s | %d | %.2f | %.2f |", label(b), n[b], norm[b] / n[b], deviation[b] / n[b]);
        }
    }

    private static void head(SyntheticAffectCorpus corpus, PrintOut out) {
        LabelSpace space = corpus.labelSpace();
        Metric metric = space.headlineMetric();
        List<AffectSequence> test = corpus.split(SyntheticAffectCorpus.TEST).stream().toList();
        int dy = space.size();
        StringBuilder scores = new StringBuilder();
        StringBuilder smoothed = new StringBuilder();
        double mean = 0;
        double meanSmoothed = 0;
        for (int d = 0; d < dy; d++) {
            double score = metric.compute(pooled(test, d, false, 0), pooled(test, d, true, 0));
            double smooth = metric.compute(pooled(test, d, false, 0), pooled(test, d, true,
                    (int) Math.round(corpus.config().fps())));
            scores.append(String.format(Locale.ROOT, "%s %.3f, ", space.dimension(d), score));
            smoothed.append(String.format(Locale.ROOT, "%s %.3f, ", space.dimension(d), smooth));
            mean += score / dy;
            meanSmoothed += smooth / dy;
        }
        out.line("backbone head, test %s: %smean %.3f", metric.displayName(), scores, mean);
        out.line("pseudo-labels averaged over 1 s (centred moving average), test %s: %smean %.3f",
                metric.displayName(), smoothed, meanSmoothed);
        int bins = QUALITY_BINS.length;
        double[] error = new double[bins];
        long[] n = new long[bins];
        // per type of the most degraded block, frames with q < 0.5: per dimension |error| and error
        Map<DegradationType, double[]> byType = new EnumMap<>(DegradationType.class);
        for (AffectSequence s : test) {
            Degradation deg = corpus.degradation(s.id());
            for (int t = 0; t < s.length(); t++) {
                double e = 0;
                for (int d = 0; d < dy; d++) {
                    e += Math.abs(s.label(t, d) - s.pseudoLabel(t, d)) / dy;
                }
                double q = deg.quality(t);
                int bin = bin(q);
                error[bin] += e;
                n[bin]++;
                if (q == 1.0 || q < 0.5) {
                    double[] acc = byType.computeIfAbsent(deg.dominantType(t), k -> new double[2 * dy + 1]);
                    for (int d = 0; d < dy; d++) {
                        double signed = s.pseudoLabel(t, d) - s.label(t, d);
                        acc[d] += Math.abs(signed);
                        acc[dy + d] += signed;
                    }
                    acc[2 * dy]++;
                }
            }
        }
        out.line("head mean absolute error (normalised labels, mean over dimensions), test split:");
        out.line("| quality q | frames | MAE |");
        out.line("|---|---|---|");
        for (int b = 0; b < bins; b++) {
            out.line("| %s | %d | %.3f |", label(b), n[b], n[b] == 0 ? Double.NaN : error[b] / n[b]);
        }
        out.line("head error per dimension, clean frames (NONE) and frames with q < 0.5 by the type of"
                + " their most degraded block, test split: MAE / mean signed error (pseudo-label - label):");
        StringBuilder header = new StringBuilder("| type | frames |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int d = 0; d < dy; d++) {
            header.append(' ').append(space.dimension(d)).append(" |");
            rule.append("---|");
        }
        out.line("%s", header);
        out.line("%s", rule);
        byType.forEach((type, acc) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d |", type, (long) acc[2 * dy]));
            for (int d = 0; d < dy; d++) {
                row.append(String.format(Locale.ROOT, " %.3f / %+.3f |", acc[d] / acc[2 * dy], acc[dy + d] / acc[2 * dy]));
            }
            out.line("%s", row);
        });
    }

    private static void display(SyntheticAffectCorpus corpus, PrintOut out) {
        long frames = 0;
        long inEpisode = 0;
        long apex = 0;
        double[] meanLag = new double[2];
        int videos = 0;
        for (AffectSequence s : all(corpus)) {
            AffectDisplay d = corpus.affectDisplay(s.id());
            for (int t = 0; t < s.length(); t++) {
                frames++;
                inEpisode += d.episode(t) > 0 ? 1 : 0;
                apex += d.episode(t) == 1 ? 1 : 0;
            }
            meanLag[0] += d.lagFrames(0) / corpus.config().fps();
            meanLag[1] += d.lagFrames(1) / corpus.config().fps();
            videos++;
        }
        out.line("expressive episodes: %.1f%% of frames in an episode (p > 0), %.1f%% at an apex (p = 1);"
                + " mean annotator lag valence %.2f s, arousal %.2f s", 100.0 * inEpisode / frames,
                100.0 * apex / frames, meanLag[0] / videos, meanLag[1] / videos);
        // head error by episode profile, test split: all frames and clean frames (q = 1)
        String[] names = {"between episodes (p = 0)", "onset or offset (0 < p < 1)", "apex (p = 1)"};
        double[][] error = new double[2][3];
        long[][] n = new long[2][3];
        List<AffectSequence> test = corpus.split(SyntheticAffectCorpus.TEST).stream().toList();
        for (AffectSequence s : test) {
            AffectDisplay d = corpus.affectDisplay(s.id());
            double[] q = corpus.quality(s.id());
            for (int t = 0; t < s.length(); t++) {
                double p = d.episode(t);
                int bin = p == 0 ? 0 : p == 1 ? 2 : 1;
                double e = (Math.abs(s.label(t, 0) - s.pseudoLabel(t, 0)) + Math.abs(s.label(t, 1) - s.pseudoLabel(t, 1))) / 2;
                for (int c = 0; c < (q[t] == 1.0 ? 2 : 1); c++) {
                    error[c][bin] += e;
                    n[c][bin]++;
                }
            }
        }
        out.line("head mean absolute error by expressive episode (normalised labels, mean over dimensions), test split:");
        out.line("| frames | all: frames | all: MAE | clean (q = 1): frames | clean: MAE |");
        out.line("|---|---|---|---|---|");
        for (int b = 0; b < 3; b++) {
            out.line("| %s | %d | %.3f | %d | %.3f |", names[b], n[0][b], error[0][b] / n[0][b], n[1][b],
                    error[1][b] / n[1][b]);
        }
        // the lag: pooled over the test videos, aligned by each video's drawn lag L, the offset j
        // of the peak of corr(label(t), displayed(t - L - j))
        int maxShift = 60;
        for (int dim = 0; dim < 2; dim++) {
            int pooled = 0;
            for (AffectSequence s : test) {
                pooled += Math.max(0, s.length() - maxShift - (corpus.affectDisplay(s.id()).lagFrames(dim) + maxShift));
            }
            double[] label = new double[pooled];
            double[] shown0 = new double[pooled];
            int k = 0;
            for (AffectSequence s : test) {
                AffectDisplay d = corpus.affectDisplay(s.id());
                for (int t = d.lagFrames(dim) + maxShift; t < s.length() - maxShift; t++, k++) {
                    label[k] = s.label(t, dim);
                    shown0[k] = d.displayed(t, dim);
                }
            }
            double atZeroLag = Pearson.of(label, shown0);
            double best = -2;
            int argBest = 0;
            double[] shown = new double[pooled];
            for (int j = -maxShift; j <= maxShift; j++) {
                k = 0;
                for (AffectSequence s : test) {
                    AffectDisplay d = corpus.affectDisplay(s.id());
                    int lag = d.lagFrames(dim);
                    for (int t = lag + maxShift; t < s.length() - maxShift; t++, k++) {
                        shown[k] = d.displayed(t - lag - j, dim);
                    }
                }
                double r = Pearson.of(label, shown);
                if (r > best) {
                    best = r;
                    argBest = j;
                }
            }
            out.line("%s: corr(label(t), displayed(t - L - j)) pooled over the test videos peaks at j = %d frames"
                    + " (r %.3f); without the lag, corr(label(t), displayed(t)) = %.3f",
                    corpus.labelSpace().dimension(dim), argBest, best, atZeroLag);
        }
    }

    /** Pooled labels or pseudo-labels of a dimension, optionally averaged over a centred window. */
    private static double[] pooled(List<AffectSequence> seqs, int d, boolean pseudo, int window) {
        List<Double> values = new ArrayList<>();
        for (AffectSequence s : seqs) {
            for (int t = 0; t < s.length(); t++) {
                if (!pseudo) {
                    values.add((double) s.label(t, d));
                    continue;
                }
                int from = Math.max(0, t - window / 2);
                int to = Math.min(s.length() - 1, t + window / 2);
                double sum = 0;
                for (int k = from; k <= to; k++) {
                    sum += s.pseudoLabel(k, d);
                }
                values.add(sum / (to - from + 1));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Per dimension: count, sum, sum of squares over the frames whose quality passes. */
    private static double[][] moments(SyntheticAffectCorpus corpus, int dx, java.util.function.DoublePredicate keep) {
        double[][] m = new double[3][dx];
        float[] x = new float[dx];
        for (AffectSequence s : all(corpus)) {
            Degradation d = corpus.degradation(s.id());
            for (int t = 0; t < s.length(); t++) {
                if (!keep.test(d.quality(t))) {
                    continue;
                }
                s.copyFeatures(t, x, 0);
                for (int i = 0; i < dx; i++) {
                    m[0][i]++;
                    m[1][i] += x[i];
                    m[2][i] += (double) x[i] * x[i];
                }
            }
        }
        return m;
    }

    private static double[] mean(double[][] m) {
        double[] v = new double[m[0].length];
        for (int i = 0; i < v.length; i++) {
            v[i] = m[1][i] / m[0][i];
        }
        return v;
    }

    private static double[] std(double[][] m) {
        double[] v = new double[m[0].length];
        for (int i = 0; i < v.length; i++) {
            double mu = m[1][i] / m[0][i];
            v[i] = Math.sqrt(Math.max(0, m[2][i] / m[0][i] - mu * mu));
        }
        return v;
    }

    private static String summary(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "min %.3f, 10%% %.3f, median %.3f, 90%% %.3f, max %.3f", s[0],
                s[s.length / 10], s[s.length / 2], s[s.length * 9 / 10], s[s.length - 1]);
    }

    private static int bin(double q) {
        if (q == 1.0) {
            return 0;
        }
        for (int b = 1; b < QUALITY_BINS.length; b++) {
            if (q >= QUALITY_BINS[b]) {
                return b;
            }
        }
        return QUALITY_BINS.length - 1;
    }

    private static String label(int b) {
        return b == 0 ? "1 (clean)" : String.format(Locale.ROOT, "[%.2f, %.2f)", QUALITY_BINS[b], QUALITY_BINS[b - 1]);
    }

    private static String percent(Map<DegradationType, Long> counts, long frames) {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s %.1f%%, ", k, 100.0 * v / frames)));
        return b.toString();
    }

    private static List<AffectSequence> all(SyntheticAffectCorpus corpus) {
        List<AffectSequence> all = new ArrayList<>();
        for (String split : corpus.splitNames()) {
            corpus.split(split).forEach(all::add);
        }
        return all;
    }

    /** Prints formatted lines with the root locale. */
    private static final class PrintOut {
        void line(String format, Object... args) {
            System.out.println(String.format(Locale.ROOT, format, args));
        }
    }
}
