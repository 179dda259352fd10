/**
 * The baselines' networks as DJL blocks on PyTorch, and the machinery around them: counting
 * parameters and multiply-adds by walking the blocks ({@link
 * org.affectiveprocesses.baselines.nn.MacCounter}), readable parameter names ({@link
 * org.affectiveprocesses.baselines.nn.ParameterNames}) and seeded initialisation ({@link
 * org.affectiveprocesses.baselines.nn.ParameterInit}). Adam, gradient recording and the
 * multiply-add counting interface are the SDK's shared DJL training parts in {@code ap-djl}.
 *
 * <p>Every network maps a window {@code [batch, time, inputSize]} to per-frame predictions
 * {@code [batch, time, labelSize]} and accepts any window length.
 */
package org.affectiveprocesses.baselines.nn;
