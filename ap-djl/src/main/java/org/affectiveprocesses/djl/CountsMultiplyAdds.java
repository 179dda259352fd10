package org.affectiveprocesses.djl;

import ai.djl.ndarray.types.Shape;

/**
 * A block that counts the multiply-adds of its own forward pass, from its layers' shapes (bias
 * additions are not counted, as in thop). Composite blocks sum their children's counts, calling
 * each child as often as the forward pass does (a recurrence once per time step).
 */
public interface CountsMultiplyAdds {

    /**
     * The multiply-adds of one forward pass.
     *
     * @param input the shape of the block's (first) input, including the batch axis
     * @return the multiply-add count
     */
    long multiplyAdds(Shape input);
}
