package org.interchange.location;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.interchange.core.Beans;
import org.interchange.core.ManualScheduler;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.SipRequests;
import org.interchange.location.LocationSettings.DbMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the location service's per-message work with {@value #AORS} addresses-of-record registered (1 to 3
 * bindings each): a lookup ({@link Location#lookup}), what the proxy does for each request to a local user, and the
 * refresh of one address-of-record's bindings ({@link Location#update}), what a REGISTER refresh costs there, the
 * database write included. Not a test: run with {@code mvn -B -o -pl src -am -Pjmh test-compile exec:exec
 * -Djmh.args=Location} (see {@code it-tests/bench/README.md}).
 *
 * <p>The location is built as the router builds it (constructor, then what CDI calls, which loads the table), over
 * the router's schema in an H2 database in memory (migrated by the router's own Flyway setup): a write costs less
 * than over a network to PostgreSQL or MariaDB, so the update figure is a lower bound. The bindings are written
 * through {@link Location#update} first, then loaded by a second instance, as at a start. The clock stands still, so
 * nothing expires. Each call takes the next address-of-record in turn, as equal but not the same objects as the
 * stored keys (as a request's would be).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LocationBenchmark {

    static final int AORS = 10_000;
    private static final String DOMAIN = "example.com";

    private final TestClock clock = TestClock.at("2026-12-01T10:00:00Z");
    private Location location;
    private Aor[] aors;
    private Aor unregistered;
    private int next;
    private long cseq = 1;

    /** {@code location.db-mode}: a refresh written to the table before the answer, or at the next flush. */
    @Param({"write-through", "write-behind"})
    public String dbMode;

    @Setup
    public void setUp() {
        ManualScheduler scheduler = new ManualScheduler();
        var database = TestDatabase.H2.empty();
        Location writer = Beans.constructed(new Location(database, clock, scheduler, settings(DbMode.WRITE_THROUGH)));
        for (int i = 0; i < AORS; i++) {
            Aor aor = aor(i);
            List<Binding> bindings = new ArrayList<>();
            for (int device = 0; device < 1 + i % 3; device++) {
                bindings.add(binding(aor, device));
            }
            writer.update(aor, current -> bindings);
        }
        // no flush runs in write-behind mode: the timer is manual, never advanced; what waits is one entry per AOR
        location = Beans.constructed(new Location(database, clock, new ManualScheduler(),
                settings(DbMode.valueOf(dbMode.toUpperCase(Locale.ROOT).replace('-', '_')))));
        aors = new Aor[AORS];
        for (int i = 0; i < AORS; i++) {
            aors[i] = aor(i);
        }
        unregistered = Aor.parse("nobody@" + DOMAIN);

        // each case must find what it names, or its figure means nothing
        if (location.list().size() != AORS || location.lookup(aors[2]).size() != 3
                || !location.lookup(unregistered).isEmpty()) {
            throw new IllegalStateException("the location must hold " + AORS + " addresses-of-record");
        }
    }

    /** The bindings of a registered address-of-record: a proxied request to a local user. */
    @Benchmark
    public List<Binding> lookup() {
        return location.lookup(nextAor());
    }

    /** An address-of-record without bindings: a request to a local user who is not registered (480). */
    @Benchmark
    public List<Binding> lookupUnregistered() {
        return location.lookup(unregistered);
    }

    /** A REGISTER refresh: every binding of the address-of-record gets a new CSeq, the database row updated. */
    @Benchmark
    public List<Binding> updateRefresh() {
        long refreshCseq = ++cseq;
        return location.update(nextAor(), current -> current.stream().map(binding -> new Binding(binding.id(),
                binding.aor(), binding.contact(), binding.q(), clock.instant().plusSeconds(3600), binding.callId(),
                refreshCseq, clock.instant(), binding.received(), binding.socket(), binding.userAgent(),
                binding.path())).toList());
    }

    private Aor nextAor() {
        next = next + 1 == AORS ? 0 : next + 1;
        return aors[next];
    }

    private static Aor aor(int index) {
        return Aor.parse("user" + index + "@" + DOMAIN);
    }

    private Binding binding(Aor aor, int device) {
        String contact = "sip:" + aor.user() + "@198.51.100." + (1 + device) + ":5060;transport=udp";
        return new Binding(0, aor, contact, 1.0, clock.instant().plusSeconds(3600), "call-" + device + "-" + aor,
                1, clock.instant(), Optional.of(SipRequests.USER_AGENT), Optional.of(SipRequests.LISTENER),
                "Phone/2.4.1", List.of());
    }

    private static LocationSettings settings(DbMode mode) {
        return new LocationSettings(Duration.ofSeconds(60), mode, Duration.ofSeconds(1));
    }
}
