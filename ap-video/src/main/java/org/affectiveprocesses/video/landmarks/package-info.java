/**
 * The 68 facial landmarks of a face ({@link org.affectiveprocesses.video.landmarks.FaceLandmarks}),
 * found by face-api's landmark network rebuilt on ONNX Runtime
 * ({@link org.affectiveprocesses.video.landmarks.FaceLandmarker}).
 */
package org.affectiveprocesses.video.landmarks;
