package org.interchange.proxy;

import java.io.Serializable;
import java.util.List;

import org.interchange.core.sip.Reply.SipHeader;

/**
 * Where one proxy branch goes, and through which listener.
 *
 * @param uri      the branch's Request-URI
 * @param routes   Route header field values to push onto the branch, in order (a destination, a registration's
 *                 Path, an outbound proxy, a socket rule's destination)
 * @param listener   the name of the listener the branch leaves through
 * @param ownAddress whether the next hop is shown that listener's own address, not its advertised one (a peer on
 *                   {@code socket.private-networks})
 * @param addedHeaders   header fields routing logic adds to the branch
 * @param removedHeaders header fields routing logic removes from it
 */
public record Target(String uri, List<String> routes, String listener, boolean ownAddress,
                     List<SipHeader> addedHeaders, List<String> removedHeaders) implements Serializable {

    public Target {
        routes = List.copyOf(routes);
        addedHeaders = List.copyOf(addedHeaders);
        removedHeaders = List.copyOf(removedHeaders);
    }

    /** A target without header changes. */
    public Target(String uri, List<String> routes, String listener, boolean ownAddress) {
        this(uri, routes, listener, ownAddress, List.of(), List.of());
    }
}
