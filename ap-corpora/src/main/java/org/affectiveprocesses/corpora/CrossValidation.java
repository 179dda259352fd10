package org.affectiveprocesses.corpora;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.affectiveprocesses.api.AffectModel;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.evaluation.Evaluation;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;
import org.affectiveprocesses.metrics.ResultsTable;

/**
 * Scores a model over the test splits of one or more folds, as the paper reports
 * cross-validation: per fold, and pooled over every test frame of every fold (each subject is
 * tested once, so the pooled score is one score over the whole corpus). The backbone (the
 * sequences' pseudo-labels) is scored alongside. With one fold this is a plain evaluation of one
 * split.
 *
 * <pre>{@code
 * CrossValidation.Report r = CrossValidation.of("AP")
 *         .fold("fold1", ap1, store.split("fold1/test"))
 *         .fold("fold2", ap2, store.split("fold2/test"))
 *         .fold("fold3", ap3, store.split("fold3/test"))
 *         .run();
 * System.out.println(r.toMarkdown(Metric.ICC_3_1));
 * }</pre>
 *
 * Sequences are read and predicted a few at a time, so a lazy dataset stays lazy.
 */
public final class CrossValidation {
    private static final int SEQUENCES_PER_CALL = 16;

    private final String modelName;
    private final List<FoldInput> folds = new ArrayList<>();
    private Pooling pooling = Pooling.POOLED;
    private Progress progress = (done, total) -> { };

    private record FoldInput(String name, SequenceDataset test, Function<List<AffectSequence>, List<Prediction>> predictor) {
    }

