/**
 * Per-frame backbones: the configuration shared by every backbone of this module ({@link
 * org.affectiveprocesses.backbone.BackboneSpec}, {@link org.affectiveprocesses.backbone.Preprocessing})
 * and the conversion of face crops to input tensors. The paper's network is in {@code .fan},
 * adapters for ONNX, TorchScript and TensorFlow SavedModel models in {@code .adapters}, a
 * backbone over precomputed feature files in {@code .precomputed}, a generator of synthetic face
 * images in {@code .synthetic} and the benchmark in {@code .bench}.
 */
package org.affectiveprocesses.backbone;
