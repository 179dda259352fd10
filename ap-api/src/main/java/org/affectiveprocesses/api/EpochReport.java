package org.affectiveprocesses.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one training epoch achieved.
 *
 * @param epoch the epoch, 1-based
 * @param epochs the number of epochs
 * @param meanLoss the mean training loss over the epoch's steps
 * @param learningRate the learning rate at the epoch's last step
 * @param validationScores validation scores by name (e.g. {@code "CCC valence"})
 * @param selectionScore the score that selects the best epoch
 * @param best whether this epoch is the best so far (its weights are kept)
 * @param seconds wall-clock time of the epoch including validation
 */
public record EpochReport(int epoch, int epochs, double meanLoss, double learningRate,
        Map<String, Double> validationScores, double selectionScore, boolean best, double seconds) {

    /** Copies the scores. */
    public EpochReport {
        validationScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validationScores));
    }

    /** One line for a log: epoch, loss, validation score, time. */
    public String toLine() {
        return String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  lr %.2e  validation %.4f%s  (%.1f s)",
                epoch, epochs, meanLoss, learningRate, selectionScore, best ? " *best*" : "", seconds);
    }
}
