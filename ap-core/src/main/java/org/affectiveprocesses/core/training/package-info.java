/**
 * The paper's training protocol, engine-neutral: {@link
 * org.affectiveprocesses.core.training.ClipSampler} draws clips, contexts and label sources;
 * {@link org.affectiveprocesses.core.training.LearningRateSchedule} anneals the learning rate;
 * {@link org.affectiveprocesses.core.training.EpochLoop} runs epochs, validates and keeps the
 * best weights, for any model; {@link org.affectiveprocesses.core.training.ProtocolTrainer}
 * trains the Affective Process with them.
 */
package org.affectiveprocesses.core.training;
