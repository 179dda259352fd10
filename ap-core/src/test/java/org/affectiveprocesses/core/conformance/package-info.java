/**
 * The engine-neutral conformance suite, shipped in the {@code ap-core} test jar: what every
 * compute engine must compute and do. An engine module depends on the test jar
 * ({@code <type>test-jar</type>}, test scope) and subclasses {@link
 * org.affectiveprocesses.core.conformance.KernelConformanceTest} (its kernels against {@link
 * org.affectiveprocesses.core.model.ApReference}) and {@link
 * org.affectiveprocesses.core.conformance.EngineConformanceTest} (the engine through the
 * engine-neutral core), each with one method returning its {@link
 * org.affectiveprocesses.core.engine.ApBackend}.
 */
package org.affectiveprocesses.core.conformance;
