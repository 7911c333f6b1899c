package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

import org.interchange.container.ConnectionGuard.Admission;
import org.interchange.container.ConnectionGuard.Closure;
import org.junit.jupiter.api.Test;

/** Admissions and refusals, counted. */
class ConnectionGuardTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    private final ConnectionGuard guard = new ConnectionGuard(new ConnectionLimits(3, 2, LONG, LONG, LONG, LONG), () -> 0L);

    @Test
    void aSourceGetsItsShareAndTheOthersTheRest() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");

        assertThat(guard.admit(a)).isPresent();
        assertThat(guard.admit(a)).isPresent();
        assertThat(guard.admit(a)).as("beyond a's share").isEmpty();
        assertThat(guard.admit(b)).isPresent();
        assertThat(guard.admit(b)).as("beyond the global limit").isEmpty();

        assertThat(guard.open()).isEqualTo(3);
        assertThat(guard.total(Closure.OVER_SOURCE_LIMIT)).isEqualTo(1);
        assertThat(guard.total(Closure.OVER_GLOBAL_LIMIT)).isEqualTo(1);
    }

    @Test
    void aReleasedAdmissionFreesItsPlaceOnce() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        Optional<Admission> first = guard.admit(a);
        guard.admit(a);

        first.orElseThrow().release();
        first.orElseThrow().release();

        assertThat(guard.open()).isEqualTo(1);
        assertThat(guard.admit(a)).isPresent();
        assertThat(guard.admit(a)).isEmpty();
    }
}
