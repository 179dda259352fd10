/**
 * Evaluation under the paper's protocols ({@link org.affectiveprocesses.evaluation.Evaluation})
 * and the paper's studies: context selection versus context size (Fig. 3, {@link
 * org.affectiveprocesses.evaluation.ContextStudy}).
 */
package org.affectiveprocesses.evaluation;
