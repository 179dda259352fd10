/**
 * The paper's in-house temporal baselines (Sec. 6) under the same harness as the Affective
 * Process: a convolutional GRU ({@link org.affectiveprocesses.baselines.ConvGruConfig}), a
 * bidirectional GRU ({@link org.affectiveprocesses.baselines.BiGruConfig}) and a Transformer-encoder
 * self-attention model ({@link org.affectiveprocesses.baselines.SelfAttentionConfig}), on DJL /
 * PyTorch.
 *
 * <p>A trained baseline is a {@link org.affectiveprocesses.baselines.BaselineModel}, an {@link
 * org.affectiveprocesses.api.AffectModel} like the AP, so {@code Evaluation.of(model, data)},
 * windowed prediction and model files work the same:
 *
 * <pre>{@code
 * BaselineTrainingConfig config = BaselineTrainingConfig.convGru().withBudgetOf(apConfig);
 * try (BaselineModel gru = BaselineModel.trainer(config).fit(train, validation)) {
 *     System.out.println(Evaluation.of(gru, test).toMarkdown());
 *     gru.save(Path.of("va-convgru.apmodel"));
 * }
 * }</pre>
 *
 * <p>{@link org.affectiveprocesses.baselines.ComplexityTable} counts every model's parameters
 * and multiply-adds from its layers and sets them next to the paper's figures.
 */
package org.affectiveprocesses.baselines;
