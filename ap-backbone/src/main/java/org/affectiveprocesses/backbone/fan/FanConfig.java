package org.affectiveprocesses.backbone.fan;

import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;

/**
 * The shape of the paper's backbone (Appendix A): input size, ConvBlock width, number of
 * landmark heatmaps, hourglass depth, what the head predicts and, for valence/arousal, the
 * sizes of the auxiliary emotion and bin heads. Immutable and validated.
 *
 * <p>The paper's network is {@link #paperValenceArousal()} or {@link #paperActionUnits(LabelSpace)}:
 * 256 × 256 input, 128-channel blocks, 68 heatmaps, a 4-level hourglass, giving a (128 + 128 + 68) ×
 * 64 × 64 alignment output, a 128 × 4 × 4 task map and 512-d features. Smaller widths and inputs
 * keep the same structure (for tests and quick experiments): the alignment map is input / 4, the
 * task map input / 64 and the feature size width × (input / 128)².
 *
 * @param inputSize input width and height in pixels: a positive multiple of 128
 * @param width channels of every ConvBlock: a positive multiple of 4 (the stem gives width / 2)
 * @param landmarks the number of landmark heatmaps (68 in the paper)
 * @param hourglassDepth hourglass levels (4 in the paper; at most log2(input / 64) + 4)
 * @param labels what the regression head predicts, in [-1, 1]
 * @param emotions basic-emotion classes of the auxiliary head (valence/arousal only; 7 in the paper)
 * @param bins bins of each of the valence and arousal classification heads (valence/arousal only; 20)
 */
public record FanConfig(int inputSize, int width, int landmarks, int hourglassDepth, LabelSpace labels,
        int emotions, int bins) {
    /** Validates. */
    public FanConfig {
        if (inputSize < 128 || inputSize % 128 != 0) {
            throw new IllegalArgumentException("input size must be a positive multiple of 128, got " + inputSize);
        }
        if (width < 4 || width % 4 != 0) {
            throw new IllegalArgumentException("width must be a positive multiple of 4, got " + width);
        }
        if (landmarks < 1) {
            throw new IllegalArgumentException("at least one landmark heatmap is needed, got " + landmarks);
        }
        int maxDepth = Integer.numberOfTrailingZeros(inputSize / 4);
        if (hourglassDepth < 1 || hourglassDepth > maxDepth) {
            throw new IllegalArgumentException("hourglass depth must be in [1, " + maxDepth + "] for input "
                    + inputSize + ", got " + hourglassDepth);
        }
        Objects.requireNonNull(labels, "labels");
        if (emotions < 2 || bins < 2) {
            throw new IllegalArgumentException("the emotion and bin heads need at least 2 classes, got " + emotions
                    + " and " + bins);
        }
    }

    /** The paper's valence/arousal backbone: 256 px, width 128, 68 heatmaps, depth 4, 7 emotions, 20 bins. */
    public static FanConfig paperValenceArousal() {
        return new FanConfig(256, 128, 68, 4, LabelSpace.valenceArousal(), 7, 20);
    }

    /**
     * The paper's Action Unit backbone (5 AUs for BP4D, 12 for DISFA).
     *
     * @param actionUnits the predicted Action Units
     */
    public static FanConfig paperActionUnits(LabelSpace actionUnits) {
        return new FanConfig(256, 128, 68, 4, actionUnits, 7, 20);
    }

    /** A copy with another input size. */
    public FanConfig withInputSize(int size) {
        return new FanConfig(size, width, landmarks, hourglassDepth, labels, emotions, bins);
    }

    /** A copy with another block width. */
    public FanConfig withWidth(int channels) {
        return new FanConfig(inputSize, channels, landmarks, hourglassDepth, labels, emotions, bins);
    }

    /** A copy with another number of landmark heatmaps. */
    public FanConfig withLandmarks(int count) {
        return new FanConfig(inputSize, width, count, hourglassDepth, labels, emotions, bins);
    }

    /** A copy with another hourglass depth. */
    public FanConfig withHourglassDepth(int depth) {
        return new FanConfig(inputSize, width, landmarks, depth, labels, emotions, bins);
    }

    /** A copy predicting other labels. */
    public FanConfig withLabels(LabelSpace space) {
        return new FanConfig(inputSize, width, landmarks, hourglassDepth, space, emotions, bins);
    }

    /** Whether the head is the paper's multi-task valence/arousal head (else one regression head, MSE). */
    public boolean multiTask() {
        return labels.kind() == LabelKind.VALENCE_AROUSAL;
    }

    /** Height and width of the alignment module's output (64 in the paper). */
    public int alignmentMapSize() {
        return inputSize / 4;
    }

    /** Channels of the alignment module's output: 2 × width + landmarks (324 in the paper). */
    public int alignmentChannels() {
        return 2 * width + landmarks;
    }

    /** Height and width of the task feature map (4 in the paper). */
    public int taskMapSize() {
        return inputSize / 64;
    }

    /** The feature size dx: width × (task map / 2)² (512 in the paper). */
    public int featureSize() {
        int half = taskMapSize() / 2;
        return width * half * half;
    }

    /** The sizes of the head's outputs: the regression first, then (multi-task) emotions and the two bin heads. */
    public List<Integer> headSizes() {
        return multiTask() ? List.of(labels.size(), emotions, bins, bins) : List.of(labels.size());
    }
}
