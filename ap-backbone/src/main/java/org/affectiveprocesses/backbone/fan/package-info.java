/**
 * The paper's backbone (Appendix A) on DJL / PyTorch: the blocks ({@link
 * org.affectiveprocesses.backbone.fan.ConvBlock}, {@link org.affectiveprocesses.backbone.fan.Hourglass},
 * {@link org.affectiveprocesses.backbone.fan.FaceAlignmentModule}, {@link
 * org.affectiveprocesses.backbone.fan.TaskFeatureModule}, {@link
 * org.affectiveprocesses.backbone.fan.TaskHead}, assembled in {@link
 * org.affectiveprocesses.backbone.fan.FanBlock}), the network with its weights file and cost
 * ({@link org.affectiveprocesses.backbone.fan.FanNetwork}), the losses, the training loop ({@link
 * org.affectiveprocesses.backbone.fan.FanTrainer}) and the trained network as a backbone ({@link
 * org.affectiveprocesses.backbone.fan.FanBackbone}).
 */
package org.affectiveprocesses.backbone.fan;
