package org.affectiveprocesses.baselines;

import java.util.Locale;
import java.util.Objects;
import org.affectiveprocesses.api.Configuration;

/**
 * A convolutional GRU (the paper's valence/arousal recurrent baseline, Sec. 6: "a 4-layer
 * Convolutional GRU with 128-d hidden layers, L = 30").
 *
 * <p>The paper does not say what a ConvGRU convolves over when each frame is a 512-d vector. The
 * default ({@link #paper()}) convolves over <b>time</b>: each of the 4 stacked layers is a GRU
 * (PyTorch's gate equations) whose input-to-gate transform is a 1-D convolution of kernel 3 over
 * the window's frames, so every gate sees the frame before and after; the state-to-gate transform
 * stays a dense 128 × 384 matrix (the state of future frames does not exist yet). It has 1.23 M
 * parameters and 37 M multiply-adds per 30-frame window.
 *
 * <p>{@link ConvAxis#FEATURE} convolves over the <b>feature axis</b> instead: each frame's vector
 * is read as {@code featureChannels} channels × (inputSize / featureChannels) positions (16 × 32
 * for 512-d features), and both gate transforms are kernel-3 convolutions over positions, with a
 * 128-channel state at every position (the ConvGRU of Ballas et al. on a 1-D map). That reading
 * re-uses every weight at 32 positions per frame, which is what the paper's figures imply (758 M
 * multiply-adds for 789 K parameters at L = 30, i.e. about 32 uses per weight per frame); with 16
 * × 32 it has 1.06 M parameters and 1.01 G multiply-adds per window, 30 times the cost of the time
 * axis for the same state size, which is why it is not the default.
 *
 * @param layers stacked GRU layers (4 in the paper)
 * @param hiddenSize H, the state size (channels of the state per position over the feature axis)
 * @param kernelSize k, odd
 * @param axis what the convolutions slide over
 * @param featureChannels C, the channels a frame's vector is read as over the feature axis (must
 *     divide the input size); ignored over time
 * @param windowLength L (30 in the paper)
 */
public record ConvGruConfig(int layers, int hiddenSize, int kernelSize, ConvAxis axis, int featureChannels,
        int windowLength) implements BaselineArchitecture {

    /** The model type of ConvGRU model files. */
    public static final String MODEL_TYPE = "convgru";

    /** @throws IllegalArgumentException naming the value out of range */
    public ConvGruConfig {
        if (layers < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("a ConvGRU needs layers >= 1 and hiddenSize >= 1, got " + layers
                    + " and " + hiddenSize);
        }
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new IllegalArgumentException("kernelSize must be odd and positive (a centred kernel), got " + kernelSize);
        }
        Objects.requireNonNull(axis, "axis");
        if (featureChannels < 1) {
            throw new IllegalArgumentException("featureChannels must be >= 1, got " + featureChannels);
        }
        BaselineArchitecture.checkWindowLength(windowLength);
    }

    /** The paper's configuration: 4 layers, H = 128, kernel 3 over time, L = 30. */
    public static ConvGruConfig paper() {
        return new ConvGruConfig(4, 128, 3, ConvAxis.TIME, 16, 30);
    }

    /** A copy that convolves over another axis. */
    public ConvGruConfig withAxis(ConvAxis newAxis) {
        return new ConvGruConfig(layers, hiddenSize, kernelSize, newAxis, featureChannels, windowLength);
    }

    /** A copy with other sizes. */
    public ConvGruConfig withSizes(int newLayers, int newHiddenSize, int newKernelSize) {
        return new ConvGruConfig(newLayers, newHiddenSize, newKernelSize, axis, featureChannels, windowLength);
    }

    /** A copy that reads each frame as another number of channels (feature axis only). */
    public ConvGruConfig withFeatureChannels(int newFeatureChannels) {
        return new ConvGruConfig(layers, hiddenSize, kernelSize, axis, newFeatureChannels, windowLength);
    }

    @Override
    public ConvGruConfig withWindowLength(int newWindowLength) {
        return new ConvGruConfig(layers, hiddenSize, kernelSize, axis, featureChannels, newWindowLength);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public String displayName() {
        return "ConvGRU";
    }

    @Override
    public String describe() {
        String over = axis == ConvAxis.TIME ? "over time"
                : "over the feature axis read as " + featureChannels + " channels";
        return String.format(Locale.ROOT, "ConvGRU (%d layers x %d, k=%d %s, L=%d)", layers, hiddenSize,
                kernelSize, over, windowLength);
    }

    @Override
    public Configuration toConfiguration() {
        return Configuration.builder(MODEL_TYPE, 1).put("layers", layers).put("hiddenSize", hiddenSize)
                .put("kernelSize", kernelSize).put("axis", axis.name()).put("featureChannels", featureChannels)
                .put("windowLength", windowLength).build();
    }
}
