package org.affectiveprocesses.video.face;

import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * Finds faces in a frame. Detectors may hold native memory: close them. Not required to be
 * thread-safe.
 */
public interface FaceDetector extends AutoCloseable {

    /** A short name, e.g. {@code "blazeface"}. */
    String name();

    /**
     * Finds the faces in a frame.
     *
     * @param frame the whole frame
     * @return the faces in frame pixel coordinates, most confident first (empty when none)
     */
    List<FaceBox> detect(RgbImage frame);

    /** Releases native resources. */
    @Override
    void close();
}
