package org.interchange.listener;

import org.interchange.container.config.SipListener;

/**
 * The listener a request leaves through, and why.
 *
 * @param listener the outbound listener
 * @param reason   which step of the policy chose it
 */
public record SocketChoice(SipListener listener, Reason reason) {

    /** The steps of the policy, in the order they are tried; also the names of its counters. */
    public enum Reason {
        /** A routing rule named the listener ({@code socket.rule.<name>.socket}), as OpenSIPS's {@code $fs}. */
        RULE,
        /** The listener the callee's REGISTER arrived on. */
        REGISTRATION,
        /** The kernel routes to the destination from this listener's address (OpenSIPS's mhomed). */
        KERNEL_ROUTE,
        /**
         * The kernel routes from an address that is not a listener: the nearest listener of the transport and family
         * (same interface, then same subnet, then the default).
         */
        KERNEL_ROUTE_FALLBACK,
        /** Nothing else applied: the default listener of the transport and family. */
        DEFAULT
    }
}
