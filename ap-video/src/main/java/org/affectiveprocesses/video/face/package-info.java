/**
 * Face detection behind {@link org.affectiveprocesses.video.face.FaceDetector}: BlazeFace on ONNX
 * Runtime (the default) and OpenCV's cascades.
 */
package org.affectiveprocesses.video.face;