    /** Receives progress after every chunk of sequences predicted. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done sequences scored so far over all folds
         * @param total sequences to score over all folds
         */
        void onSequences(int done, int total);
    }

    private CrossValidation(String modelName) {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("the model needs a non-empty name");
        }
        this.modelName = modelName;
    }

    /**
     * Starts a cross-validation of a model.
     *
     * @param modelName the model's row name in tables, e.g. {@code "AP"}
     */
    public static CrossValidation of(String modelName) {
        return new CrossValidation(modelName);
    }

    /** Adds a fold: a model trained without the fold's test subjects, and the test split. */
    public CrossValidation fold(String name, AffectModel model, SequenceDataset test) {
        Objects.requireNonNull(model, "model");
        return fold(name, test, model::predictAll);
    }

    /** Adds a fold whose predictions come from a function (e.g. a model with other options). */
    public CrossValidation fold(String name, SequenceDataset test,
            Function<List<AffectSequence>, List<Prediction>> predictor) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a fold needs a non-empty name");
        }
        if (folds.stream().anyMatch(f -> f.name.equals(name))) {
            throw new IllegalArgumentException("fold '" + name + "' was already added");
        }
        if (!folds.isEmpty() && !folds.get(0).test.labelSpace().equals(test.labelSpace())) {
            throw new IllegalArgumentException("fold '" + name + "' is " + test.labelSpace().name() + " but fold '"
                    + folds.get(0).name + "' is " + folds.get(0).test.labelSpace().name());
        }
        folds.add(new FoldInput(name, Objects.requireNonNull(test, "test"), Objects.requireNonNull(predictor, "predictor")));
        return this;
    }

    /** How sequences are combined (default: pooled over frames, as the paper). */
    public CrossValidation pooling(Pooling newPooling) {
        this.pooling = Objects.requireNonNull(newPooling, "pooling");
        return this;
    }

    /** Where progress goes (default: nowhere). */
    public CrossValidation progress(Progress newProgress) {
        this.progress = Objects.requireNonNull(newProgress, "progress");
        return this;
    }

    /**
     * Predicts every test sequence of every fold and scores them.
     *
     * @throws IllegalArgumentException if no fold was added, or a sequence is in the test split
     *     of two folds
     */
    public Report run() {
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("add at least one fold");
        }
        List<String> dims = folds.get(0).test.labelSpace().dimensions();
        Metric[] metrics = Evaluation.METRICS.toArray(Metric[]::new);
        EvaluationReport.Builder pooledModel = EvaluationReport.builder(dims).modelName(modelName);
        EvaluationReport.Builder pooledBackbone = EvaluationReport.builder(dims).modelName("Backbone");
        Map<String, String> foldOfSequence = new HashMap<>();
        int total = folds.stream().mapToInt(f -> f.test.size()).sum();
        int done = 0;
        List<Fold> results = new ArrayList<>();
        for (FoldInput f : folds) {
            EvaluationReport.Builder model = EvaluationReport.builder(dims).modelName(modelName);
            EvaluationReport.Builder backbone = EvaluationReport.builder(dims).modelName("Backbone");
            for (int from = 0; from < f.test.size(); from += SEQUENCES_PER_CALL) {
                List<AffectSequence> chunk = new ArrayList<>();
                for (int i = from; i < Math.min(f.test.size(), from + SEQUENCES_PER_CALL); i++) {
                    chunk.add(f.test.get(i));
                }
                List<Prediction> predictions = f.predictor.apply(chunk);
                if (predictions.size() != chunk.size()) {
                    throw new IllegalStateException("fold '" + f.name + "': " + predictions.size()
                            + " predictions for " + chunk.size() + " sequences");
                }
                for (int i = 0; i < chunk.size(); i++) {
                    AffectSequence s = chunk.get(i);
                    String before = foldOfSequence.putIfAbsent(s.id(), f.name);
                    if (before != null) {
                        throw new IllegalArgumentException("sequence '" + s.id() + "' is in the test split of fold '"
                                + before + "' and of fold '" + f.name + "'; test folds must be disjoint");
                    }
                    double[][] truth = Evaluation.truth(s);
                    double[][] mean = Evaluation.means(predictions.get(i));
                    Evaluation.requireInLabelRange(f.test, s, mean);
                    double[][] std = Evaluation.stds(predictions.get(i));
                    double[][] pseudo = Evaluation.pseudoLabels(s);
                    model.addSequence(s.id(), truth, mean, std);
                    backbone.addSequence(s.id(), truth, pseudo);
                    pooledModel.addSequence(s.id(), truth, mean, std);
                    pooledBackbone.addSequence(s.id(), truth, pseudo);
                }
                done += chunk.size();
                progress.onSequences(done, total);
            }
            results.add(new Fold(f.name, f.test.name(), model.build(pooling, metrics), backbone.build(pooling, metrics)));
        }
        return new Report(modelName, results, pooledModel.build(pooling, metrics), pooledBackbone.build(pooling, metrics));
    }

    /**
     * One fold's scores.
     *
     * @param name the fold's name
     * @param split the test split's name
     * @param model the model's report
     * @param backbone the backbone's report
     */
    public record Fold(String name, String split, EvaluationReport model, EvaluationReport backbone) {
    }

    /**
     * The scores of a cross-validation.
     *
     * @param modelName the model's name
     * @param folds per fold, in order
     * @param pooled the model over all folds' test frames
     * @param pooledBackbone the backbone over all folds' test frames
     */
    public record Report(String modelName, List<Fold> folds, EvaluationReport pooled, EvaluationReport pooledBackbone) {
        /** Copies the folds. */
        public Report {
            folds = List.copyOf(folds);
        }

        /**
         * One metric as a table: for each fold its backbone and model rows (when there is more
         * than one fold), then the pooled backbone and model rows.
         */
        public ResultsTable table(Metric metric) {
            List<EvaluationReport> rows = new ArrayList<>();
            boolean several = folds.size() > 1;
            if (several) {
                for (Fold f : folds) {
                    rows.add(f.backbone.withModelName(f.name + " Backbone"));
                    rows.add(f.model.withModelName(f.name + " " + modelName));
                }
            }
            rows.add(several ? pooledBackbone.withModelName("pooled Backbone") : pooledBackbone);
            rows.add(several ? pooled.withModelName("pooled " + modelName) : pooled);
            return ResultsTable.of(metric, rows);
        }

        /** {@link #table(Metric)} as markdown. */
        public String toMarkdown(Metric metric) {
            return table(metric).toMarkdown();
        }
    }
}
