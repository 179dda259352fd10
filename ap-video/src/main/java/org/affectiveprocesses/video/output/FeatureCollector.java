package org.affectiveprocesses.video.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.video.FrameAffect;

/**
 * Collects a video's frames into a feature file ({@link FeatureFile}: x<sub>t</sub>,
 * ŷ<sub>t</sub>, timestamps, validity, face boxes). Holds the features of the whole video in memory
 * (dx floats per frame). Not thread-safe.
 */
public final class FeatureCollector {
    private final AffectSequence.Builder sequence;
    private final String backbone;
    private float[] boxes = new float[0];
    private int frames;
    private int faces;

    /**
     * @param id the sequence's name (the video's file name)
     * @param space the backbone's label space
     * @param featureSize the backbone's feature size
     * @param backbone a description of the backbone, stored in the file
     */
    public FeatureCollector(String id, LabelSpace space, int featureSize, String backbone) {
        this.sequence = AffectSequence.builder(id, space, featureSize);
        this.backbone = backbone;
    }

    /** Adds the next frame. */
    public void add(FrameAffect f) {
        if (frames * FeatureFile.FACE_BOX_SIZE + FeatureFile.FACE_BOX_SIZE > boxes.length) {
            boxes = Arrays.copyOf(boxes, Math.max(64, boxes.length * 2));
        }
        int o = frames * FeatureFile.FACE_BOX_SIZE;
        if (f.faceFound()) {
            float[] yHat = new float[f.labelSpace().size()];
            for (int d = 0; d < yHat.length; d++) {
                yHat[d] = f.pseudoLabel(d);
            }
            sequence.addFrame(f.seconds(), f.features(), yHat, null);
            FaceBox b = f.face().orElseThrow();
            boxes[o] = (float) b.x();
            boxes[o + 1] = (float) b.y();
            boxes[o + 2] = (float) b.width();
            boxes[o + 3] = (float) b.height();
            boxes[o + 4] = (float) b.confidence();
            faces++;
        } else {
            sequence.addInvalidFrame(f.seconds());
            Arrays.fill(boxes, o, o + FeatureFile.FACE_BOX_SIZE, Float.NaN);
        }
        frames++;
    }

    /** Frames added. */
    public int frames() {
        return frames;
    }

    /** Frames with a face. */
    public int faces() {
        return faces;
    }

    /**
     * Writes the feature file atomically.
     *
     * @param file the {@code .npz} file to create or replace
     * @throws IllegalStateException if no frame was added
     * @throws IOException if writing fails (no partial file remains)
     */
    public void write(Path file) throws IOException {
        if (frames == 0) {
            throw new IllegalStateException("no frames to write to " + file);
        }
        FeatureFile.write(file, sequence.build(),
                new FeatureFile.Extras(backbone, Arrays.copyOf(boxes, frames * FeatureFile.FACE_BOX_SIZE)));
    }
}
