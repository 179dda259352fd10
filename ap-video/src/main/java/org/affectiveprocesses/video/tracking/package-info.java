/**
 * Following faces through a video: shot cuts
 * ({@link org.affectiveprocesses.video.tracking.ShotCutDetector}), tracks with stable ids for every
 * detected face ({@link org.affectiveprocesses.video.tracking.FaceTracker}) and the appearance
 * check that keeps an id from passing to another person
 * ({@link org.affectiveprocesses.video.tracking.IdentityGuard}).
 */
package org.affectiveprocesses.video.tracking;
