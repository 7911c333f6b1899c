/**
 * This is our management interface, OpenSIPS's MI over HTTP ({@code mi_http}): JSON-RPC 2.0 at
 * {@code POST /interchange/mi} on the admin listener, behind the admin API's credentials and login lockout (OpenSIPS's
 * has no authentication and listens on every address by default). Scripts written for OpenSIPS's MI work unchanged
 * for the commands both have; the README's table lists them, their parameters, results and differences.
 *
 * <p>{@link org.interchange.mi.JsonRpc} speaks the protocol and finds the commands: every CDI bean of type
 * {@link org.interchange.mi.spi.MiCommand}, which each capability contributes from its own package ({@code ul_*} in
 * {@code location}, {@code domain_*} in {@code domain}, {@code address_*} in {@code permissions}, {@code dp_*} in
 * {@code dialplan}, {@code list_sockets} in {@code listener}, {@code log_level} in {@code logging}).
 * {@link org.interchange.mi.CoreCommands} are OpenSIPS's core commands {@code uptime}, {@code version},
 * {@code which}, and {@code reload} (Interchange's own: the settings of {@code interchange.properties} that change
 * without a restart). {@code org.interchange.mgmt.MiHttp} is the servlet in front. No settings, no tables.
 */
package org.interchange.mi;
