/**
 * Synthetic face images whose appearance depends on valence/arousal, Action Unit intensities or
 * landmarks, for training, tests and examples without downloads.
 */
package org.affectiveprocesses.backbone.synthetic;
