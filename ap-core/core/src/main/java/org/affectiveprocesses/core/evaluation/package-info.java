/**
 * Evaluation under the paper's protocols ({@link org.affectiveprocesses.core.evaluation.Evaluation})
 * and the paper's studies: context selection versus context size (Fig. 3, {@link
 * org.affectiveprocesses.core.evaluation.ContextStudy}).
 */
package org.affectiveprocesses.core.evaluation;
