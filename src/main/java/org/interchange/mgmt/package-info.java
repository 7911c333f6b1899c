/**
 * This is our management module: the admin REST API, a counterpart of OpenSIPS's MI over HTTP and of Kamailio's
 * RPC. It only exposes commands that the capabilities define; it decides nothing itself.
 *
 * <p>JAX-RS (Jersey) under {@code /interchange/api}, JSON in and out, HTTP Basic authentication against
 * {@code admin.user} (default {@code admin}) and {@code admin.password} (default: generated at first start into
 * {@code admin-password} in the data directory). The HTTP connector listens on {@code admin.http}, loopback by
 * default. Resources:
 * <pre>
 * GET    /api/subscribers                 subscriber:list
 * PUT    /api/subscribers/{aor}           subscriber:add (or set password)   {"password": "..."}
 * DELETE /api/subscribers/{aor}           subscriber:remove
 * GET    /api/domains                     domain:list
 * PUT    /api/domains/{domain}            domain:add
 * DELETE /api/domains/{domain}            domain:remove
 * GET    /api/location                    location:list (ul_dump)
 * DELETE /api/location/{aor}              location:remove (ul_rm)
 * GET    /api/timers                      core:timers
 * GET    /api/sockets                     listener:sockets (list_sockets): listeners, socket rules, counters
 * </pre>
 * {@code bin/interchange-admin} wraps these for the shell.
 */
package org.interchange.mgmt;
