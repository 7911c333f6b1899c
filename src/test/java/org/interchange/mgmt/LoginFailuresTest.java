package org.interchange.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.interchange.core.TestClock;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {

    private final TestClock clock = TestClock.at("2026-12-06T10:00:00Z");
    private final LoginFailures failures = new LoginFailures(clock);

    @Test
    void theFifthFailureInARowLocksTheSourceOutForFiveMinutes() {
        for (int i = 1; i < LoginFailures.MAX_FAILURES; i++) {
            assertThat(failures.failed("192.0.2.1")).isFalse();
            assertThat(failures.lockedOut("192.0.2.1")).isEmpty();
        }
        assertThat(failures.failed("192.0.2.1")).isTrue();

        assertThat(failures.lockedOut("192.0.2.1")).contains(LoginFailures.LOCKOUT);
        assertThat(failures.lockedOut("192.0.2.2")).as("another source").isEmpty();
        clock.advance(LoginFailures.LOCKOUT.minusSeconds(1));
        assertThat(failures.lockedOut("192.0.2.1")).contains(Duration.ofSeconds(1));
        clock.advanceSeconds(1);
        assertThat(failures.lockedOut("192.0.2.1")).isEmpty();
    }

    @Test
    void aSuccessfulLoginForgetsTheFailures() {
        for (int i = 1; i < LoginFailures.MAX_FAILURES; i++) {
            failures.failed("192.0.2.1");
        }
        failures.succeeded("192.0.2.1");

        assertThat(failures.failed("192.0.2.1")).isFalse();
        assertThat(failures.lockedOut("192.0.2.1")).isEmpty();
    }

    @Test
    void failuresLongAgoAreForgotten() {
        for (int i = 1; i < LoginFailures.MAX_FAILURES; i++) {
            failures.failed("192.0.2.1");
        }
        clock.advance(LoginFailures.LOCKOUT);

        assertThat(failures.failed("192.0.2.1")).isFalse();
    }

    @Test
    void aFloodOfSourcesKeepsTheMapBounded() {
        for (int i = 0; i < LoginFailures.MAX_SOURCES + 100; i++) {
            failures.failed("10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(failures.tracked()).isEqualTo(LoginFailures.MAX_SOURCES);
    }
}
