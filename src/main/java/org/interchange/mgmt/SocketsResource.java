package org.interchange.mgmt;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.interchange.container.config.SipListener;
import org.interchange.listener.Listeners;
import org.interchange.listener.SocketRule;
import org.interchange.listener.SocketRules;
import org.interchange.listener.SocketStats;

/**
 * {@code /api/sockets}: the listeners, the socket rules in the order they are tried, and the socket policy's
 * counters (decisions per reason, forced sockets passed over). OpenSIPS shows its sockets with
 * {@code list_sockets}.
 */
@Path("/sockets")
@Produces(MediaType.APPLICATION_JSON)
public class SocketsResource {

    /** One listener as the API shows it. */
    public record ListenerView(String name, String socket, String shown, boolean isDefault) {
    }

    /** One rule as the API shows it: its name, the socket it forces and where it sends. */
    public record RuleView(String name, String socket, String destination) {
    }

    /** Everything at once. */
    public record SocketsView(List<ListenerView> listeners, List<RuleView> rules, Map<String, Long> decisions) {
    }

    private final Listeners listeners;
    private final SocketRules rules;
    private final SocketStats stats;

    public SocketsResource(Listeners listeners, SocketRules rules, SocketStats stats) {
        this.listeners = listeners;
        this.rules = rules;
        this.stats = stats;
    }

    @GET
    public SocketsView list() {
        return new SocketsView(views(listeners), rules.rules().stream().map(SocketsResource::view).toList(),
                stats.snapshot());
    }

    /** The listeners as the API shows them, here and in {@code /api/status}. */
    static List<ListenerView> views(Listeners listeners) {
        SipListener fallback = listeners.fallback();
        return listeners.all().stream().map(l -> new ListenerView(l.name(), l.socket(), l.transport().token() + ":"
                + l.shown(), l.equals(fallback))).toList();
    }

    private static RuleView view(SocketRule rule) {
        return new RuleView(rule.name(), rule.socket().map(Object::toString).orElse(null),
                rule.destination().map(Object::toString).orElse(null));
    }
}
