package org.affectiveprocesses.baselines;

import java.util.Locale;
import org.affectiveprocesses.api.Configuration;

/**
 * A bidirectional GRU (the paper's Action Unit recurrent baseline, Sec. 6: "a 2-layer
 * Bidirectional GRU with 256-d hidden states, L = 60"): stacked layers, each a forward and a
 * backward GRU of H units over the window whose outputs are concatenated, and a linear head per
 * frame.
 *
 * <p>{@link #paper()} follows the text: 2 stacked bidirectional layers of 256 units per direction
 * (2.37 M parameters, 142 M multiply-adds per 60-frame window). The paper's complexity figures
 * (1.2 M parameters, 71 M at L = 60) are exactly those of <i>one</i> bidirectional layer ({@code
 * nn.GRU(512, 256, bidirectional=True)}: 1,182,720 parameters, 70.8 M multiply-adds), i.e. they
 * count the forward and backward directions as the "2 layers"; {@code paper().withLayers(1)} is
 * that reading.
 *
 * @param layers stacked bidirectional layers
 * @param hiddenSize H, units per direction
 * @param windowLength L (60 in the paper)
 */
public record BiGruConfig(int layers, int hiddenSize, int windowLength) implements BaselineArchitecture {

    /** The model type of BiGRU model files. */
    public static final String MODEL_TYPE = "bigru";

    /** @throws IllegalArgumentException naming the value out of range */
    public BiGruConfig {
        if (layers < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("a BiGRU needs layers >= 1 and hiddenSize >= 1, got " + layers
                    + " and " + hiddenSize);
        }
        BaselineArchitecture.checkWindowLength(windowLength);
    }

    /** The paper's configuration: 2 bidirectional layers of 256 units, L = 60. */
    public static BiGruConfig paper() {
        return new BiGruConfig(2, 256, 60);
    }

    /** A copy with another number of stacked bidirectional layers. */
    public BiGruConfig withLayers(int newLayers) {
        return new BiGruConfig(newLayers, hiddenSize, windowLength);
    }

    /** A copy with another number of units per direction. */
    public BiGruConfig withHiddenSize(int newHiddenSize) {
        return new BiGruConfig(layers, newHiddenSize, windowLength);
    }

    @Override
    public BiGruConfig withWindowLength(int newWindowLength) {
        return new BiGruConfig(layers, hiddenSize, newWindowLength);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public String displayName() {
        return "BiGRU";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "BiGRU (%d bidirectional layer%s x %d, L=%d)", layers,
                layers == 1 ? "" : "s", hiddenSize, windowLength);
    }

    @Override
    public Configuration toConfiguration() {
        return Configuration.builder(MODEL_TYPE, 1).put("layers", layers).put("hiddenSize", hiddenSize)
                .put("windowLength", windowLength).build();
    }
}
