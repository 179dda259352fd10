/**
 * The built-in synthetic affect corpus: a seeded generator of per-frame features modelled on real
 * deep face features, smooth valence/arousal labels (the apparent affect as annotators trace it,
 * which the face displays only in part) or sparse Action Unit labels, per-frame degradation and
 * the pseudo-labels of a frozen per-frame backbone head, for tests, examples and benchmarks
 * without licensed data.
 *
 * <ul>
 *   <li>{@link org.affectiveprocesses.synthetic.SyntheticConfig}: the settings and presets, with
 *       {@link org.affectiveprocesses.synthetic.FeatureModel} (how features are composed),
 *       {@link org.affectiveprocesses.synthetic.DegradationModel} (how often and where faces are
 *       degraded) and {@link org.affectiveprocesses.synthetic.AffectDisplayModel} (how the
 *       valence/arousal labels relate to what the face displays); the configuration names the
 *       corpus;
 *   <li>{@link org.affectiveprocesses.synthetic.SyntheticAffectCorpus}: the corpus, its
 *       generative model (documented there and in {@code docs/synthetic-corpus.md}) and its
 *       subject-disjoint splits;
 *   <li>{@link org.affectiveprocesses.synthetic.Degradation} and {@link
 *       org.affectiveprocesses.synthetic.DegradationType}: what degrades each region of each
 *       frame, and {@link org.affectiveprocesses.synthetic.AffectDisplay}: what each frame's face
 *       displays next to its labels, for diagnostics;
 *   <li>{@link org.affectiveprocesses.synthetic.RidgeHead}: the per-frame ridge-regression
 *       backbone head that produces the pseudo-labels, reusable on any dataset.
 * </ul>
 *
 * <p>Everything generated is a pure function of the configuration and its seed.
 */
package org.affectiveprocesses.synthetic;
