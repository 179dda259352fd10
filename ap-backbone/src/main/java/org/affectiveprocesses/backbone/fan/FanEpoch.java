package org.affectiveprocesses.backbone.fan;

/**
 * What one training epoch gave.
 *
 * @param epoch the epoch, from 1
 * @param trainingLoss the mean training loss over the epoch's steps
 * @param validationScore the validation score after the epoch (higher is better: mean CCC for
 *     valence/arousal, mean ICC(3,1) for Action Units, minus the mean landmark error for
 *     landmarks), or NaN without a validation set
 * @param learningRate the rate at the epoch's start
 * @param seconds the epoch's wall-clock time
 */
public record FanEpoch(int epoch, double trainingLoss, double validationScore, double learningRate,
        double seconds) {
}
