/**
 * Temporal smoothing of the backbone's per-frame estimates without labels: the 1€ filter
 * ({@link org.affectiveprocesses.video.smoothing.OneEuroFilter}) per face
 * ({@link org.affectiveprocesses.video.smoothing.AffectSmoother}).
 */
package org.affectiveprocesses.video.smoothing;
