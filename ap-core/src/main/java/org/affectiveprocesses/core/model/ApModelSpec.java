package org.affectiveprocesses.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.io.TensorSpec;

/**
 * An Affective Process's complete shape: its architecture plus the feature size dx and the label
 * space (dy). It lists every parameter tensor and counts parameters and multiply-adds from that
 * list, so the counts always describe the layers that engines build.
 *
 * <p>Layers (dx features, dy labels, H hidden, Z latent; {@code Linear(in → out)} with weight
 * {@code [out, in]} and bias {@code [out]}; ReLU between layers):
 *
 * <pre>
 * label_upsample    Linear(dy → dx)                      (only with pseudo-labels)
 * encoder.0..2      Linear(e → H), ReLU, Linear(H → H), ReLU, Linear(H → Z)
 *                   e = 2·dx for [x, up(ŷ)], dx without pseudo-labels
 * latent.shared     Linear(Z → Z), ReLU
 * latent.mu         Linear(Z → Z)    (the single head of the deterministic AP)
 * latent.sigma      Linear(Z → Z)    σ = floor + (1 − floor)·sigmoid   (stochastic variants)
 * det_encoder.0..2  as encoder                           (AP+Det, AP+Det+Att)
 * attention.query/key/value/output  Linear(Z → Z)        (AP+Det+Att)
 * decoder.0..3      Linear(dx + Z [+ Z] → H), ReLU, Linear(H → H), ReLU, Linear(H → H), ReLU,
 *                   Linear(H → 2·dy): output mean, and σ_y = floor + (1 − floor)·softplus
 * </pre>
 *
 * <p>The paper's configuration (dx 512, dy 2, H = Z = 128) has 330,884 parameters.
 *
 * @param architecture the variant and layer sizes
 * @param featureSize dx
 * @param labelSpace the label space (dy = its size)
 */
public record ApModelSpec(ApArchitecture architecture, int featureSize, LabelSpace labelSpace) {
    /** Name of the label upsampling layer. */
    public static final String LABEL_UPSAMPLE = "label_upsample";
    /** Prefix of the encoder's layers ({@code encoder.0} ... {@code encoder.2}). */
    public static final String ENCODER = "encoder";
    /** The latent encoder's shared layer. */
    public static final String LATENT_SHARED = "latent.shared";
    /** The latent encoder's mean head (the deterministic AP's single head). */
    public static final String LATENT_MU = "latent.mu";
    /** The latent encoder's σ head. */
    public static final String LATENT_SIGMA = "latent.sigma";
    /** Prefix of the deterministic path's encoder layers. */
    public static final String DET_ENCODER = "det_encoder";
    /** Self-attention query projection. */
    public static final String ATTENTION_QUERY = "attention.query";
    /** Self-attention key projection. */
    public static final String ATTENTION_KEY = "attention.key";
    /** Self-attention value projection. */
    public static final String ATTENTION_VALUE = "attention.value";
    /** Self-attention output projection. */
    public static final String ATTENTION_OUTPUT = "attention.output";
    /** Prefix of the decoder's layers ({@code decoder.0} ... {@code decoder.3}). */
    public static final String DECODER = "decoder";
    /** Layers in the encoder MLPs. */
    public static final int ENCODER_LAYERS = 3;
    /** Layers in the decoder MLP. */
    public static final int DECODER_LAYERS = 4;

    /** Validates: every layer must fit an array (so that a forged model file fails here, named). */
    public ApModelSpec {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(labelSpace, "labelSpace");
        if (featureSize < 1) {
            throw new IllegalArgumentException("featureSize must be >= 1, got " + featureSize);
        }
        long widest = Math.max(Math.max(2L * featureSize, featureSize + 2L * architecture.latentSize()),
                architecture.hiddenSize());
        long tallest = Math.max(Math.max(architecture.hiddenSize(), architecture.latentSize()), 2L * labelSpace.size());
        if (widest * tallest > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("featureSize " + featureSize + " with hidden size "
                    + architecture.hiddenSize() + " and latent size " + architecture.latentSize()
                    + " gives layers of more weights than an array holds");
        }
    }

    /** The paper's valence/arousal configuration: dx 512, dy 2, H = Z = 128. */
    public static ApModelSpec paperValenceArousal() {
        return new ApModelSpec(ApArchitecture.paper(), 512, LabelSpace.valenceArousal());
    }

    /** The label size dy. */
    public int labelSize() {
        return labelSpace.size();
    }

    /** The encoder's input size: 2·dx with pseudo-labels (concatenation [x, up(ŷ)]), else dx. */
    public int encoderInputSize() {
        return architecture.usePseudoLabels() ? 2 * featureSize : featureSize;
    }

