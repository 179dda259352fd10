package org.affectiveprocesses.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;

/**
 * The paper's context-selection study (Fig. 3): the score of a trained Affective Process as a
 * function of the number of context points, for several selectors (lowest σ, highest σ, random),
 * with the model's test protocol otherwise unchanged. Beside the score it measures what the
 * paper's Fig. 4 shows qualitatively, whether a selector picks the frames the backbone got right:
 * the backbone's error on the chosen context frames relative to its error on all the window's
 * frames ({@link Result#contextError}).
 *
 * <pre>{@code
 * ContextStudy.Result r = ContextStudy.of(ap, validation)
 *         .selectors(ContextSelectors.lowestSigma(), ContextSelectors.random(7), ContextSelectors.highestSigma())
 *         .contextSizes(10, 20, 30, 40, 50, 60)
 *         .run();
 * }</pre>
 */
public final class ContextStudy {
    private final AffectiveProcess model;
    private final SequenceDataset data;
    private List<ContextSelector> selectors = List.of(ContextSelectors.lowestSigma(),
            ContextSelectors.random(7), ContextSelectors.highestSigma());
    private int[] sizes = {10, 20, 30, 40, 50, 60};

    private ContextStudy(AffectiveProcess model, SequenceDataset data) {
        this.model = Objects.requireNonNull(model, "model");
        this.data = Objects.requireNonNull(data, "data");
    }

    /** A study of a model on a dataset (defaults: the three selectors of Fig. 3, C = 10 … 60). */
    public static ContextStudy of(AffectiveProcess model, SequenceDataset data) {
        return new ContextStudy(model, data);
    }

    /** The selectors to compare. */
    public ContextStudy selectors(ContextSelector... newSelectors) {
        if (newSelectors.length == 0) {
            throw new IllegalArgumentException("a context study needs at least one selector");
        }
        this.selectors = List.of(newSelectors);
        return this;
    }

    /**
     * The context sizes to try.
     *
     * @throws IllegalArgumentException if a size is below 1 or above the model's window length
     */
    public ContextStudy contextSizes(int... newSizes) {
        int window = model.defaultOptions().windowLength();
        for (int c : newSizes) {
            if (c < 1 || c > window) {
                throw new IllegalArgumentException("context size " + c + " is outside [1, " + window
                        + "], the model's window length");
            }
        }
        this.sizes = newSizes.clone();
        return this;
    }

    /** Evaluates every selector at every size with the label space's headline metric. */
    public Result run() {
        Metric metric = data.labelSpace().headlineMetric();
        List<String> dims = data.labelSpace().dimensions();
        double[][][] scores = new double[selectors.size()][sizes.length][dims.size()];
        double[][] contextError = new double[selectors.size()][sizes.length];
        InferenceOptions base = model.defaultOptions();
        for (int s = 0; s < selectors.size(); s++) {
            for (int c = 0; c < sizes.length; c++) {
                InferenceOptions o = base.withSelector(selectors.get(s)).withContextSize(sizes[c]).withSamples(0, 0);
                ContextErrors errors = new ContextErrors();
                EvaluationReport r = Evaluation.of(model.architecture().displayName(), data, seqs -> {
                    List<Prediction> predictions = model.predictAll(seqs, o);
                    for (int i = 0; i < seqs.size(); i++) {
                        errors.add(seqs.get(i), predictions.get(i));
                    }
                    return predictions;
                }, Pooling.POOLED);
                for (int d = 0; d < dims.size(); d++) {
                    scores[s][c][d] = r.value(metric, d);
                }
                contextError[s][c] = errors.ratio();
            }
        }
        List<String> names = new ArrayList<>();
        for (ContextSelector sel : selectors) {
            names.add(sel.name());
        }
        return new Result(names, sizes.clone(), dims, metric, scores, contextError);
    }

    /**
     * The backbone's mean absolute error (over label dimensions, normalised scale) on the
     * context frames of every window, and on all the windows' frames; frames without a face or a
     * label do not count.
     */
    static final class ContextErrors {
        private double contextSum;
        private long contextCount;
        private double windowSum;
        private long windowCount;

