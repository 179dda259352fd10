package org.affectiveprocesses.baselines;

/** What the convolutions of a {@link ConvGruConfig ConvGRU} slide over. */
public enum ConvAxis {
    /**
     * Over the window's frames: every layer's input-to-gate transform is a 1-D convolution over
     * time (centred kernel, zero padding at the window's edges); the state is a vector.
     */
    TIME,
    /**
     * Over each frame's feature vector, read as C channels × P positions: input-to-gate and
     * state-to-gate transforms are 1-D convolutions over the P positions and the state has H
     * channels at every position (the ConvGRU of Ballas et al. on a 1-D map).
     */
    FEATURE
}
