package org.interchange.listener;

import java.util.Locale;

import org.interchange.container.config.SipListener;

/**
 * The socket policy sent a request through another listener than the one it was asked for, or than the kernel's
 * route pointed at: fired as a CDI event (observe it with {@code @Observes SocketFallback}) where the policy logs its
 * warning, on the thread deciding (a SIP thread), so observers must be quick. A rule's unusable socket is reported
 * every time it is passed over; a kernel route's fallback once per cached answer (at most once per
 * {@code socket.route-cache-ttl} and destination), as the warnings are.
 *
 * @param kind        which fallback; also the name of its counter in {@link SocketStats}
 * @param destination the next hop's address (or name) the branch was sent to
 * @param wanted      what was asked for: the rule's socket ({@code udp:received}, a listener's name), or the address
 *                    the kernel sends from
 * @param chosen      the listener the branch left through instead
 * @param why         why that one, in words an operator acts on
 */
public record SocketFallback(Kind kind, String destination, String wanted, SipListener chosen, String why) {

    public enum Kind {
        /** A rule's socket names no listener for the arrival address, or one of the other address family. */
        FORCED_UNUSABLE,
        /** The kernel routes from an address that is no listener of the transport: the nearest one was taken. */
        KERNEL_ROUTE_FALLBACK;

        /** The counter's name: {@code forced-unusable}, {@code kernel-route-fallback}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
