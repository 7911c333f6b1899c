package org.interchange.auth;

import java.util.EnumMap;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Digest authentication's counters, one per {@link Outcome}, counted by the {@link Authenticator} as it decides.
 * Thread-safe; instances share their meters (the registry's).
 */
@Dependent
public class AuthStats {

    /** What became of a request's credentials, and the statistic that counts it. */
    enum Outcome {
        /** Valid credentials: {@code auth:successful_auths}. */
        SUCCEEDED("successful_auths", "requests whose digest credentials were valid"),
        /**
         * Credentials for the realm that are wrong (another password, an unknown user, a replayed or forged nonce):
         * {@code auth:failed_auths}.
         */
        FAILED("failed_auths", "requests whose digest credentials for the realm were wrong"),
        /** A 401 or 407 to a request without credentials for the realm, or only stale ones: {@code auth:challenges}. */
        CHALLENGED("challenges", "challenges to requests without valid credentials or with stale ones");

        private final String statistic;
        private final String description;

        Outcome(String statistic, String description) {
            this.statistic = statistic;
            this.description = description;
        }
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    @Inject
    public AuthStats(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("interchange.auth." + outcome.statistic)
                    .description(outcome.description).register(registry));
        }
    }

    void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
