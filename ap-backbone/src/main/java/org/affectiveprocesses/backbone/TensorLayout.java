package org.affectiveprocesses.backbone;

/** How a batch of images is laid out in the input tensor. */
public enum TensorLayout {
    /** Batch, channels, height, width (PyTorch, ONNX exports of PyTorch models). */
    NCHW,
    /** Batch, height, width, channels (TensorFlow / Keras). */
    NHWC
}
