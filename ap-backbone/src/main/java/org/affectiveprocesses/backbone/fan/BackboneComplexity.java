package org.affectiveprocesses.backbone.fan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The size and cost of the paper's backbone, counted from its initialised layers: trainable
 * parameters (weights, biases and batch-norm scales and shifts; not the batch-norm running
 * statistics) and the multiply-adds of every convolution for one frame (thop's convention:
 * output elements × input channels × kernel area; bias additions, batch norm, ReLU, pooling and
 * upsampling are not counted, together well under 1 %).
 *
 * @param parameters trainable parameters of the whole network
 * @param multiplyAdds multiply-adds for one {@code inputSize × inputSize} frame
 * @param inputSize the frame size the cost was counted for
 * @param modules the same figures per module: alignment, task features, head
 */
public record BackboneComplexity(long parameters, long multiplyAdds, int inputSize, List<Module> modules) {
    /** Validates and copies. */
    public BackboneComplexity {
        if (parameters < 0 || multiplyAdds < 0 || inputSize < 1) {
            throw new IllegalArgumentException("bad complexity " + parameters + "/" + multiplyAdds + " at " + inputSize);
        }
        modules = List.copyOf(Objects.requireNonNull(modules, "modules"));
    }

    /**
     * One module's share.
     *
     * @param name the module's name
     * @param parameters its trainable parameters
     * @param multiplyAdds its multiply-adds per frame
     */
    public record Module(String name, long parameters, long multiplyAdds) {
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%,d parameters, %.3f G multiply-adds per %dx%d frame", parameters, multiplyAdds / 1e9, inputSize,
                inputSize));
        for (Module m : modules) {
            b.append(String.format(Locale.ROOT, "%n  %-14s %,12d parameters %12.3f M multiply-adds", m.name(),
                    m.parameters(), m.multiplyAdds() / 1e6));
        }
        return b.toString();
    }
}
