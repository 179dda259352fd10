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
 *
 * <p>Threads: models predict from any number of threads at once, and training runs on any
 * thread. DJL's PyTorch engine allows one gradient recording in a JVM at a time, so concurrent
 * trainings queue: each training step's forward and backward pass waits for the one in progress
 * (in arrival order, {@link org.affectiveprocesses.djl.Gradients}), and the trainings interleave
 * step by step, each giving bitwise what it gives alone. The same queue serves the baselines
 * and the FAN backbone's trainer.
 */
package org.affectiveprocesses.engine.djl;
