package org.affectiveprocesses.api.backbone;

import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.LabelSpace;

/**
 * A frozen per-frame model: a face image in, features x<sub>t</sub> and pseudo-labels
 * ŷ<sub>t</sub> out (the paper's Φ and W). Backbones may hold native memory: close them.
 */
public interface Backbone extends AutoCloseable {

    /** The backbone's name, as {@link Backbones#byName(String)} knows it. */
    String name();

    /** The feature size dx. */
    int featureSize();

    /** What the pseudo-labels mean. */
    LabelSpace labelSpace();

    /**
     * Encodes one face crop.
     *
     * @throws IllegalArgumentException if the image cannot be used (e.g. too small), naming why
     */
    FrameEncoding encode(RgbImage face);

    /** Encodes the face inside a box of a full frame. */
    default FrameEncoding encode(RgbImage frame, FaceBox face) {
        return encode(frame.crop(face));
    }

    /** Encodes several faces; backbones on an engine batch them. */
    default List<FrameEncoding> encodeAll(List<RgbImage> faces) {
        List<FrameEncoding> out = new ArrayList<>(faces.size());
        for (RgbImage f : faces) {
            out.add(encode(f));
        }
        return out;
    }

    /** Releases native resources. */
    @Override
    void close();
}
