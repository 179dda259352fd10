/**
 * The DJL / PyTorch compute engine of the Affective Process (engine name {@code "djl"}).
 *
 * <ul>
 *   <li>{@link org.affectiveprocesses.engine.djl.DjlForward}: the AP's layers on NDArrays;
 *   <li>{@link org.affectiveprocesses.engine.djl.DjlLoss}: the training loss on a packed batch;
 *   <li>{@link org.affectiveprocesses.engine.djl.DjlTrainingKernel}: gradients and Adam;
 *   <li>{@link org.affectiveprocesses.engine.djl.DjlInferenceKernel}: the test-time forward pass,
 *       with the label upsampling folded into the encoder's first layer and the features'
 *       products of the encoder and decoder first layers done as one matrix product.
 * </ul>
 *
 * <p>Runs on CPU, or on a GPU when DJL's CUDA natives are on the classpath and the device is
 * {@code auto} or {@code gpu}. Set {@code -Dai.djl.offline=true} so DJL never tries the network.
 */
package org.affectiveprocesses.engine.djl;
