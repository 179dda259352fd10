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
 *       atomically and read lazily, bounded by the file's size, with CRC-32 checks and, when the
 *       archive carries the entry {@code checksums.sha256}, SHA-256 checks of every entry;
 *   <li>{@link org.affectiveprocesses.core.io.ModelFile}: the {@code .apmodel} model file (an
 *       {@code .npz} with a JSON manifest, loadable with {@code numpy.load});
 *   <li>{@link org.affectiveprocesses.io.ModelArchive} and
 *       {@link org.affectiveprocesses.io.Json}: the model file's container and strict JSON
 *       manifests, shared with model files of other schemas;
 *   <li>{@link org.affectiveprocesses.io.FormatVersions}: the versions a reader accepts and the
 *       first that must carry checksums;
 *   <li>{@link org.affectiveprocesses.io.FeatureFile}: one video's features, pseudo-labels,
 *       labels, validity flags and timestamps, writable with numpy alone;
 *   <li>{@link org.affectiveprocesses.io.PendingFile} and
 *       {@link org.affectiveprocesses.io.PendingDirectory}: outputs written whole or not at all,
 *       through locked temporary files {@code .<name>.ap-<16 hex digits>.tmp} that the next
 *       write into the same directory deletes when their writer was killed.
 * </ul>
 *
 * <p>Every reader fails with {@link org.affectiveprocesses.api.ModelFormatException} naming the
 * file, the entry and the problem; nothing in a file is ever evaluated or used to instantiate
 * classes, and nothing large is allocated before the sizes a file declares were checked against
 * the file and against each other. Writers never create missing parent directories.
 */
package org.affectiveprocesses.io;
