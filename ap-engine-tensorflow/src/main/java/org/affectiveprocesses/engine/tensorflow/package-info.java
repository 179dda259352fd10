/**
 * The TensorFlow Java compute engine of the Affective Process (engine name {@code
 * "tensorflow"}), in graph mode with one session per loaded model or training run.
 *
 * <ul>
 *   <li>{@link org.affectiveprocesses.engine.tensorflow.TfBackend}: the engine's kernels;
 *       registered through {@link org.affectiveprocesses.engine.tensorflow.TfEngineProvider};
 *   <li>{@code TfLayers}: the AP's layers as graph operations (MatMul + BiasAdd, wired by hand);
 *   <li>{@code TfLoss}: the training loss of a packed batch;
 *   <li>{@code TrainingGraph}, {@code TfTrainingKernel}: one flat parameter variable, gradients
 *       from {@code Graph.addGradients}, and the {@code ApplyAdam} op with the learning rate fed
 *       per step;
 *   <li>{@code FoldedFirstLayers}, {@code ForwardGraph}, {@code TfInferenceKernel}: the test-time
 *       forward pass, in two session calls around the context selection;
 *   <li>{@code TfDevices}: sessions on the requested device; {@code TfTensors}: feeding and
 *       reading tensors;
 *   <li>{@link org.affectiveprocesses.engine.tensorflow.TfSgemm}: the machine's sgemm rate through
 *       TensorFlow, for the benchmark.
 * </ul>
 *
 * <p>Runs on CPU with the {@code linux-x86_64} natives; with the {@code linux-x86_64-gpu} natives
 * and a GPU it runs on the GPU when the device is {@code auto} or {@code gpu}. It needs no DJL.
 */
package org.affectiveprocesses.engine.tensorflow;
