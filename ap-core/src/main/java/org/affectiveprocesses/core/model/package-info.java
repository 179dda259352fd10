/**
 * The Affective Process's layers, weights and reference math: {@link
 * org.affectiveprocesses.core.model.ApModelSpec} lists every tensor (names follow PyTorch's
 * {@code nn.Linear} convention, weight {@code [out, in]}), counts parameters and multiply-adds;
 * {@link org.affectiveprocesses.core.model.ApReference} is the forward pass and loss written out
 * in plain Java.
 */
package org.affectiveprocesses.core.model;
