/**
 * The service-provider interface for compute engines. An engine module implements {@link
 * org.affectiveprocesses.api.spi.EngineProvider} and registers it with {@link
 * java.util.ServiceLoader}.
 */
package org.affectiveprocesses.api.spi;
