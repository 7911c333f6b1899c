/**
 * This is our proxy module: the routing logic of a stateful proxy (RFC 3261 section 16), what an OpenSIPS script's
 * request route does with tm, rr, maxfwd, registrar's {@code lookup} and auth.
 *
 * <p>For each initial request, {@link org.interchange.proxy.RequestRouter} decides: answer it (OPTIONS to the
 * router, unless the SIP stack answered it already because it names a listener by address,
 * {@link org.interchange.container.RouterPings}; 405 for other methods addressed to it, 483, 416, 420, 407 challenges for local users, 404 or 480 for
 * users without bindings, 403 for relaying) or relay it. Requests for a served domain go to the user's bindings:
 * in parallel to those of the highest q, then serially to lower q-values when those fail; each branch follows the
 * binding's Path. Requests for other domains go to their Request-URI, through {@code proxy.outbound-proxy} when
 * one is set. A next hop that is a name is resolved first (RFC 3263, the container's shared resolver,
 * {@code dns.*}): the listener is chosen for the server DNS names, a name that does not exist gets 404, a DNS that
 * does not answer in time 503 with Retry-After. Dialog-creating requests are record-routed, so in-dialog requests (ACK, BYE, re-INVITE) come back
 * through the router and follow their Route headers; the container relays them. Loops are detected with a hash of
 * the request carried in our Record-Route (RFC 3261 16.3 item 4, in the Record-Route instead of the Via, which
 * the container writes). Each branch leaves through the listener {@link org.interchange.listener.SocketPolicy}
 * chooses (a socket rule may also name the destination); the servlet marks it with the listeners it crosses, and
 * the container layer's bridge writes one Record-Route entry per listener (two, RFC 5658, when they differ), so that
 * in-dialog requests leave through the listener facing their next hop ({@link
 * org.interchange.proxy.RequestRouter#inDialog}).
 *
 * <p>Exports {@link org.interchange.proxy.RequestRouter}; the SIP entry point is
 * {@link org.interchange.proxy.ProxyServlet}. Config: {@code proxy.outbound-proxy} (next hop for other domains),
 * {@code proxy.default-route} (where requests for users of a served domain without bindings go instead of
 * 404/480), {@code proxy.branch-timeout} (seconds a branch may ring, default 30). Depends on location, auth,
 * domain and listener.
 */
package org.interchange.proxy;
