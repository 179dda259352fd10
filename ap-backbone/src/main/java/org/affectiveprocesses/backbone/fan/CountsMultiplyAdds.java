package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.types.Shape;

/** A block that counts its multiply-adds for one image from its initialised layers. */
interface CountsMultiplyAdds {
    /**
     * The block's multiply-adds for one image of this NCHW shape (batch dimension ignored).
     *
     * @param input the block's input shape
     */
    long multiplyAdds(Shape input);
}
