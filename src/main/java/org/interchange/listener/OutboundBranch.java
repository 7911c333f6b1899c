package org.interchange.listener;

import java.util.Optional;

import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.InboundRequest;

/**
 * One branch of an initial request, as the {@link SocketPolicy} sees it.
 *
 * @param request          the request as it arrived
 * @param nextHop          where the branch is sent
 * @param forced           the listener a socket rule named, if one matched
 * @param registeredSocket the listener the callee's REGISTER arrived on, for a branch to a registered contact
 */
public record OutboundBranch(InboundRequest request, NextHop nextHop, Optional<ForcedSocket> forced,
                             Optional<Endpoint> registeredSocket) {
}
