/**
 * Face detection behind {@link org.affectiveprocesses.video.face.FaceDetector}: BlazeFace on ONNX
 * Runtime (the default) and OpenCV's cascades, plus
 * {@link org.affectiveprocesses.video.face.FaceTracker}, which follows one face through a video.
 */
package org.affectiveprocesses.video.face;
