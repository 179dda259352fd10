package org.affectiveprocesses.core.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;

/**
 * The paper's context-selection study (Fig. 3): the score of a trained Affective Process as a
 * function of the number of context points, for several selectors (lowest σ, highest σ, random),
 * with the model's test protocol otherwise unchanged.
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
        InferenceOptions base = model.defaultOptions();
        for (int s = 0; s < selectors.size(); s++) {
            for (int c = 0; c < sizes.length; c++) {
                InferenceOptions o = base.withSelector(selectors.get(s)).withContextSize(sizes[c]).withSamples(0, 0);
                EvaluationReport r = Evaluation.of(model, data, o);
                for (int d = 0; d < dims.size(); d++) {
                    scores[s][c][d] = r.value(metric, d);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (ContextSelector sel : selectors) {
            names.add(sel.name());
        }
        return new Result(names, sizes.clone(), dims, metric, scores);
    }

    /**
     * The study's scores.
     *
     * @param selectors selector names, in order
     * @param sizes the context sizes
     * @param dimensions the label dimensions
     * @param metric the metric
     * @param scores [selector][size][dimension]
     */
    public record Result(List<String> selectors, int[] sizes, List<String> dimensions, Metric metric,
            double[][][] scores) {

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

        /** A markdown table: rows = selector × dimension (and mean), columns = context sizes. */
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
