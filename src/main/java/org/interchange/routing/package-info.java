/**
 * This is our routing module: the request route and the other route types of an OpenSIPS script, in Java.
 *
 * <p>Every initial request runs through the request route ({@link org.interchange.routing.RouteChain}): the
 * {@link org.interchange.routing.spi.RequestStep} beans of the WAR in {@code @Priority} order, the router's own
 * first among them ({@link org.interchange.routing.Steps}: uri-scheme, registrar, addressed-to-router,
 * max-forwards, proxy-require, loop-detection, source-group, dialplan, authentication, socket-rule, redirect,
 * location-lookup, relay-to-domain). Each step sees a {@link org.interchange.routing.RequestContext} (the request,
 * read-only and parsed once; the Request-URI, destination {@code $du}, listener {@code $fs}, header changes and
 * branches it may change; transaction {@link org.interchange.routing.Attributes} (AVPs), named
 * {@link org.interchange.routing.Flags}, {@link org.interchange.routing.Variables}) and returns a
 * {@link org.interchange.routing.Decision}: go on, relay, reply, redirect, drop or register. The other route
 * types are hooks with the same transaction: branch ({@code branch_route}), failure ({@code failure_route}),
 * reply ({@code onreply_route}), error ({@code error_route}, for requests the servlet receives malformed: over
 * TCP/TLS, or a header a step cannot parse; datagrams the SIP stack cannot parse are answered by the container
 * layer), local ({@code local_route}: the CANCEL the router sends to a branch that rings after another answered or
 * until {@code proxy.branch-timeout}), startup ({@code startup_route}), timer ({@code timer_route}, on the router's
 * one scheduler) and events ({@code event_route}: CDI observers, such as of
 * {@link org.interchange.location.RegistrationEvent}).
 *
 * <p>Counterpart of OpenSIPS's script core ({@code route}, {@code branch_route}, {@code failure_route},
 * {@code onreply_route}, {@code error_route}, {@code local_route}, {@code startup_route}, {@code timer_route},
 * {@code event_route}, {@code setflag}, {@code setbflag}, {@code $avp}, {@code $var}, {@code append_branch}).
 * Config: {@code route.disabled-steps} (steps left out by name). Costs: one array walk per request; a hook type
 * that no bean implements costs nothing.
 */
package org.interchange.routing;