    /** The decoder's input size: dx + Z, plus Z for a deterministic path. */
    public int decoderInputSize() {
        int z = architecture.latentSize();
        return featureSize + z + (architecture.variant().hasDeterministicPath() ? z : 0);
    }

    /** The weight name of a layer, e.g. {@code "encoder.0.weight"}. */
    public static String weight(String layer) {
        return layer + ".weight";
    }

    /** The bias name of a layer. */
    public static String bias(String layer) {
        return layer + ".bias";
    }

    /** The name of layer {@code i} of an MLP, e.g. {@code layer("decoder", 3)}. */
    public static String layer(String prefix, int i) {
        return prefix + "." + i;
    }

    /**
     * Where each parameter tensor starts in one flat vector of all parameters (the layout
     * engines train on): element i is the offset of {@code parameters().get(i)}, the last element
     * the parameter count.
     */
    public int[] parameterOffsets() {
        List<TensorSpec> tensors = parameters();
        int[] offsets = new int[tensors.size() + 1];
        for (int i = 0; i < tensors.size(); i++) {
            offsets[i + 1] = offsets[i] + tensors.get(i).size();
        }
        return offsets;
    }

    /** Every parameter tensor in a fixed order (the order of the model file). */
    public List<TensorSpec> parameters() {
        int dx = featureSize;
        int dy = labelSize();
        int h = architecture.hiddenSize();
        int z = architecture.latentSize();
        ApVariant v = architecture.variant();
        List<TensorSpec> out = new ArrayList<>();
        if (architecture.usePseudoLabels()) {
            linear(out, LABEL_UPSAMPLE, dy, dx);
        }
        encoder(out, ENCODER, encoderInputSize(), h, z);
        linear(out, LATENT_SHARED, z, z);
        linear(out, LATENT_MU, z, z);
        if (v.isStochastic()) {
            linear(out, LATENT_SIGMA, z, z);
        }
        if (v.hasDeterministicPath()) {
            encoder(out, DET_ENCODER, encoderInputSize(), h, z);
        }
        if (v == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
            linear(out, ATTENTION_QUERY, z, z);
            linear(out, ATTENTION_KEY, z, z);
            linear(out, ATTENTION_VALUE, z, z);
            linear(out, ATTENTION_OUTPUT, z, z);
        }
        linear(out, layer(DECODER, 0), decoderInputSize(), h);
        linear(out, layer(DECODER, 1), h, h);
        linear(out, layer(DECODER, 2), h, h);
        linear(out, layer(DECODER, 3), h, 2 * dy);
        return Collections.unmodifiableList(out);
    }

    /** The number of trainable parameters (330,884 for the paper's configuration). */
    public long parameterCount() {
        long n = 0;
        for (TensorSpec t : parameters()) {
            n += t.size();
        }
        return n;
    }

    /**
     * Multiply-adds for one window at test time, counted per layer from {@link #parameters()}:
     * every frame passes the label upsampling, the encoder(s), the latent encoder (its σ ranks
     * the frame for context selection) and the decoder; the aggregated context passes the latent
     * encoder once; attention adds its projections and its L × L products. Biases and
     * element-wise activations are not counted (as thop does for linear layers).
     *
     * @param windowLength L (70 in the paper)
     */
    public Complexity complexity(int windowLength) {
        if (windowLength < 1) {
            throw new IllegalArgumentException("window length must be >= 1, got " + windowLength);
        }
        long l = windowLength;
        long z = architecture.latentSize();
        ApVariant v = architecture.variant();
        long perFrame = 0;
        long perWindow = 0;
        for (TensorSpec t : parameters()) {
            if (!t.name().endsWith(".weight")) {
                continue;
            }
            long macs = t.size();
            String layerName = t.name().substring(0, t.name().length() - ".weight".length());
            if (layerName.startsWith("latent.")) {
                perWindow += macs; // the aggregated context representation
                if (v.isStochastic()) {
                    perFrame += macs; // each frame's own σ for context selection
                }
            } else {
                perFrame += macs;
            }
        }
        if (v == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
            perWindow += 2 * l * l * z; // scores Q·Kᵀ and their weighted sum of V
        }
        return new Complexity(parameterCount(), l * perFrame + perWindow, windowLength);
    }

    private static void encoder(List<TensorSpec> out, String prefix, int in, int h, int z) {
        linear(out, layer(prefix, 0), in, h);
        linear(out, layer(prefix, 1), h, h);
        linear(out, layer(prefix, 2), h, z);
    }

    private static void linear(List<TensorSpec> out, String layer, int in, int outSize) {
        out.add(new TensorSpec(weight(layer), new int[] {outSize, in}));
        out.add(new TensorSpec(bias(layer), new int[] {outSize}));
    }
}
