package org.affectiveprocesses.backbone;

/** The colour channels a model expects, in tensor order. */
public enum ChannelOrder {
    /** Red, green, blue (PyTorch and most ONNX exports). */
    RGB(3),
    /** Blue, green, red (OpenCV and Caffe heritage). */
    BGR(3),
    /** One luma channel, 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601). */
    GREY(1);

    private final int channels;

    ChannelOrder(int channels) {
        this.channels = channels;
    }

    /** The number of channels of the tensor: 3, or 1 for {@link #GREY}. */
    public int channels() {
        return channels;
    }
}
