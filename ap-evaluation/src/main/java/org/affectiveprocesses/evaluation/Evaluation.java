package org.affectiveprocesses.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectModel;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.Pooling;

/**
 * Scores a model (or the backbone's pseudo-labels) on a dataset against its ground truth, pooling
 * all labelled frames of the partition as the paper does (or averaging per sequence). Frames
 * without a face or without an annotation are skipped. When the model reports a standard
 * deviation, the report also measures its calibration ({@link EvaluationReport#calibration()}:
 * coverage of ±1σ and ±2σ, Gaussian NLL, calibration error and sharpness). {@link #dataWarnings}
 * says when the data do not look like what the model was trained on.
 */
public final class Evaluation {
    /** The metrics every evaluation computes: CCC, PCC, ICC(3,1), MSE, RMSE, MAE. */
    public static final List<Metric> METRICS =
            List.of(Metric.CCC, Metric.PCC, Metric.ICC_3_1, Metric.MSE, Metric.RMSE, Metric.MAE);

    private static final int SEQUENCES_PER_CALL = 16;

    private Evaluation() {
    }

    /**
     * The model's default protocol, pooled over all frames; the row is named after the AP's
     * variant (e.g. {@code "AP"}) or the model type.
     */
    public static EvaluationReport of(AffectModel model, SequenceDataset data) {
        String name = model instanceof AffectiveProcess ap ? ap.architecture().displayName() : model.info().modelType();
        return of(name, data, model::predictAll, Pooling.POOLED);
    }

    /** An Affective Process under the given test protocol, pooled over all frames. */
    public static EvaluationReport of(AffectiveProcess model, SequenceDataset data, InferenceOptions options) {
        return of(model.architecture().displayName(), data, seqs -> model.predictAll(seqs, options),
                Pooling.POOLED);
    }

