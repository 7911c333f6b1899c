package org.interchange.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.interchange.core.TestClock;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.Endpoint;
import org.interchange.listener.Listeners;
import org.interchange.listener.SocketFallback;
import org.interchange.listener.TestListeners;
import org.interchange.location.Binding;
import org.interchange.location.RegistrationEvent;
import org.junit.jupiter.api.Test;

/**
 * The router's CDI events as they leave it: registration changes under OpenSIPS usrloc's names and parameter names,
 * a removed or expired binding with no time left, and socket-policy fallbacks with what was wanted and what was taken.
 */
class CapabilityEventsTest {

    private final TestClock clock = TestClock.at("2026-12-07T02:00:00Z");
    private final List<RouterEvent> published = new ArrayList<>();
    private final CapabilityEvents capabilityEvents = new CapabilityEvents(new Events() {
        @Override
        public void publish(RouterEvent event) {
            published.add(event);
        }
    }, clock);

    private final Aor alice = Aor.parse("alice@example.com");
    private final Binding binding = new Binding(7, alice, "sip:alice@192.0.2.7:5062", 0.5,
            Instant.parse("2026-12-07T03:00:00Z"), "call-1", 3, clock.instant(),
            Optional.of(Endpoint.parse("udp:192.0.2.7:5062")), Optional.of(Endpoint.parse("udp:10.0.0.4:5060")),
            "baresip", List.of("<sip:edge.example.com;lr>"));

    @Test
    void aRegistrationChangeHasUsrlocsNameAndParameters() {
        capabilityEvents.registration(new RegistrationEvent(RegistrationEvent.Kind.ADDED, alice, binding));

        RouterEvent event = published.get(0);
        assertThat(event.name()).isEqualTo("E_UL_CONTACT_INSERT");
        assertThat(event.time()).isEqualTo(clock.instant());
        assertThat(event.params()).containsExactly(entry("kind", "added"), entry("aor", "alice@example.com"),
                entry("uri", "sip:alice@192.0.2.7:5062"), entry("expires", 3600L), entry("qval", 0.5),
                entry("callid", "call-1"), entry("cseq", 3L), entry("received", "udp:192.0.2.7:5062"),
                entry("socket", "udp:10.0.0.4:5060"), entry("user_agent", "baresip"),
                entry("path", List.of("<sip:edge.example.com;lr>")));
    }

    @Test
    void eachKindOfChangeHasItsNameAndARemovedOrExpiredBindingHasNoTimeLeft() {
        for (RegistrationEvent.Kind kind : RegistrationEvent.Kind.values()) {
            capabilityEvents.registration(new RegistrationEvent(kind, alice, binding));
        }

        assertThat(published).extracting(RouterEvent::name).containsExactly("E_UL_CONTACT_INSERT",
                "E_UL_CONTACT_UPDATE", "E_UL_CONTACT_DELETE", "E_UL_CONTACT_DELETE");
        assertThat(published).extracting(event -> event.params().get("expires")).containsExactly(3600L, 3600L, 0L, 0L);
        assertThat(published.get(3).params()).containsEntry("kind", "expired");
    }

    @Test
    void aSocketFallbackSaysWhatWasWantedAndWhatWasTaken() {
        Listeners listeners = TestListeners.of("public = udp:203.0.113.4:5060");
        capabilityEvents.socketFallback(new SocketFallback(SocketFallback.Kind.KERNEL_ROUTE_FALLBACK, "198.51.100.7",
                "udp:203.0.113.9", listeners.named("public").orElseThrow(), "same interface"));

        assertThat(published.get(0).name()).isEqualTo("E_SOCKET_FALLBACK");
        assertThat(published.get(0).params()).containsExactly(entry("kind", "kernel-route-fallback"),
                entry("destination", "198.51.100.7"), entry("wanted", "udp:203.0.113.9"), entry("listener", "public"),
                entry("socket", "udp:203.0.113.4:5060"), entry("reason", "same interface"));
    }
}
