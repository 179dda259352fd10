package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.types.Shape;

/**
 * A composite block that knows how it calls its children (for example a recurrence that calls a
 * child once per time step), so {@link MacCounter} can count its multiply-adds from the children.
 */
public interface CostedBlock {

    /**
     * The multiply-adds of one forward pass over an input of the given shape, summed over the
     * block's children with {@link MacCounter#count}.
     *
     * @param input the shape of the block's (first) input
     * @return the multiply-add count
     */
    long multiplyAdds(Shape input);
}