    /**
     * A model's predictions under a name and pooling.
     *
     * @param modelName the row name in tables
     * @param data the sequences with ground truth
     * @param predictor predicts a chunk of sequences
     * @param pooling pooled over frames or averaged per sequence
     */
    public static EvaluationReport of(String modelName, SequenceDataset data,
            java.util.function.Function<List<AffectSequence>, List<Prediction>> predictor, Pooling pooling) {
        EvaluationReport.Builder b = EvaluationReport.builder(data.labelSpace().dimensions()).modelName(modelName);
        for (int from = 0; from < data.size(); from += SEQUENCES_PER_CALL) {
            List<AffectSequence> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(data.size(), from + SEQUENCES_PER_CALL); i++) {
                chunk.add(data.get(i));
            }
            List<Prediction> predictions = predictor.apply(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                AffectSequence s = chunk.get(i);
                Prediction p = predictions.get(i);
                b.addSequence(s.id(), truth(s), means(p), stds(p));
            }
        }
        return b.build(pooling, METRICS.toArray(Metric[]::new));
    }

    /**
     * The largest predicted mean, in absolute value, that {@link #requireInLabelRange} lets be
     * scored: labels are normalised to [-1, 1], so a model predicting beyond ±100 is reading inputs
     * far from those it was trained on (for example features of another scale), and its scores
     * would mean nothing.
     */
    public static final double MAX_ABS_PREDICTION = 100;

    /**
     * Refuses a sequence's predicted means when one lies beyond ±{@value #MAX_ABS_PREDICTION}, naming
     * the value, dimension, frame, sequence and data. {@code ap evaluate} (through {@code
     * CrossValidation}) checks every sequence before scoring; training's validation does not, as a
     * diverging training is handled by its own guard.
     *
     * @param data the data the sequence belongs to
     * @param s the sequence
     * @param means its predicted means, [frame][dimension] as {@link #means} gives them
     * @throws IllegalArgumentException if a mean lies beyond the bound
     */
    public static void requireInLabelRange(SequenceDataset data, AffectSequence s, double[][] means) {
        for (int t = 0; t < means.length; t++) {
            for (int d = 0; d < means[t].length; d++) {
                if (Math.abs(means[t][d]) > MAX_ABS_PREDICTION) {
                    throw outOfLabelRange(means[t][d], data.labelSpace().dimensions().get(d),
                            "frame " + t + " of '" + s.id() + "' in '" + data.name() + "'");
                }
            }
        }
    }

    /**
     * The error {@link #requireInLabelRange} throws, for checks of predictions held elsewhere (the
     * Spark evaluate job's tables).
     *
     * @param value the predicted mean
     * @param dimension its label dimension
     * @param where the frame and video (and data) it belongs to
     * @return the exception to throw
     */
    public static IllegalArgumentException outOfLabelRange(double value, String dimension, String where) {
        return new IllegalArgumentException("the model predicts " + value + " for " + dimension + " at " + where
                + ", whose labels lie in [-1, 1]: its features are far from those the model was trained on (check"
                + " their scale and the backbone); no score is computed");
    }

    /** The backbone alone: its per-frame pseudo-labels scored as predictions. */
    public static EvaluationReport ofBackbone(SequenceDataset data, String name) {
        EvaluationReport.Builder b = EvaluationReport.builder(data.labelSpace().dimensions()).modelName(name);
        for (AffectSequence s : data) {
            b.addSequence(s.id(), truth(s), pseudoLabels(s));
        }
        return b.build(Pooling.POOLED, METRICS.toArray(Metric[]::new));
    }

    /**
     * A sequence's ground truth as scored by every evaluation.
     *
     * @param s the sequence
     * @return the labels as [frame][dim], {@code NaN} where missing or where no face was found
     */
    public static double[][] truth(AffectSequence s) {
        return onValidFrames(s, s::label);
    }

    /**
     * The backbone's pseudo-labels of a sequence, scored as if they were predictions.
     *
     * @param s the sequence
     * @return the pseudo-labels as [frame][dim], {@code NaN} where no face was found
     */
    public static double[][] pseudoLabels(AffectSequence s) {
        return onValidFrames(s, s::pseudoLabel);
    }

    /**
     * A prediction's per-frame predictive means, as scored by every evaluation.
     *
     * @param p the prediction
     * @return the means as [frame][dim], {@code NaN} where the frame was not predicted
     */
    public static double[][] means(Prediction p) {
        return perFrame(p, p::mean);
    }

    /**
     * The predicted standard deviation of every frame, [frame][dimension] (NaN where no prediction).
     *
     * @param p a prediction
     * @return its σ
     */
    public static double[][] stds(Prediction p) {
        return perFrame(p, p::std);
    }

    private static double[][] perFrame(Prediction p, FrameValue value) {
        int dy = p.labelSpace().size();
        double[][] out = new double[p.length()][dy];
        for (int t = 0; t < p.length(); t++) {
            for (int d = 0; d < dy; d++) {
                out[t][d] = value.at(t, d);
            }
        }
        return out;
    }

    /**
     * What differs between the data a model was trained on (its provenance) and the data about to
     * be scored, as warnings for people to read: another corpus (the part of the data names
     * before the last {@code /}, e.g. {@code synthetic-va(seed 1)} in {@code
     * synthetic-va(seed 1)/test}); a corpus of the same name made from another {@link
     * SequenceDataset#source()} (for example generated by another version of the synthetic
     * corpus's generator), when both sources are known; or the very data it was trained or
     * validated on. Scores are computed either way; callers print these (the {@code ap} commands
     * do).
     *
     * @param model the model
     * @param data the data to score
     * @return the warnings, empty when nothing looks wrong or the model's training data are unknown
     */
    public static List<String> dataWarnings(AffectModel model, SequenceDataset data) {
        String trainedOn = model.info().provenance().trainingData();
        List<String> warnings = new ArrayList<>();
        if (trainedOn.isBlank()) {
            return warnings;
        }
        String here = data.identity();
        if (here.equals(trainedOn)) {
            warnings.add("'" + data.name() + "' is the data this model was trained on; its scores are training scores");
        } else if (here.equals(model.info().provenance().validationData())) {
            warnings.add("'" + data.name() + "' is the data this model was validated (and calibrated) on;"
                    + " report scores of data it has not seen");
        }
        String corpus = corpusOf(data.name());
        String trainingCorpus = corpusOf(SequenceDataset.nameOf(trainedOn));
        String source = data.source();
        String trainingSource = SequenceDataset.sourceOf(trainedOn);
        if (!corpus.equals(trainingCorpus)) {
            warnings.add("this model was trained on '" + trainingCorpus + "' but '" + data.name()
                    + "' comes from '" + corpus + "': scores on other data than the model was made for can be"
                    + " meaningless (a different backbone, feature scaling or generator seed)");
        } else if (!source.isEmpty() && !trainingSource.isEmpty() && !source.equals(trainingSource)) {
            warnings.add("this model was trained on '" + trainingCorpus + "' made from source " + trainingSource
                    + ", but '" + data.name() + "' was made from source " + source + ": the same name holds other"
                    + " data (for the synthetic corpus, another generator version or configuration)");
        }
        return warnings;
    }

    /** The corpus part of a data name: everything before the last '/' (the split), or the whole name. */
    private static String corpusOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** One value of a sequence per frame and label dimension. */
    @FunctionalInterface
    private interface FrameValue {
        float at(int t, int d);
    }

    /** The values of a sequence as [frame][dim], {@code NaN} on frames without a face. */
    private static double[][] onValidFrames(AffectSequence s, FrameValue value) {
        int dy = s.labelSize();
        double[][] out = new double[s.length()][dy];
        for (int t = 0; t < s.length(); t++) {
            for (int d = 0; d < dy; d++) {
                out[t][d] = s.isValid(t) ? value.at(t, d) : Double.NaN;
            }
        }
        return out;
    }
}
