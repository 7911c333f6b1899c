package org.interchange.mgmt;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "sockets", description = "The listeners and the socket policy (OpenSIPS's list_sockets, mhomed, $fs)")
@Produces(MediaType.APPLICATION_JSON)
public class SocketsResource {

    /** One listener as the API shows it. */
    public record ListenerView(String name, @Schema(description = "transport:address:port") String socket,
                               @Schema(description = "what the router writes in Via and Record-Route") String shown,
                               @Schema(description = "the listener used when nothing else decides")
                               boolean isDefault) {
    }

    /** One rule as the API shows it: its name, the socket it forces and where it sends. */
    public record RuleView(String name, @Schema(nullable = true) String socket,
                           @Schema(nullable = true) String destination) {
    }

    /** Everything at once. */
    public record SocketsView(List<ListenerView> listeners, @Schema(description = "in the order they are tried")
            List<RuleView> rules, @Schema(description = "the socket policy's decisions so far, by reason")
            Map<String, Long> decisions) {
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
    @Operation(summary = "The listeners, the socket rules and the socket policy's counters (list_sockets)")
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
