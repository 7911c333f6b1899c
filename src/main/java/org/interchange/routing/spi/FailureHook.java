package org.interchange.routing.spi;

import org.interchange.routing.Decision;
import org.interchange.routing.FailureContext;

/**
 * Runs when every branch of a relayed request failed (OpenSIPS's {@code failure_route}), in {@code @Priority}
 * order, until one relays or replies. The router's own serial forking (the next q-value's contacts) is such a hook,
 * at {@link org.interchange.routing.Steps#SERIAL_FORKING}. An INVITE whose branches ring until
 * {@code proxy.branch-timeout} reaches the failure hooks as a 408 (OpenSIPS's {@code fr_inv_timer}): the router
 * cancels them with a timer of its own, which it starts only while a failure hook can use it (one of the WAR's is
 * deployed, or lower-q contacts wait), as it costs CPU per call. A transaction's failure hooks run at most
 * {@link org.interchange.routing.RouteChain#MAX_FAILURE_ROUNDS} times. A CDI bean in the WAR.
 */
public interface FailureHook {

    Decision onFailure(FailureContext context);
}
