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
 * DELETE /api/location/{aor}?contact=..   one binding (ul_rm_contact)
 * GET    /api/errors                      the latest warnings and errors of the log (RecentErrors, in memory)
 * GET    /api/timers                      core:timers
 * GET    /api/sockets                     listener:sockets (list_sockets): listeners, socket rules, counters
 * GET    /api/route                       route:list: the request route's steps and the hooks, in order
 * GET    /api/address[?grp=N]             permissions:address_dump: the address groups' rows
 * GET    /api/address/{id}                one row
 * POST   /api/address                     add a row   {"grp": 1, "ip": "10.10.11.12", "mask": 32, "port": 0,
 *                                         "proto": "any", "pattern": null, "context_info": "media"}: 201
 * PUT    /api/address/{id}                change a row (same body)
 * DELETE /api/address/{id}                remove a row
 * POST   /api/address/reload              permissions:address_reload: {"loaded": n, "skipped": [{"id", "reason"}]}
 * GET    /api/address/match?ip=..[&amp;port=..&amp;proto=..&amp;grp=..&amp;subject=..]   the row a source falls in
 *                                         (get_source_group; check_address with grp and subject), 404 for none
 * GET    /api/dialplan[?dpid=N]           dialplan:list: {"rules": [...], "skipped": [{"id", "reason"}]}
 * GET    /api/dialplan/{id}               dialplan:show, one rule
 * POST   /api/dialplan                    dialplan:add, 201 + Location   {"dpid": 1, "match_op": "regex", ...}
 * PUT    /api/dialplan/{id}               dialplan:change (the whole row)
 * DELETE /api/dialplan/{id}               dialplan:remove
 * POST   /api/dialplan/reload             dp_reload: {"sets", "rules", "disabled", "skipped"}
 * GET    /api/dialplan/translate?dpid=1&amp;input=0049...   dp_translate: output, rule, attrs, steps; 404 if none
 * GET    /api/statistics[?name=core:&amp;name=tm:inuse_transactions]   get_statistics:
 *                                         {"core:rcv_requests": 12, ...} (a name is group:name, group:, name or
 *                                         all; none: all; unknown: 400)
 * POST   /api/statistics/reset            reset_statistics   {"names": ["core:"]}: {"reset": [...]}
 * GET    /api/traces                      the running traces: [{"id", "match", "value", "destinations", "started"}]
 * POST   /api/traces                      trace_start, 201 + Location   {"match": "all|user|source|callid",
 *                                         "value": "...", "to": ["hep", "database"]} (to: default every one set up)
 * DELETE /api/traces/{id}                 trace_stop: 204, 404 for no such trace
 * GET    /api/traces/messages?callid=..   a Call-ID's messages in sip_trace, in order: [{"time", "direction",
 *                                         "transport", "source", "destination", "method", "status", "callid", "text"}]
 * GET    /api/traces/calls[?limit=50]     recent traced Call-IDs: [{"callid", "first", "from", "to", "messages"}]
 * GET    /api/events                      events:list (events_subscribers): destinations, state, counters
 * POST   /api/events/test                 events:test (raise_event): E_INTERCHANGE_TEST to them, 202
 * GET    /api/status                      {"version", "started" (ISO-8601), "uptime_seconds", "listeners": [as
 *                                         /api/sockets]} (uptime, version)
 * GET    /api/log-levels                  {"root": "INFO", "loggers": {"org.interchange": "INFO", ...}, "levels"}
 * PUT    /api/log-levels/{logger|root}    {"level": "DEBUG"}: until the router stops (log_level); 400 names the levels
 * POST   /api/reload                      reload interchange.properties: {"changed": {key: {"from", "to"}},
 *                                         "restart_needed": [keys]}; 400 naming file, line and problem
 * POST   /mi                              the MI: JSON-RPC 2.0 as OpenSIPS's mi_http ({@link MiHttp},
 *                                         org.interchange.mi), same credentials
 * GET    /api/openapi.json, /api/openapi.yaml   this API described in OpenAPI 3 ({@link OpenApiResource})
 * </pre>
 * MBeans in the platform MBeanServer ({@link ManagementBeans}): {@code org.interchange:type=LogLevels} (attribute
 * {@code Levels}, operation {@code setLevel}) and {@code org.interchange:type=Reload} (operation {@code reload}).
 * Beside the API, on the same listener: {@code GET /metrics} (Prometheus, behind the same credentials) and
 * {@code GET /health/live}, {@code /health/ready} (without credentials): see the stats and health modules; the
 * statistics' MBean is {@code org.interchange:type=Statistics}.
 *
 * <p><b>A new resource</b> is a class with {@code @Path} registered in {@link AdminApi} (an instance built over its
 * capability's beans). The OpenAPI description ({@link ApiDescription}, served by {@link OpenApiResource}) reads it
 * from there at its first request: no list to update. For a useful description give it
 * {@code @Tag(name, description)}, each method {@code @Operation(summary = ...)}, parameters {@code @Parameter}
 * (with {@code required} and an {@code example} for required query parameters), a method that returns
 * {@code Response} its {@code @ApiResponse(responseCode, content = @Content(schema = @Schema(implementation = ...)))},
 * and fields that may be null {@code @Schema(nullable = true)}; records, not maps, for bodies. The problem answers,
 * the security scheme and the tag (the path's first segment) are added for every operation. {@code OpenApiIT} fails
 * for a resource Jersey serves that the description lacks, and for a GET whose answer its schema does not describe.
 *
 * <p>{@code bin/interchange-admin} wraps these for the shell: tables by default, {@code --json} for the API's JSON.
 * A dialplan rule's fields are the columns of the dialplan
 * table (dpid, pr, match_op, match_exp, match_flags, subst_exp, repl_exp, timerec, disabled, attrs); a rule that
 * would not compile is refused with 400 naming the column and the reason
 * ({@code match_exp: not a regular expression: Unclosed group near index 8 in ^0049(.*}).
 *
 * <p>The admin console (OpenSIPS's opensips-cp, Kamailio's siremis) is static HTML, CSS and JavaScript modules in the
 * WAR ({@code webapp/console}, its README says how they are laid out) under {@code /interchange/console/}, on the same
 * listener; it signs in against this API and calls it from the browser with {@code X-Requested-With:
 * XMLHttpRequest}, for which {@link AdminAuthentication} leaves {@code WWW-Authenticate} out of a 401 (the browser's
 * own login dialog would cover the console's form). {@link ConsoleHeaders} gives its files a Content-Security-Policy
 * that runs only the router's own scripts. No Java decides anything for it: it shows what these resources answer.
 */
package org.interchange.mgmt;
