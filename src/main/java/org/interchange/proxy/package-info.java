/**
 * This is our proxy module: the stateful proxy (RFC 3261 section 16) and the router's own steps of the request
 * route, what an OpenSIPS script does with tm, rr, maxfwd, sl and registrar's {@code lookup}.
 *
 * <p>{@link org.interchange.proxy.RouterServlet} receives every request. For an initial request,
 * {@link org.interchange.proxy.RequestRouter} runs the request route ({@link org.interchange.routing}) and makes its
 * decision ready: the proxy module's steps answer OPTIONS to the router ({@link
 * org.interchange.proxy.AddressedToRouterStep}, unless the SIP stack answered it already,
 * {@link org.interchange.container.RouterPings}), 405 for other methods addressed to it, 416, 483, 420, 482
 * ({@link org.interchange.proxy.UriSchemeStep}, {@link org.interchange.proxy.MaxForwardsStep},
 * {@link org.interchange.proxy.ProxyRequireStep}, {@link org.interchange.proxy.LoopDetectionStep}), send a request to
 * a socket rule's destination ({@link org.interchange.proxy.SocketRuleStep}), redirect users of
 * {@code proxy.redirect-domains} ({@link org.interchange.proxy.RedirectStep}), send requests for a served domain
 * to the user's bindings ({@link org.interchange.proxy.LocationLookupStep}: 404 or 480 for users without bindings)
 * and relay requests for other domains, through {@code proxy.outbound-proxy} when one is set, 403 to strangers
 * ({@link org.interchange.proxy.RelayToDomainStep}). Branches of the highest q go in parallel; when they fail the
 * {@link org.interchange.proxy.SerialForkingHook} tries the next q-value. Each branch follows its destination and
 * Path. A next hop that is a name is resolved first (RFC 3263, the container's shared resolver, {@code dns.*}): the
 * listener is chosen for the server DNS names, a name that does not exist gets 404, a DNS that does not answer in
 * time 503 with Retry-After. Dialog-creating requests are record-routed, so in-dialog requests (ACK, BYE,
 * re-INVITE) come back through the router and follow their Route headers; the container relays them. Loops are
 * detected with a hash of the request carried in our Record-Route (RFC 3261 16.3 item 4, in the Record-Route
 * instead of the Via, which the container writes). Each branch leaves through the listener a step named or else
 * the one {@link org.interchange.listener.SocketPolicy} chooses (a socket rule may also name the destination); the
 * servlet marks it with the listeners it crosses, and the container layer's bridge writes one Record-Route entry
 * per listener (two, RFC 5658, when they differ), so that in-dialog requests leave through the listener facing
 * their next hop ({@link org.interchange.proxy.RequestRouter#inDialog}).
 *
 * <p>Config: {@code proxy.outbound-proxy} (next hop for other domains), {@code proxy.default-route} (where
 * requests for users of a served domain without bindings go instead of 404/480), {@code proxy.branch-timeout}
 * (seconds a branch may ring, default 30), {@code proxy.redirect-domains} (served domains in redirect mode).
 * Depends on routing, location, auth, registrar, domain and listener.
 */
package org.interchange.proxy;
