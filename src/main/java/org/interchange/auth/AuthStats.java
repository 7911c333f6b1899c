package org.interchange.auth;

import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Digest authentication's counters, counted by the {@link Authenticator} as it decides:
 * {@code auth:successful_auths} (valid credentials), {@code auth:failed_auths} (credentials for the realm that are
 * wrong: another password, an unknown user, a replayed or forged nonce) and {@code auth:challenges} (a 401 or 407
 * to a request that brought no credentials for the realm, or only stale ones). Thread-safe.
 */
@ApplicationScoped
public class AuthStats {

    private Counter successes;
    private Counter failures;
    private Counter challenges;

    protected AuthStats() {
        // for CDI's proxy
    }

    @Inject
    public AuthStats(MeterRegistry registry) {
        successes = Counter.builder("interchange.auth.successful_auths")
                .description("requests whose digest credentials were valid").register(registry);
        failures = Counter.builder("interchange.auth.failed_auths")
                .description("requests whose digest credentials for the realm were wrong").register(registry);
        challenges = Counter.builder("interchange.auth.challenges")
                .description("challenges to requests without valid credentials or with stale ones").register(registry);
    }

    void succeeded() {
        successes.increment();
    }

    void failed() {
        failures.increment();
    }

    void challenged() {
        challenges.increment();
    }
}
