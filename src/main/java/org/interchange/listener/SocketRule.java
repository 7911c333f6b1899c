package org.interchange.listener;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.interchange.container.config.Transport;
import org.interchange.core.IpNetwork;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.SipUri;

/**
 * A routing rule of the socket policy: which initial requests it matches, the listener they leave through and,
 * optionally, where they go. Every condition that is set must hold; an unset one matches anything.
 *
 * @param name        its name ({@code socket.rule.<name>}), in logs and errors
 * @param sources     source networks of the request (empty: any)
 * @param receivedOn  names of the listeners the request may arrive on (empty: any)
 * @param ruriUser    a regular expression the whole Request-URI user must match
 * @param domains     Request-URI hosts, lower case (empty: any)
 * @param methods     methods (empty: any)
 * @param transports  transports the request may arrive over (empty: any)
 * @param socket      the listener the request leaves through
 * @param destination where the request goes instead of where the router would send it
 */
public record SocketRule(String name, List<IpNetwork> sources, Set<String> receivedOn, Optional<Pattern> ruriUser,
                         Set<String> domains, Set<String> methods, Set<Transport> transports,
                         Optional<ForcedSocket> socket, Optional<SipUri> destination) {

    public SocketRule {
        sources = List.copyOf(sources);
        receivedOn = Set.copyOf(receivedOn);
        domains = Set.copyOf(domains);
        methods = Set.copyOf(methods);
        transports = Set.copyOf(transports);
        if (socket.isEmpty() && destination.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " sets neither a socket nor a destination");
        }
    }

    /**
     * Whether the rule applies to a request.
     *
     * @param arrivalListener the name of the listener it arrived on, when known
     */
    public boolean matches(InboundRequest request, Optional<String> arrivalListener) {
        if (!sources.isEmpty() && sources.stream().noneMatch(network -> network.contains(request.source().address()))) {
            return false;
        }
        if (!receivedOn.isEmpty() && arrivalListener.filter(receivedOn::contains).isEmpty()) {
            return false;
        }
        if (!methods.isEmpty() && !methods.contains(request.method())) {
            return false;
        }
        if (!transports.isEmpty() && !transports.contains(request.arrival().transport())) {
            return false;
        }
        if (ruriUser.isEmpty() && domains.isEmpty()) {
            return true;
        }
        if (!SipUri.hasSipScheme(request.requestUri())) {
            return false;
        }
        SipUri uri = SipUri.parse(request.requestUri());
        return (domains.isEmpty() || domains.contains(uri.host()))
                && ruriUser.map(regex -> uri.user().filter(user -> regex.matcher(user).matches()).isPresent())
                .orElse(true);
    }
}
