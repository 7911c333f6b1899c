package org.interchange.proxy;

import java.io.Serializable;
import java.util.List;

/**
 * Where one proxy branch goes, and through which listener.
 *
 * @param uri      the branch's Request-URI
 * @param routes   Route header field values to push onto the branch, in order (a registration's Path, an outbound
 *                 proxy, a socket rule's destination)
 * @param listener   the name of the listener the branch leaves through
 * @param ownAddress whether the next hop is shown that listener's own address, not its advertised one (a peer on
 *                   {@code socket.private-networks})
 */
public record Target(String uri, List<String> routes, String listener, boolean ownAddress) implements Serializable {

    public Target {
        routes = List.copyOf(routes);
    }
}
