package org.affectiveprocesses.backbone.fan;

import java.util.List;

/**
 * The outcome of a training run: every epoch and the epoch whose parameters were kept (the best
 * validation score, or the last epoch without a validation set).
 *
 * @param epochs the epochs in order
 * @param bestEpoch the kept epoch, from 1
 */
public record FanTrainingReport(List<FanEpoch> epochs, int bestEpoch) {
    /** Copies. */
    public FanTrainingReport {
        epochs = List.copyOf(epochs);
        if (bestEpoch < 1 || bestEpoch > epochs.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " outside 1.." + epochs.size());
        }
    }

    /** The kept epoch's record. */
    public FanEpoch best() {
        return epochs.get(bestEpoch - 1);
    }

    /** The first epoch's record. */
    public FanEpoch first() {
        return epochs.get(0);
    }

    /** The last epoch's record. */
    public FanEpoch last() {
        return epochs.get(epochs.size() - 1);
    }
}
