/**
 * The engine-neutral Affective Process: everything that does not depend on a compute engine.
 *
 * <ul>
 *   <li>{@link org.affectiveprocesses.core.model}: the model's layers (names, shapes, parameter
 *       and multiply-add counts), its weights and the pure-Java reference forward pass and loss
 *       that every engine is tested against ({@link org.affectiveprocesses.core.model.ApReference});
 *   <li>{@link org.affectiveprocesses.core.io}: the versioned model file and the numpy-readable
 *       tensor format;
 *   <li>{@link org.affectiveprocesses.core.inference}: sliding windows, context selection and
 *       the merging of overlapping windows;
 *   <li>{@link org.affectiveprocesses.core.training}: the paper's training protocol (clip and
 *       context sampling, learning-rate schedule, validation and best-model selection);
 *   <li>{@link org.affectiveprocesses.core.engine}: the small SPI an engine implements (tensor
 *       math only);
 *   <li>{@link org.affectiveprocesses.evaluation}: evaluation and the paper's studies;
 *   <li>{@link org.affectiveprocesses.synthetic}: the built-in synthetic affect corpus.
 * </ul>
 */
package org.affectiveprocesses.core;
