package org.interchange.location;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.interchange.core.sip.Aor;
import org.interchange.core.sip.SipRequests;

/** Bindings as the location tests make them, and the change that adds one. */
final class TestBindings {

    private TestBindings() {
    }

    /** A new binding (id 0) of {@code contact}, registered now for {@code seconds}. */
    static Binding binding(Clock clock, Aor aor, String contact, double q, long seconds) {
        return new Binding(0, aor, contact, q, clock.instant().plusSeconds(seconds), "call-" + contact, 1,
                clock.instant(), Optional.of(SipRequests.USER_AGENT), Optional.of(SipRequests.LISTENER), "",
                List.of());
    }

    /** Adds one binding to those of {@code aor}; returns it as stored. */
    static Binding add(Location location, Aor aor, Binding binding) {
        List<Binding> stored = location.update(aor, current -> {
            List<Binding> next = new ArrayList<>(current);
            next.add(binding);
            return next;
        });
        return stored.stream().filter(b -> b.contact().equals(binding.contact())).findFirst().orElseThrow();
    }
}
