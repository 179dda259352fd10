/**
 * The DJL / PyTorch training parts that the Affective Process's DJL engine, the baselines and
 * the FAN backbone's trainer share: the device of an engine choice ({@link
 * org.affectiveprocesses.djl.DjlDevices}), Adam ({@link org.affectiveprocesses.djl.Adam}),
 * gradient recording that any thread may use and that queues concurrent trainings ({@link
 * org.affectiveprocesses.djl.Gradients}), and multiply-add counting of blocks ({@link
 * org.affectiveprocesses.djl.CountsMultiplyAdds}).
 *
 * <p>This module registers no engine: depending on it does not make {@code Engine.auto()} pick
 * DJL.
 */
package org.affectiveprocesses.djl;
