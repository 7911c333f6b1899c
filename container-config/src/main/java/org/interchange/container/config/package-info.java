/**
 * The router's configuration file, {@code interchange.properties}: one documented place for listeners, domains,
 * database, registrar limits, authentication and the rest.
 *
 * <p>Values come from, in rising priority: the file, environment variables (MicroProfile Config names:
 * {@code registrar.max-expires} is overridden by {@code REGISTRAR_MAX_EXPIRES}), and Java system properties.
 * {@code ${name}} expressions refer to other keys or system properties ({@code ${catalina.base}}).
 *
 * <p>Every typed read validates its value; a bad one becomes an {@link
 * org.interchange.container.config.InvalidConfigurationException} that names the file, the line, the key and what
 * is wrong, which stops the start. The same class serves the embedded launcher (which opens the listeners) and the
 * router (which reads everything else), so the file is parsed one way only.
 */
package org.interchange.container.config;
