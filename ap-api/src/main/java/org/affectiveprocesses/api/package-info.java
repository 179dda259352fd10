/**
 * The public contract of the Affective Processes SDK: what is predicted ({@link
 * org.affectiveprocesses.api.LabelSpace}), the per-frame data a temporal model reads ({@link
 * org.affectiveprocesses.api.AffectSequence}, {@link org.affectiveprocesses.api.SequenceDataset}),
 * the Affective Process itself ({@link org.affectiveprocesses.api.AffectiveProcess}) and its live
 * streams ({@link org.affectiveprocesses.api.AffectStream}), its context
 * selection ({@link org.affectiveprocesses.api.ContextSelector}) and its training ({@link
 * org.affectiveprocesses.api.TrainingConfig}).
 *
 * <p>This module has no native dependency. Compute engines (DJL/PyTorch, TensorFlow Java) are
 * found at run time through {@link org.affectiveprocesses.api.spi.EngineProvider}; see {@link
 * org.affectiveprocesses.api.Engine}.
 */
package org.affectiveprocesses.api;
