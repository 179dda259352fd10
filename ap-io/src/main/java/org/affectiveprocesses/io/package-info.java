/**
 * Files: numpy's {@code .npy} arrays and {@code .npz} archives, the versioned Affective Process
 * model file and the per-video feature file.
 *
 * <ul>
 *   <li>{@link org.affectiveprocesses.io.Npy}, {@link org.affectiveprocesses.io.NpyArray}
 *       and {@link org.affectiveprocesses.io.NpyType}: single arrays in {@code .npy}
 *       format 1.0, byte-identical to {@code numpy.save}, read by a strict parser with a dtype
 *       allow-list;
 *   <li>{@link org.affectiveprocesses.io.NpzArchive},
 *       {@link org.affectiveprocesses.io.NpzWriter} and
 *       {@link org.affectiveprocesses.io.NpzReader}: {@code .npz} archives, written
 *       atomically and read lazily with CRC checks;
 *   <li>{@link org.affectiveprocesses.core.io.ModelFile}: the {@code .apmodel} model file (an
 *       {@code .npz} with a JSON manifest, loadable with {@code numpy.load});
 *   <li>{@link org.affectiveprocesses.io.ModelArchive} and
 *       {@link org.affectiveprocesses.io.Json}: the model file's container and strict JSON
 *       manifests, shared with model files of other schemas;
 *   <li>{@link org.affectiveprocesses.io.FeatureFile}: one video's features, pseudo-labels,
 *       labels, validity flags and timestamps, writable with numpy alone.
 * </ul>
 *
 * <p>Every reader fails with {@link org.affectiveprocesses.api.ModelFormatException} naming the
 * file, the entry and the problem; nothing in a file is ever evaluated or used to instantiate
 * classes.
 */
package org.affectiveprocesses.io;
