package org.interchange.proxy;

import java.util.List;
import java.util.Map;

import org.interchange.core.sip.Reply;

/** What the router decided for an initial request. */
public sealed interface Routing {

    /** Answer the request. */
    record Respond(Reply reply) implements Routing {
    }

    /** Send nothing. */
    enum Drop implements Routing { INSTANCE }

    /** Hand the REGISTER to the registrar. */
    enum Register implements Routing { INSTANCE }

    /**
     * Proxy the request to targets in parallel (the branches of the highest q; those of lower q-values wait for the
     * serial-forking failure hook).
     *
     * @param targets     the targets; not empty
     * @param recordRoute whether to stay in the dialog the request creates
     * @param recordRouteParams parameters of our Record-Route entry (the loop-detection hash among them)
     * @param ingress     the name of the listener the request arrived on: with a branch's listener, the listeners
     *                    the dialog crosses
     * @param ingressOwnAddress whether the request's source is shown the ingress listener's own address, not its
     *                    advertised one
     */
    record Relay(List<Target> targets, boolean recordRoute, Map<String, String> recordRouteParams, String ingress,
                 boolean ingressOwnAddress) implements Routing {

        public Relay {
            targets = List.copyOf(targets);
            recordRouteParams = Map.copyOf(recordRouteParams);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("a relay needs targets");
            }
        }
    }
}
