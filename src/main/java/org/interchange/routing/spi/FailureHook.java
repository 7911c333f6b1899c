package org.interchange.routing.spi;

import org.interchange.routing.Decision;
import org.interchange.routing.FailureContext;

/**
 * Runs when every branch of a relayed request failed (OpenSIPS's {@code failure_route}), in {@code @Priority}
 * order, until one relays or replies. The router's own serial forking (the next q-value's contacts) is such a hook,
 * at {@link org.interchange.routing.Steps#SERIAL_FORKING}. A CDI bean in the WAR.
 */
public interface FailureHook {

    Decision onFailure(FailureContext context);
}
