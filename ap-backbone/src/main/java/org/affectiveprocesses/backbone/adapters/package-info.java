/**
 * Adapters that turn ONNX, TorchScript and TensorFlow SavedModel models into backbones: {@link
 * org.affectiveprocesses.backbone.adapters.ExternalBackbones}.
 */
package org.affectiveprocesses.backbone.adapters;
