/**
 * This is our registrar module: REGISTER handling as RFC 3261 section 10.3 describes it, a counterpart of
 * OpenSIPS's registrar ({@code save}).
 *
 * <p>For a served domain (or an alias of the router) the registrar authenticates the request (401 challenges,
 * digest against the subscriber table, unless {@code auth.register=false}), checks that the credentials are the
 * address-of-record's own, and adds, refreshes or removes bindings in location: per-contact or default expires,
 * q-values, {@code Contact: *} with {@code Expires: 0}, Call-ID/CSeq ordering, 423 with Min-Expires, a limit on
 * contacts per address-of-record. Each binding remembers the source and the listener of its REGISTER, its
 * User-Agent and Path. The 200 lists every current binding with its expires. A REGISTER for another domain is not
 * ours: it is proxied like any request.
 *
 * <p>Exports {@link org.interchange.registrar.Registrar} and the route step
 * {@link org.interchange.registrar.RegistrarStep} ({@code registrar}), which hands REGISTERs for served domains to
 * it ({@code Decision.register()}); the router servlet carries that out. Fires
 * {@link org.interchange.location.RegistrationEvent}s through location. Config: {@code registrar.min-expires} (default 60),
 * {@code registrar.max-expires} (default 3600), {@code registrar.default-expires} (default 3600),
 * {@code registrar.max-contacts} (per address-of-record, default 10, 0 for no limit), {@code registrar.threads}
 * (default 8) and {@code registrar.queue-size} (default 2000) of the {@link org.interchange.registrar.RegistrarQueue}
 * (a work queue of the core, used in write-through mode).
 * Depends on location, auth, domain and routing.
 *
 * <p>Threads: what needs no database (the domain, Require, credentials: subscribers are in memory) is decided on the
 * SIP stack's thread, which answers challenges and refusals at once. When location writes behind (the default,
 * {@code location.db-mode}), changing the bindings needs no database either: the SIP stack's thread changes them and
 * sends the 200, with no hand-off. When it writes through, the bindings are written, and the 200 sent, by a thread
 * of the registrar queue, so that a slow or dead database never holds the threads that OPTIONS, BYE and every other
 * message need; a full queue is answered 503 with Retry-After, a failing database 500 with Retry-After. In both
 * modes a value wider than its column (a Call-ID over 255 characters) is answered 400 naming it.
 *
 * <p>{@code reload} of the configuration applies {@code registrar.min-expires}, {@code .max-expires},
 * {@code .default-expires} and {@code .max-contacts} to the next REGISTER.
 */
package org.interchange.registrar;
