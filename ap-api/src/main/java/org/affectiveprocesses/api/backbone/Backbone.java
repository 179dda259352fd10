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

    /**
     * Encodes the faces inside regions of frames (several faces of several frames, say), as
     * {@link #encodeAll} would encode the regions cut out; backbones that can read a region in
     * place spare the copy (the default cuts each out).
     *
     * @param frames the frame of each face
     * @param regions each face's region of its frame ({@link RgbImage#region})
     * @return one encoding per face, in order
     * @throws IllegalArgumentException if the lists differ in length or a region is not inside its frame
     */
    default List<FrameEncoding> encodeRegions(List<RgbImage> frames, List<RgbImage.Region> regions) {
        requireRegions(frames, regions);
        List<RgbImage> faces = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            RgbImage.Region r = regions.get(i);
            faces.add(frames.get(i).crop(new FaceBox(r.x(), r.y(), r.width(), r.height(), 1)));
        }
        return encodeAll(faces);
    }

    /**
     * Checks the arguments of {@link #encodeRegions}: one region per frame, each inside its frame.
     *
     * @throws IllegalArgumentException naming the mismatch or the region outside its frame
     */
    static void requireRegions(List<RgbImage> frames, List<RgbImage.Region> regions) {
        if (frames.size() != regions.size()) {
            throw new IllegalArgumentException(frames.size() + " frames but " + regions.size() + " regions");
        }
        for (int i = 0; i < frames.size(); i++) {
            frames.get(i).requireInside(regions.get(i));
        }
    }

    /** Releases native resources. */
    @Override
    void close();
}
