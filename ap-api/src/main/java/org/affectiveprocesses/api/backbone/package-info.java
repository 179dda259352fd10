/**
 * Per-frame backbones: a face image in, features x<sub>t</sub> and pseudo-labels ŷ<sub>t</sub>
 * out. A plugin jar adds a backbone by implementing {@link
 * org.affectiveprocesses.api.backbone.BackboneProvider} and listing it in {@code
 * META-INF/services/org.affectiveprocesses.api.backbone.BackboneProvider}; {@link
 * org.affectiveprocesses.api.backbone.Backbones#byName(String)} then finds it.
 */
package org.affectiveprocesses.api.backbone;
