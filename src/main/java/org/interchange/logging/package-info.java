/**
 * This is our run-time log control, OpenSIPS's {@code log_level} (and Kamailio's {@code corex.debug} and
 * {@code debugger}'s per-module levels): the levels of log4j's loggers (the router logs through SLF4J to reload4j,
 * as MSS and JAIN-SIP do), read and changed while the router runs; a change lasts until it stops
 * ({@code conf/log4j.properties} is not written).
 *
 * <p>Exports {@link org.interchange.logging.LogLevels} ({@code levels}, {@code set}), which the admin API
 * ({@code GET /api/log-levels}, {@code PUT /api/log-levels/{logger}}), the MBean {@code org.interchange:type=LogLevels}
 * and the MI command {@code log_level} ({@link org.interchange.logging.LogLevelCommands}) call. No settings, no
 * tables; depends on the core and the MI's spi.
 */
package org.interchange.logging;
