/**
 * This is our listener module: which socket a request leaves through, what OpenSIPS does with {@code mhomed},
 * {@code force_send_socket()}/{@code $fs} and the socket a contact registered through, and Kamailio with
 * {@code mhomed} and {@code $fs}.
 *
 * <p>{@link org.interchange.listener.SocketPolicy} decides for every branch of an initial request; the router's
 * implementation tries, first match wins:
 * <ol>
 *   <li>a socket rule ({@link org.interchange.listener.SocketRules}, {@code socket.rule.<name>.*}): a listener by
 *       name, by {@code proto:address:port}, or the arrival address with another transport
 *       ({@code tcp:received:5060});</li>
 *   <li>the listener the callee's REGISTER arrived on;</li>
 *   <li>the kernel's route: the local address the kernel sends from to the destination, mapped to a listener of
 *       the needed transport, cached per destination (a lookup per message), forgotten when routes or addresses
 *       change ({@code socket-routes} timer) or after {@code socket.route-cache-ttl}; when that address is not a
 *       listener: one on the same interface, else in the same subnet, else the default, with a warning;</li>
 *   <li>the default listener ({@code socket.default}, else the first) of the transport and family.</li>
 * </ol>
 * A listener of the wrong address family is never used: a forced one is passed over with a warning. Each decision
 * is logged at debug level with its reason and counted ({@link org.interchange.listener.SocketStats}). In-dialog
 * requests are not decided here: they follow the Record-Route written for the listeners chosen.
 *
 * <p>Exports {@link org.interchange.listener.Listeners}, {@link org.interchange.listener.SocketPolicy},
 * {@link org.interchange.listener.SocketRules}, {@link org.interchange.listener.NextHop} and the counters, and
 * produces the container's RFC 3263 resolver ({@code org.interchange.container.dns.SipServerLocator}) for next hops
 * that are names. Depends on the core only.
 *
 * <p>MI command {@code list_sockets} ({@link org.interchange.listener.ListenerCommands}). {@code reload} of
 * the configuration applies the socket rules ({@code socket.rule.*}) to the next request; the listeners,
 * {@code socket.default} and {@code socket.private-networks} need a restart.
 */
package org.interchange.listener;
