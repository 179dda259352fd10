package org.affectiveprocesses.baselines;

import java.util.Locale;
import org.affectiveprocesses.api.Configuration;

/**
 * A Transformer-encoder self-attention model (the paper's attention baseline, Sec. 6: "a 2-layer
 * MultiHead Self-Attention encoder with 32 learnable heads, each of 512 dimensions", L = 30 for
 * valence/arousal and 40 for Action Units).
 *
 * <p>"32 heads, each of 512 dimensions" is read as PyTorch's {@code nn.MultiheadAttention(512,
 * 32)}: a model width of 512 (the feature size, so no input projection is needed) split into 32
 * heads of 16. Each layer is a standard post-norm encoder layer with a position-wise feed-forward
 * network of 1024 units; sinusoidal position encodings give the encoder the frames' order. This
 * reproduces the paper's complexity: 4.21 M parameters (the paper: ~4.2 M) and 128 M
 * multiply-adds per 30-frame window (~125 M). Heads of 512 dimensions each would need 33 M
 * parameters per layer.
 *
 * @param layers stacked encoder layers (2)
 * @param heads attention heads (32); must divide the width
 * @param modelWidth the model width (512); a linear input projection is added when the input size
 *     differs (e.g. when pseudo-labels are appended to the features)
 * @param feedForwardSize the hidden size of the feed-forward network (1024)
 * @param positionalEncoding whether to add sinusoidal position encodings (true)
 * @param windowLength L (30 for valence/arousal, 40 for Action Units)
 */
public record SelfAttentionConfig(int layers, int heads, int modelWidth, int feedForwardSize,
        boolean positionalEncoding, int windowLength) implements BaselineArchitecture {

    /** The model type of self-attention model files. */
    public static final String MODEL_TYPE = "self-attention";

    /** @throws IllegalArgumentException naming the value out of range */
    public SelfAttentionConfig {
        if (layers < 1 || heads < 1 || modelWidth < 1 || feedForwardSize < 1) {
            throw new IllegalArgumentException("self-attention sizes must be >= 1, got layers " + layers + ", heads "
                    + heads + ", width " + modelWidth + ", feed-forward " + feedForwardSize);
        }
        if (modelWidth % heads != 0) {
            throw new IllegalArgumentException("the model width " + modelWidth + " must be a multiple of the "
                    + heads + " heads");
        }
        BaselineArchitecture.checkWindowLength(windowLength);
    }

    /** The paper's valence/arousal configuration: 2 layers, 32 heads, width 512, L = 30. */
    public static SelfAttentionConfig valenceArousal() {
        return new SelfAttentionConfig(2, 32, 512, 1024, true, 30);
    }

    /** The paper's Action Unit configuration: as {@link #valenceArousal()} with L = 40. */
    public static SelfAttentionConfig actionUnits() {
        return valenceArousal().withWindowLength(40);
    }

    /** A copy with other sizes. */
    public SelfAttentionConfig withSizes(int newLayers, int newHeads, int newModelWidth, int newFeedForwardSize) {
        return new SelfAttentionConfig(newLayers, newHeads, newModelWidth, newFeedForwardSize, positionalEncoding,
                windowLength);
    }

    /** A copy with or without position encodings. */
    public SelfAttentionConfig withPositionalEncoding(boolean on) {
        return new SelfAttentionConfig(layers, heads, modelWidth, feedForwardSize, on, windowLength);
    }

    @Override
    public SelfAttentionConfig withWindowLength(int newWindowLength) {
        return new SelfAttentionConfig(layers, heads, modelWidth, feedForwardSize, positionalEncoding,
                newWindowLength);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public String displayName() {
        return "Self-Attn";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Self-Attn (%d layers, %d heads, width %d, feed-forward %d%s, L=%d)",
                layers, heads, modelWidth, feedForwardSize, positionalEncoding ? ", sinusoidal positions" : "",
                windowLength);
    }

    @Override
    public Configuration toConfiguration() {
        return Configuration.builder(MODEL_TYPE, 1).put("layers", layers).put("heads", heads)
                .put("modelWidth", modelWidth).put("feedForwardSize", feedForwardSize)
                .put("positionalEncoding", positionalEncoding).put("windowLength", windowLength).build();
    }
}
