package org.interchange.listener;

/**
 * Decides the listener through which an initial request, or one branch of it, leaves the router. In-dialog requests
 * are not decided: they follow the Record-Route the router wrote for the listeners chosen here.
 *
 * <p>The router's own implementation tries, first match wins: a socket rule's listener, the listener the callee
 * registered through, the listener the kernel routes from (cached per destination), the default listener. An
 * integrator replaces it with a CDI alternative ({@code @Alternative @Priority(...)} on a bean implementing this
 * interface) or refines it with a decorator ({@code @Decorator} with an {@code @Inject @Delegate SocketPolicy}),
 * from a bean archive of the WAR; see the README.
 *
 * <p>Implementations must be thread-safe and fast: this runs for every branch of every initial request.
 */
public interface SocketPolicy {

    /** The listener a branch leaves through. */
    SocketChoice choose(OutboundBranch branch);
}
