package org.affectiveprocesses.backbone.precomputed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.io.FeatureFile;

/**
 * A backbone whose features and pseudo-labels were computed elsewhere and stored in a feature
 * file ({@link FeatureFile}, format version 1). It serves the file's frames in order: each call
 * of {@link #encode(RgbImage)} returns the next frame that has a face (frames the file marks as
 * without a face are skipped, as a pipeline does not encode them); the image itself is not
 * looked at. {@link #frame(int)} reads any frame directly and {@link #seek(int)} moves the
 * cursor. Holds no native memory. Calls are serialised.
 */
public final class PrecomputedBackbone implements Backbone {
    /** The name of this backbone. */
    public static final String NAME = "precomputed";

    private final Path file;
    private final AffectSequence sequence;
    private int next;

    private PrecomputedBackbone(Path file, AffectSequence sequence) {
        this.file = file;
        this.sequence = sequence;
    }

    /**
     * Reads a feature file.
     *
     * @param featureFile the file
     * @throws org.affectiveprocesses.api.ModelFormatException if it is not a valid feature file
     * @throws IOException if reading fails (a missing file gives {@link java.nio.file.NoSuchFileException})
     */
    public static PrecomputedBackbone open(Path featureFile) throws IOException {
        Objects.requireNonNull(featureFile, "featureFile");
        return new PrecomputedBackbone(featureFile, FeatureFile.read(featureFile));
    }

    /** The sequence read from the file. */
    public AffectSequence sequence() {
        return sequence;
    }

    /** The number of frames in the file (with or without a face). */
    public int frameCount() {
        return sequence.length();
    }

    /** The frame the next {@link #encode(RgbImage)} starts looking from. */
    public synchronized int position() {
        return next;
    }

    /**
     * Moves the cursor.
     *
     * @param frame the frame the next {@link #encode(RgbImage)} starts looking from, in [0, T]
     */
    public synchronized void seek(int frame) {
        if (frame < 0 || frame > sequence.length()) {
            throw new IndexOutOfBoundsException("frame " + frame + " outside 0.." + sequence.length() + " of " + file);
        }
        next = frame;
    }

    /**
     * The stored encoding of one frame.
     *
     * @param t the frame
     * @throws IllegalArgumentException if the file has no face at that frame
     */
    public FrameEncoding frame(int t) {
        if (t < 0 || t >= sequence.length()) {
            throw new IndexOutOfBoundsException("frame " + t + " outside 0.." + (sequence.length() - 1) + " of " + file);
        }
        if (!sequence.isValid(t)) {
            throw new IllegalArgumentException("feature file " + file + " has no face at frame " + t);
        }
        return FrameEncoding.of(sequence.features(t), sequence.pseudoLabels(t));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int featureSize() {
        return sequence.featureSize();
    }

    @Override
    public LabelSpace labelSpace() {
        return sequence.labelSpace();
    }

    /**
     * The next stored frame with a face.
     *
     * @param face not used beyond a null check
     * @throws IllegalStateException if no frame with a face is left
     */
    @Override
    public synchronized FrameEncoding encode(RgbImage face) {
        Objects.requireNonNull(face, "face");
        while (next < sequence.length() && !sequence.isValid(next)) {
            next++;
        }
        if (next >= sequence.length()) {
            throw new IllegalStateException("feature file " + file + " has no frame with a face left ("
                    + sequence.length() + " frames)");
        }
        return frame(next++);
    }

    @Override
    public void close() {
        // nothing native to release
    }

    @Override
    public String toString() {
        return "PrecomputedBackbone[" + file + ", " + sequence.length() + " frames]";
    }
}