        void add(AffectSequence s, Prediction p) {
            for (ContextWindow w : p.windows()) {
                for (int t = w.start(); t < w.start() + w.length(); t++) {
                    double e = error(s, t);
                    if (!Double.isNaN(e)) {
                        windowSum += e;
                        windowCount++;
                    }
                }
                for (int t : w.contextFrames()) {
                    double e = error(s, t);
                    if (!Double.isNaN(e)) {
                        contextSum += e;
                        contextCount++;
                    }
                }
            }
        }

        double ratio() {
            if (contextCount == 0 || windowCount == 0 || windowSum == 0) {
                return Double.NaN;
            }
            return (contextSum / contextCount) / (windowSum / windowCount);
        }

        private static double error(AffectSequence s, int t) {
            if (!s.isValid(t) || !s.hasLabel(t)) {
                return Double.NaN;
            }
            double sum = 0;
            for (int d = 0; d < s.labelSize(); d++) {
                sum += Math.abs(s.pseudoLabel(t, d) - s.label(t, d));
            }
            return sum / s.labelSize();
        }
    }

    /**
     * The study's scores.
     *
     * @param selectors selector names, in order
     * @param sizes the context sizes
     * @param dimensions the label dimensions
     * @param metric the metric
     * @param scores [selector][size][dimension]
     * @param contextError [selector][size]: the backbone's mean absolute pseudo-label error on the
     *     chosen context frames divided by its error on all the windows' frames (below 1: the
     *     selector prefers frames the backbone got right; random selection gives about 1);
     *     {@code NaN} where no context frame has a label
     */
    public record Result(List<String> selectors, int[] sizes, List<String> dimensions, Metric metric,
            double[][][] scores, double[][] contextError) {

        /** @throws IllegalArgumentException if the arrays do not match the selectors and sizes */
        public Result {
            if (scores.length != selectors.size() || contextError.length != selectors.size()) {
                throw new IllegalArgumentException(selectors.size() + " selectors but " + scores.length
                        + " score rows and " + contextError.length + " context-error rows");
            }
            for (int s = 0; s < selectors.size(); s++) {
                if (scores[s].length != sizes.length || contextError[s].length != sizes.length) {
                    throw new IllegalArgumentException(sizes.length + " context sizes but selector '"
                            + selectors.get(s) + "' has " + scores[s].length + " scores and "
                            + contextError[s].length + " context errors");
                }
            }
        }

        /** The relative backbone error of a selector's context frames at a size. */
        public double contextError(String selector, int size) {
            return contextError[indexOf(selectors, selector)][sizeIndex(size)];
        }

        /** The score of a selector at a size for one dimension. */
        public double score(String selector, int size, String dimension) {
            return scores[indexOf(selectors, selector)][sizeIndex(size)][indexOf(dimensions, dimension)];
        }

        /** The score averaged over dimensions. */
        public double mean(String selector, int size) {
            double[] v = scores[indexOf(selectors, selector)][sizeIndex(size)];
            double s = 0;
            for (double x : v) {
                s += x;
            }
            return s / v.length;
        }

        /**
         * A markdown table: rows = selector × dimension (and mean, and the relative backbone error
         * of the context frames), columns = context sizes.
         */
        public String toMarkdown() {
            StringBuilder sb = new StringBuilder("| Selector | Dimension |");
            for (int c : sizes) {
                sb.append(" C=").append(c).append(" |");
            }
            sb.append("\n|---|---|");
            sb.append("---|".repeat(sizes.length)).append('\n');
            for (String sel : selectors) {
                for (String d : dimensions) {
                    sb.append("| ").append(sel).append(" | ").append(d).append(" |");
                    for (int c : sizes) {
                        sb.append(String.format(Locale.ROOT, " %.3f |", score(sel, c, d)));
                    }
                    sb.append('\n');
                }
                sb.append("| ").append(sel).append(" | Mean |");
                for (int c : sizes) {
                    sb.append(String.format(Locale.ROOT, " %.3f |", mean(sel, c)));
                }
                sb.append('\n');
                sb.append("| ").append(sel).append(" | backbone error on context (relative) |");
                for (int c : sizes) {
                    sb.append(String.format(Locale.ROOT, " %.2f |", contextError(sel, c)));
                }
                sb.append('\n');
            }
            return sb.toString();
        }

        private int sizeIndex(int size) {
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] == size) {
                    return i;
                }
            }
            throw new IllegalArgumentException("context size " + size + " was not studied");
        }

        private static int indexOf(List<String> names, String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("'" + name + "' is not one of " + names);
            }
            return i;
        }
    }
}
