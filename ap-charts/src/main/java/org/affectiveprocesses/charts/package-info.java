/**
 * The paper's figures as PNG files and evaluation runs as HTML pages: {@link
 * org.affectiveprocesses.charts.WindowChart} (Fig. 4: ground truth, backbone, AP mean and σ,
 * function samples and context frames of any window), {@link
 * org.affectiveprocesses.charts.ContextStudyChart} (Fig. 3: score vs number of context points per
 * selector, with the backbone as a dashed line) and {@link
 * org.affectiveprocesses.charts.HtmlReport}. Rendering is headless (JFreeChart on Java2D).
 */
package org.affectiveprocesses.charts;
