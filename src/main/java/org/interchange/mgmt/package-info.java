/**
 * This is our management module: the admin REST API, a counterpart of OpenSIPS's MI over HTTP and of Kamailio's
 * RPC. It only exposes commands that the capabilities define; it decides nothing itself.
 *
 * <p>JAX-RS (Jersey) under {@code /interchange/api}, JSON in and out, HTTP Basic authentication against
 * {@code admin.user} (default {@code admin}) and {@code admin.password} (default: generated at first start into
 * {@code admin-password} in the data directory). The container opens it on {@code admin.http} (loopback by default,
 * {@code off} for none) and optionally on {@code admin.https}. Errors are RFC 7807 problems ({@link Problem}: by
 * {@link ProblemMapper}, {@link ProblemResponses} and {@link ErrorPages}), never an exception's text. A failed login
 * is logged with its source and answered after 1 s without holding a thread; 5 in a row lock the source out for
 * 5 minutes ({@link AdminAuthentication}, {@link LoginFailures}). Resources:
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
