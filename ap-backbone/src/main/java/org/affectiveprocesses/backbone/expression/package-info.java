/**
 * The default pretrained backbone: face-api's facial expression network (MIT licence) rebuilt from
 * its TF.js weight files as an ONNX graph run on ONNX Runtime
 * ({@link org.affectiveprocesses.backbone.expression.TfjsWeights},
 * {@link org.affectiveprocesses.backbone.expression.FaceApiGraph},
 * {@link org.affectiveprocesses.backbone.expression.FaceApiNetwork}, whose trunk face-api's
 * 68-point landmark network shares), with valence/arousal pseudo-labels from the classes'
 * circumplex positions ({@link org.affectiveprocesses.backbone.expression.Emotion}).
 */
package org.affectiveprocesses.backbone.expression;
