/**
 * Interchange, a SIP router (proxy, registrar, SBC front end) for Tomcat 7 with Restcomm SIP Servlets.
 *
 * <p>One package per capability, each with a small public face at its root and its entities, repositories and
 * algorithms in {@code internal}:
 * <pre>
 * core        configuration, database, scheduler, SIP value types, bean lookup for servlets (no capability)
 * domain      served domains and aliases (OpenSIPS domain)
 * auth        digest authentication against the subscriber table (OpenSIPS auth, auth_db)
 * location    the contact store (OpenSIPS usrloc)
 * listener    listeners and the socket policy: which one a request leaves through (OpenSIPS mhomed, $fs)
 * routing     the request route and the hooks of the other route types; spi: what integrators implement
 *             (OpenSIPS's script core)
 * permissions address groups and the source-group step (OpenSIPS permissions)   permissions -&gt; routing
 * dialplan    translation rules and the dialplan step (OpenSIPS dialplan)       dialplan -&gt; routing
 * auth        also the authentication step                                       auth -&gt; domain, routing
 * registrar   REGISTER handling and the registrar step (OpenSIPS registrar) registrar -&gt; location, auth, domain,
 *             routing
 * proxy       the router's steps, stateful proxying, the servlet  proxy -&gt; routing, location, auth, domain,
 *             listener, registrar
 * logging     log levels at run time (OpenSIPS log_level)
 * mi          the management interface, JSON-RPC as OpenSIPS's mi_http; spi: MiCommand, which capabilities
 *             implement (location, domain, permissions, dialplan, listener, logging -&gt; mi.spi)
 * mgmt        the admin REST API, the MI's servlet, the MBeans        mgmt -&gt; every capability
 * </pre>
 * SIP servlets ({@code *Servlet}) only translate between SIP messages and calls into these beans; the beans never
 * see {@code javax.servlet.sip}. The messages of one call are handled one at a time (MSS's concurrency control per
 * application session, declared here): the proxy decides on a best response while the next target group may
 * already answer. The SIP deployment descriptor, {@code sip.xml} at the top of the repository, names the application
 * and maps every request onto its one servlet, which runs the request route.
 */
@ConcurrencyControl(mode = ConcurrencyControlMode.SipApplicationSession)
package org.interchange;


import org.mobicents.servlet.sip.annotation.ConcurrencyControl;
import org.mobicents.servlet.sip.annotation.ConcurrencyControlMode;
