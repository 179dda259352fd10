/**
 * The backbone benchmark: {@link org.affectiveprocesses.backbone.bench.BackboneBench}.
 */
package org.affectiveprocesses.backbone.bench;
