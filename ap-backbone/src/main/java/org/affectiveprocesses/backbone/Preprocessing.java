package org.affectiveprocesses.backbone;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How a face crop becomes a model's input tensor: the crop is resized (bilinearly) to {@code
 * width × height}, each 8-bit pixel value p of channel c becomes {@code (p · scale − mean[c]) /
 * std[c]}, channels are ordered as {@link #channels()} says and the batch is laid out as {@link
 * #layout()} says. Immutable and validated; change it with the {@code with…} methods.
 *
 * <p>{@code mean} and {@code std} hold either one value for every channel or one value per
 * channel (3 for RGB/BGR, in the order of the model's channels; 1 for grey). Face crops with a
 * side shorter than {@link #minFaceSize()} pixels are refused, since upsampling a few pixels to
 * the model's size gives meaningless features.
 */
public final class Preprocessing {
    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    private final int width;
    private final int height;
    private final ChannelOrder channels;
    private final TensorLayout layout;
    private final float scale;
    private final float[] mean;
    private final float[] std;
    private final int minFaceSize;

    private Preprocessing(int width, int height, ChannelOrder channels, TensorLayout layout, float scale,
            float[] mean, float[] std, int minFaceSize) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + width + "x" + height);
        }
        this.channels = Objects.requireNonNull(channels, "channels");
        this.layout = Objects.requireNonNull(layout, "layout");
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("pixel scale must be positive and finite, got " + scale);
        }
        checkPerChannel(mean, "mean", channels, false);
        checkPerChannel(std, "std", channels, true);
        if (minFaceSize < 1) {
            throw new IllegalArgumentException("minimum face size must be at least 1 pixel, got " + minFaceSize);
        }
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.mean = mean.clone();
        this.std = std.clone();
        this.minFaceSize = minFaceSize;
    }

    /**
     * Square RGB input in [0, 1] (p / 255, no normalisation), NCHW, faces of at least 16 pixels.
     *
     * @param size the model's input width and height in pixels
     */
    public static Preprocessing of(int size) {
        return new Preprocessing(size, size, ChannelOrder.RGB, TensorLayout.NCHW, 1f / 255f, new float[] {0f},
                new float[] {1f}, 16);
    }

    /**
     * Square RGB input normalised with the ImageNet statistics (mean 0.485, 0.456, 0.406; std
     * 0.229, 0.224, 0.225 on p / 255), NCHW: what torchvision-trained models expect.
     *
     * @param size the model's input width and height in pixels
     */
    public static Preprocessing imagenet(int size) {
        return of(size).withNormalization(IMAGENET_MEAN, IMAGENET_STD);
    }

    /** The input width in pixels. */
    public int width() {
        return width;
    }

    /** The input height in pixels. */
    public int height() {
        return height;
    }

    /** The channels of the tensor. */
    public ChannelOrder channels() {
        return channels;
    }

    /** The tensor layout. */
    public TensorLayout layout() {
        return layout;
    }

    /** The factor applied to 0-255 pixel values before the mean is subtracted. */
    public float scale() {
        return scale;
    }

    /** The value subtracted from channel {@code c} (after scaling). */
    public float mean(int c) {
        return mean.length == 1 ? mean[0] : mean[c];
    }

    /** The divisor of channel {@code c} (after the mean is subtracted). */
    public float std(int c) {
        return std.length == 1 ? std[0] : std[c];
    }

    /** The shortest face side, in pixels, that is accepted. */
    public int minFaceSize() {
        return minFaceSize;
    }

    /** Values per image: width × height × channels. */
    public int valuesPerImage() {
        return width * height * channels.channels();
    }

    /**
     * The shape of a batch of {@code n} images in this layout.
     *
     * @param n the batch size
     */
    public long[] batchShape(int n) {
        int c = channels.channels();
        return layout == TensorLayout.NCHW ? new long[] {n, c, height, width} : new long[] {n, height, width, c};
    }

    /** A copy with another input size. */
    public Preprocessing withSize(int newWidth, int newHeight) {
        return new Preprocessing(newWidth, newHeight, channels, layout, scale, mean, std, minFaceSize);
    }

    /** A copy with other channels; the mean and std must fit them. */
    public Preprocessing withChannels(ChannelOrder newChannels) {
        return new Preprocessing(width, height, newChannels, layout, scale, mean, std, minFaceSize);
    }

    /** A copy with another layout. */
    public Preprocessing withLayout(TensorLayout newLayout) {
        return new Preprocessing(width, height, channels, newLayout, scale, mean, std, minFaceSize);
    }

    /** A copy with another pixel scale (e.g. 1 for models that take 0-255 values). */
    public Preprocessing withScale(float newScale) {
        return new Preprocessing(width, height, channels, layout, newScale, mean, std, minFaceSize);
    }

    /**
     * A copy with another normalisation.
     *
     * @param newMean one value, or one per channel
     * @param newStd one positive value, or one per channel
     */
    public Preprocessing withNormalization(float[] newMean, float[] newStd) {
        return new Preprocessing(width, height, channels, layout, scale, newMean, newStd, minFaceSize);
    }

    /** A copy that accepts faces down to {@code pixels} on their shorter side. */
    public Preprocessing withMinFaceSize(int pixels) {
        return new Preprocessing(width, height, channels, layout, scale, mean, std, pixels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && width == p.width && height == p.height && channels == p.channels
                && layout == p.layout && scale == p.scale && Arrays.equals(mean, p.mean)
                && Arrays.equals(std, p.std) && minFaceSize == p.minFaceSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, layout, scale, Arrays.hashCode(mean), Arrays.hashCode(std),
                minFaceSize);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%dx%d %s %s, (p*%.6g - %s) / %s, faces >= %d px", width, height,
                channels, layout, scale, Arrays.toString(mean), Arrays.toString(std), minFaceSize);
    }

    private static void checkPerChannel(float[] values, String what, ChannelOrder channels, boolean positive) {
        Objects.requireNonNull(values, what);
        if (values.length != 1 && values.length != channels.channels()) {
            throw new IllegalArgumentException(what + " needs 1 or " + channels.channels() + " values for "
                    + channels + " input, got " + values.length);
        }
        for (float v : values) {
            if (!Float.isFinite(v) || (positive && !(v > 0))) {
                throw new IllegalArgumentException(what + " values must be finite" + (positive ? " and positive" : "")
                        + ", got " + Arrays.toString(values));
            }
        }
    }
}
