package org.interchange.mgmt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed admin logins per source address, and the lockout they lead to: after {@value #MAX_FAILURES} failures in a
 * row from one address, that address is refused for {@link #LOCKOUT} (its attempts are not even checked). A
 * successful login, or {@link #LOCKOUT} without a failure, forgets the address. At most {@value #MAX_SOURCES}
 * addresses are tracked; beyond that the one that failed longest ago is forgotten first, so that a flood of sources
 * cannot grow the map. Thread-safe.
 */
final class LoginFailures {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(5);
    static final int MAX_SOURCES = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> bySource = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    LoginFailures(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code source} is still locked out, if it is. */
    synchronized Optional<Duration> lockedOut(String source) {
        Failures failures = current(source);
        if (failures == null || failures.count() < MAX_FAILURES) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(clock.instant(), failures.last().plus(LOCKOUT)));
    }

    /**
     * Counts a failed login of {@code source}.
     *
     * @return whether this failure locked the source out
     */
    synchronized boolean failed(String source) {
        Failures earlier = current(source);
        int count = earlier == null ? 1 : earlier.count() + 1;
        bySource.put(source, new Failures(count, clock.instant()));
        return count == MAX_FAILURES;
    }

    synchronized void succeeded(String source) {
        bySource.remove(source);
    }

    synchronized int tracked() {
        return bySource.size();
    }

    /** The failures of a source, forgetting them once {@link #LOCKOUT} has passed since the last. */
    private Failures current(String source) {
        Failures failures = bySource.get(source);
        if (failures != null && !clock.instant().isBefore(failures.last().plus(LOCKOUT))) {
            bySource.remove(source);
            return null;
        }
        return failures;
    }
}
