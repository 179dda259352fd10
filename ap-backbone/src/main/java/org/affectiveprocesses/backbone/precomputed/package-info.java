/**
 * A backbone over precomputed features and pseudo-labels in feature files, for users who
 * extract features elsewhere: {@link org.affectiveprocesses.backbone.precomputed.PrecomputedBackbone}.
 */
package org.affectiveprocesses.backbone.precomputed;
