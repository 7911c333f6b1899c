package org.interchange.it.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;

import org.interchange.location.RegistrationEvent;

/**
 * An {@code event_route}: observes the router's registration events and keeps, for the addresses-of-record of
 * users named {@value #PREFIX}..., the kinds in the order they came; {@link ProbeStep} tells a test.
 */
@ApplicationScoped
public class RegistrationRecorder {

    static final String PREFIX = "rt-events-";

    private final Map<String, List<String>> kinds = new ConcurrentHashMap<>();

    void record(@Observes RegistrationEvent event) {
        if (event.aor().user().startsWith(PREFIX)) {
            kinds.computeIfAbsent(event.aor().toString(), aor -> new CopyOnWriteArrayList<>())
                    .add(event.kind().name());
        }
    }

    /** The kinds of the events of {@code aor} ({@code user@domain}), oldest first. */
    List<String> kinds(String aor) {
        return List.copyOf(kinds.getOrDefault(aor, List.of()));
    }
}
