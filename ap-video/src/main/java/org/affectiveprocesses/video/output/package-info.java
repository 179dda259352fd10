/**
 * Writing a video's analysis: the per-frame CSV, the feature file, a terminal progress line, and
 * {@link org.affectiveprocesses.video.output.VideoExport}, which ties them together without leaving
 * partial files.
 */
package org.affectiveprocesses.video.output;
