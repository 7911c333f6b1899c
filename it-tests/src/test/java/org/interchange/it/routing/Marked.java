package org.interchange.it.routing;

import org.interchange.routing.RequestView;

/**
 * Which requests the routing ITs' beans act on: those a test marked by the user part of the Request-URI, each test
 * with a prefix of its own ({@code rt-alias-}, {@code rt-vm-}, ...), so that the beans of one test never touch the
 * requests of another, nor those of the router's other tests. Deployed in the router's WAR with the beans.
 */
final class Marked {

    private Marked() {
    }

    /** Whether the Request-URI as received has a user starting with {@code prefix}. */
    static boolean user(RequestView request, String prefix) {
        return request.hasSipRequestUri()
                && request.requestUri().user().map(user -> user.startsWith(prefix)).orElse(false);
    }

    /** The user of the Request-URI as received, after {@code prefix}. */
    static String after(RequestView request, String prefix) {
        return request.requestUri().user().orElseThrow().substring(prefix.length());
    }
}
