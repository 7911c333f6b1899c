/**
 * The core beneath every capability: configuration ({@link org.interchange.core.Settings}), the database
 * ({@link org.interchange.core.persistence}), the one scheduler ({@link org.interchange.core.Scheduler}), the work
 * queues for work that may block ({@link org.interchange.core.WorkQueues}), SIP value types
 * ({@link org.interchange.core.sip}), start-up ({@link org.interchange.core.Startup}) and the bean lookup that
 * SIP servlets use ({@link org.interchange.core.BeanLookup}), what the router is and since when
 * ({@link org.interchange.core.RouterInfo}), and {@code reload} ({@link org.interchange.core.SettingsReload}): the
 * configuration file read again, checked whole, and handed to the capabilities as a
 * {@link org.interchange.core.Reloading} event; each builds its new settings, and swaps them in only once every one
 * has. It imports no capability.
 */
package org.interchange.core;
