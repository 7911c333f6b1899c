package org.interchange.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.interchange.auth.internal.Nonces.State;
import org.interchange.core.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoncesTest {

    private static final Duration LIFETIME = Duration.ofSeconds(300);

    private final TestClock clock = TestClock.at("2026-11-22T10:00:00Z");
    private final Nonces nonces = new Nonces(secret("one"), LIFETIME, clock);

    @Test
    void freshNonceIsValid() {
        assertThat(nonces.check(nonces.issue())).isEqualTo(State.VALID);
    }

    @Test
    void everyNonceIsNew() {
        assertThat(nonces.issue()).isNotEqualTo(nonces.issue());
    }

    @Test
    void nonceIsValidThroughItsLifetime() {
        String nonce = nonces.issue();

        clock.advance(LIFETIME);

        assertThat(nonces.check(nonce)).isEqualTo(State.VALID);
    }

    @Test
    void nonceIsStaleAfterItsLifetime() {
        String nonce = nonces.issue();

        clock.advance(LIFETIME.plusMillis(1));

        assertThat(nonces.check(nonce)).isEqualTo(State.STALE);
    }

    @Test
    void nonceFromTheFutureIsStale() {
        String nonce = nonces.issue();

        clock.advance(Duration.ofSeconds(-1));

        assertThat(nonces.check(nonce)).isEqualTo(State.STALE);
    }

    @Test
    void tamperedNonceIsInvalid() {
        String nonce = nonces.issue();
        char changed = nonce.charAt(3) == 'A' ? 'B' : 'A';

        assertThat(nonces.check(nonce.substring(0, 3) + changed + nonce.substring(4))).isEqualTo(State.INVALID);
    }

    @Test
    void nonceSignedWithAnotherSecretIsInvalid() {
        Nonces otherRouter = new Nonces(secret("two"), LIFETIME, clock);

        assertThat(nonces.check(otherRouter.issue())).isEqualTo(State.INVALID);
    }

    @Test
    void nonceIssuedBeforeARestartIsStaleAfterIt() {
        String beforeRestart = nonces.issue();
        clock.advance(Duration.ofSeconds(1));

        Nonces afterRestart = new Nonces(secret("one"), LIFETIME, clock);

        assertThat(afterRestart.check(beforeRestart)).isEqualTo(State.STALE);
    }

    @Test
    void nonceIssuedAfterARestartIsValid() {
        clock.advance(Duration.ofSeconds(1));
        Nonces afterRestart = new Nonces(secret("one"), LIFETIME, clock);

        assertThat(afterRestart.check(afterRestart.issue())).isEqualTo(State.VALID);
    }

    @Test
    void nonceOfARouterSharingTheSecretIsValidOnceThisOneHasStarted() {
        Nonces otherRouter = new Nonces(secret("one"), LIFETIME, clock);
        clock.advance(Duration.ofSeconds(1));

        assertThat(nonces.check(otherRouter.issue())).isEqualTo(State.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a nonce!", "AAAA", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"})
    void somethingElseIsInvalid(String nonce) {
        assertThat(nonces.check(nonce)).isEqualTo(State.INVALID);
    }

    @Test
    void nonceCountMustGrow() {
        String nonce = nonces.issue();

        assertThat(nonces.acceptCount(nonce, 1)).isTrue();
        assertThat(nonces.acceptCount(nonce, 1)).as("replayed").isFalse();
        assertThat(nonces.acceptCount(nonce, 3)).isTrue();
        assertThat(nonces.acceptCount(nonce, 2)).as("lower than one used").isFalse();
    }

    @Test
    void countsAreKeptPerNonce() {
        String first = nonces.issue();
        String second = nonces.issue();

        assertThat(nonces.acceptCount(first, 1)).isTrue();
        assertThat(nonces.acceptCount(second, 1)).isTrue();
    }

    @Test
    void countsOfExpiredNoncesAreForgotten() {
        String old = nonces.issue();
        nonces.acceptCount(old, 1);
        clock.advance(LIFETIME.dividedBy(2));
        String recent = nonces.issue();
        nonces.acceptCount(recent, 1);

        clock.advance(LIFETIME.dividedBy(2).plusMillis(1));

        assertThat(nonces.forgetExpired()).isEqualTo(1);
        assertThat(nonces.acceptCount(recent, 1)).as("still remembered").isFalse();
    }

    private static byte[] secret(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
