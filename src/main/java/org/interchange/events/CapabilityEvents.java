package org.interchange.events;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;

import org.interchange.listener.SocketFallback;
import org.interchange.location.Binding;
import org.interchange.location.RegistrationEvent;

/**
 * The router's CDI events, as the events that leave it: each observer turns one capability's event into a
 * {@link RouterEvent} and publishes it. Observers run on the thread that fired (a SIP thread, a timer): they only
 * queue. A capability that adds an event adds its observer here: the database's reachability
 * ({@code org.interchange.health.DatabaseStateChanged}) becomes {@code E_DATABASE_DOWN} or {@code E_DATABASE_UP}, with
 * its {@code detail}, at its time.
 */
@ApplicationScoped
public class CapabilityEvents {

    private Events events;
    private Clock clock;

    protected CapabilityEvents() {
        // for CDI's proxy
    }

    @Inject
    public CapabilityEvents(Events events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * A registration change, with OpenSIPS usrloc's parameter names: {@code aor}, {@code uri} (the contact),
     * {@code expires} (seconds left, 0 once removed or expired), {@code qval}, {@code callid}, {@code cseq},
     * {@code received} (where the REGISTER came from), {@code socket} (the listener it arrived on),
     * {@code user_agent}, {@code path}; and {@code kind}: added, refreshed, removed or expired.
     */
    void registration(@Observes RegistrationEvent change) {
        Instant now = clock.instant();
        Binding binding = change.binding();
        String name = switch (change.kind()) {
            case ADDED -> EventNames.CONTACT_INSERT;
            case REFRESHED -> EventNames.CONTACT_UPDATE;
            case REMOVED, EXPIRED -> EventNames.CONTACT_DELETE;
        };
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", change.kind().name().toLowerCase(Locale.ROOT));
        params.put("aor", change.aor().toString());
        params.put("uri", binding.contact());
        params.put("expires", name.equals(EventNames.CONTACT_DELETE) ? 0 : binding.secondsLeftAt(now));
        params.put("qval", binding.q());
        params.put("callid", binding.callId());
        params.put("cseq", binding.cseq());
        params.put("received", binding.received().map(Object::toString).orElse(null));
        params.put("socket", binding.socket().map(Object::toString).orElse(null));
        params.put("user_agent", binding.userAgent());
        params.put("path", binding.path());
        events.publish(new RouterEvent(name, now, params));
    }

    /**
     * A socket-policy fallback: {@code kind} (forced-unusable, kernel-route-fallback), {@code destination},
     * {@code wanted} (the rule's socket, or the kernel's source address), {@code listener} and {@code socket} (the
     * one taken), {@code reason}.
     */
    void socketFallback(@Observes SocketFallback fallback) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", fallback.kind().key());
        params.put("destination", fallback.destination());
        params.put("wanted", fallback.wanted());
        params.put("listener", fallback.chosen().name());
        params.put("socket", fallback.chosen().socket());
        params.put("reason", fallback.why());
        events.publish(new RouterEvent(EventNames.SOCKET_FALLBACK, clock.instant(), params));
    }
}
