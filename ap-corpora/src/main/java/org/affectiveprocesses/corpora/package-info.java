/**
 * Real corpora for the Affective Process: readers for the annotation layouts of Aff-Wild2, SEWA,
 * DISFA and BP4D / FERA 2015 ({@link org.affectiveprocesses.corpora.AnnotationLayout}), their
 * join with per-video feature files ({@link org.affectiveprocesses.corpora.AnnotationJoin},
 * {@link org.affectiveprocesses.corpora.CorpusImport}), the paper's protocols ({@link
 * org.affectiveprocesses.corpora.Protocols}), a lazily read feature store that is an {@link
 * org.affectiveprocesses.api.AffectCorpus} ({@link org.affectiveprocesses.corpora.FeatureStore})
 * and pooled, per-fold evaluation ({@link org.affectiveprocesses.corpora.CrossValidation}).
 */
package org.affectiveprocesses.corpora;
