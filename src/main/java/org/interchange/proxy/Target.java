package org.interchange.proxy;

import java.io.Serializable;
import java.util.List;

/**
 * Where one proxy branch goes.
 *
 * @param uri    the branch's Request-URI
 * @param routes Route header field values to push onto the branch, in order (a registration's Path, an outbound
 *               proxy)
 */
public record Target(String uri, List<String> routes) implements Serializable {

    public Target {
        routes = List.copyOf(routes);
    }

    public static Target of(String uri) {
        return new Target(uri, List.of());
    }
}
