/**
 * Head pose from facial landmarks and a generic 3-D face
 * ({@link org.affectiveprocesses.video.pose.HeadPoseEstimator}), reported as OpenFace does
 * ({@link org.affectiveprocesses.video.pose.HeadPose}).
 */
package org.affectiveprocesses.video.pose;
