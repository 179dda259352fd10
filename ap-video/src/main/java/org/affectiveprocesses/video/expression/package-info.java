/**
 * The default pretrained backbone: face-api's facial expression network (MIT licence) rebuilt on
 * DJL from its TF.js weight files ({@link org.affectiveprocesses.video.expression.TfjsWeights},
 * {@link org.affectiveprocesses.video.expression.FaceExpressionNetwork}), with valence/arousal
 * pseudo-labels from the classes' circumplex positions
 * ({@link org.affectiveprocesses.video.expression.Emotion}).
 */
package org.affectiveprocesses.video.expression;
