package org.affectiveprocesses.backbone;

import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * Turns face crops into the values of a model's input tensor, as a {@link Preprocessing} says:
 * resize, channel order, scale, normalisation and layout. Pure Java, no native memory.
 */
public final class ImageTensors {
    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;

    private ImageTensors() {
    }

    /**
     * The input values of a batch of faces, row-major in the shape {@link
     * Preprocessing#batchShape(int)}.
     *
     * @param faces the face crops (any size of at least {@link Preprocessing#minFaceSize()})
     * @param p the preprocessing
     * @param backbone the backbone's name, for error messages
     * @throws IllegalArgumentException naming the backbone and the face if a face is too small
     */
    public static float[] batch(List<RgbImage> faces, Preprocessing p, String backbone) {
        Objects.requireNonNull(faces, "faces");
        float[] out = new float[faces.size() * p.valuesPerImage()];
        for (int i = 0; i < faces.size(); i++) {
            RgbImage face = Objects.requireNonNull(faces.get(i), "face " + i);
            check(face, p, backbone, i);
            fill(face, p, out, i * p.valuesPerImage());
        }
        return out;
    }

    /**
     * Writes one face's input values at {@code offset}.
     *
     * @param face the face crop; resized when its size differs from the input size
     * @param p the preprocessing
     * @param out the batch's values
     * @param offset where this image's {@link Preprocessing#valuesPerImage()} values start
     */
    public static void fill(RgbImage face, Preprocessing p, float[] out, int offset) {
        RgbImage img = face.width() == p.width() && face.height() == p.height() ? face
                : face.resize(p.width(), p.height());
        byte[] rgb = img.toBytes();
        int plane = p.width() * p.height();
        int channels = p.channels().channels();
        float[] mul = new float[channels];
        float[] add = new float[channels];
        for (int c = 0; c < channels; c++) {
            mul[c] = p.scale() / p.std(c);
            add[c] = -p.mean(c) / p.std(c);
        }
        boolean nchw = p.layout() == TensorLayout.NCHW;
        for (int px = 0; px < plane; px++) {
            float r = rgb[3 * px] & 0xFF;
            float g = rgb[3 * px + 1] & 0xFF;
            float b = rgb[3 * px + 2] & 0xFF;
            for (int c = 0; c < channels; c++) {
                float v = switch (p.channels()) {
                    case RGB -> c == 0 ? r : c == 1 ? g : b;
                    case BGR -> c == 0 ? b : c == 1 ? g : r;
                    case GREY -> LUMA_R * r + LUMA_G * g + LUMA_B * b;
                };
                int at = nchw ? offset + c * plane + px : offset + px * channels + c;
                out[at] = v * mul[c] + add[c];
            }
        }
    }

    private static void check(RgbImage face, Preprocessing p, String backbone, int index) {
        if (Math.min(face.width(), face.height()) < p.minFaceSize()) {
            throw new IllegalArgumentException("backbone '" + backbone + "': face " + index + " is " + face.width()
                    + "x" + face.height() + " pixels, smaller than the " + p.minFaceSize()
                    + "-pixel minimum (input " + p.width() + "x" + p.height() + ")");
        }
    }
}
