/**
 * What a compute engine implements: tensor math only. An engine module provides an {@link
 * org.affectiveprocesses.core.engine.ApBackend} (forward pass of window batches, and training
 * steps on packed clip batches) and registers a subclass of {@link
 * org.affectiveprocesses.core.engine.BackendEngineProvider}; windowing, context selection,
 * sampling noise, the training protocol, validation and model files stay in this module, so every
 * engine behaves the same.
 */
package org.affectiveprocesses.core.engine;
