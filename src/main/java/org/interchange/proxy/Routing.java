package org.interchange.proxy;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import org.interchange.core.sip.Reply;

/** What the router decided for an initial request. */
public sealed interface Routing {

    /** Answer the request. */
    record Respond(Reply reply) implements Routing {
    }

    /**
     * Proxy the request: to the targets of the first group in parallel, then, when all of them fail, to the next
     * group (serial forking by q-value, RFC 3261 16.6).
     *
     * @param groups      target groups in the order to try them; none is empty
     * @param recordRoute whether to stay in the dialog the request creates
     * @param loopHash    the request's loop-detection hash, carried in our Record-Route
     * @param ingress     the name of the listener the request arrived on: with a branch's listener, the listeners
     *                    the dialog crosses
     * @param ingressOwnAddress whether the request's source is shown the ingress listener's own address, not its
     *                    advertised one
     */
    record Relay(List<List<Target>> groups, boolean recordRoute, String loopHash, String ingress,
                 boolean ingressOwnAddress) implements Routing, Serializable {

        public Relay {
            groups = groups.stream().map(List::copyOf).toList();
            if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("a relay needs targets");
            }
        }

        /** What is left to try once the first group has failed; empty when it was the last. */
        public Optional<Relay> next() {
            return groups.size() < 2 ? Optional.empty()
                    : Optional.of(new Relay(groups.subList(1, groups.size()), recordRoute, loopHash, ingress,
                    ingressOwnAddress));
        }
    }
}
