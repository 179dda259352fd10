package org.affectiveprocesses.baselines;

import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.io.TensorSpec;

/**
 * Everything that fixes a baseline network's shape: the architecture, the feature size dx, the
 * label space (dy) and whether each frame's input also holds the backbone's pseudo-labels (the
 * paper's baselines read features only; it reports that adding labels degraded them).
 *
 * @param architecture the architecture and window length
 * @param featureSize dx
 * @param labelSpace what the model predicts
 * @param usePseudoLabels whether the input is [x, ŷ] rather than x
 */
public record BaselineSpec(BaselineArchitecture architecture, int featureSize, LabelSpace labelSpace,
        boolean usePseudoLabels) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the feature size is not positive, or a ConvGRU over the
     *     feature axis cannot read the input as its number of channels
     */
    public BaselineSpec {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(labelSpace, "labelSpace");
        if (featureSize < 1) {
            throw new IllegalArgumentException("featureSize must be >= 1, got " + featureSize);
        }
        int input = featureSize + (usePseudoLabels ? labelSpace.size() : 0);
        if (architecture instanceof ConvGruConfig c && c.axis() == ConvAxis.FEATURE && input % c.featureChannels() != 0) {
            throw new IllegalArgumentException("a ConvGRU over the feature axis reads each frame's " + input
                    + " input values as " + c.featureChannels() + " channels, which does not divide them");
        }
    }

    /** The per-frame input size: dx, plus dy with pseudo-labels. */
    public int inputSize() {
        return featureSize + (usePseudoLabels ? labelSpace.size() : 0);
    }

    /** dy. */
    public int labelSize() {
        return labelSpace.size();
    }

    /**
     * The network's parameter tensors, by readable name, in the order of the model file. Builds
     * the network briefly (native memory is released before returning).
     */
    public List<TensorSpec> tensors() {
        return NetworkFactory.tensors(this);
    }

    /** The number of trainable parameters. */
    public long parameterCount() {
        return complexity(architecture.windowLength()).parameters();
    }

    /**
     * Parameters and multiply-adds for one window, counted by walking the network's layers
     * ({@link org.affectiveprocesses.baselines.nn.MacCounter}).
     *
     * @param windowLength the window length
     */
    public Complexity complexity(int windowLength) {
        return NetworkFactory.complexity(this, windowLength);
    }
}
