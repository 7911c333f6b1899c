package org.interchange.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interchange.location.TestBindings.add;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.interchange.core.Beans;
import org.interchange.core.ManualScheduler;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.InvalidDataException;
import org.interchange.core.persistence.OnEveryDatabase;
import org.interchange.core.persistence.SwitchableDatabase;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.sip.Aor;
import org.junit.jupiter.api.Test;

/**
 * Location in write-behind mode ({@link WriteBehind}): a change is in memory at once and in the table after the
 * {@code location-flush} timer ran; a clean stop writes what is left. What the modes share (lookups, ordering,
 * expiry in memory) is tested in write-through mode, in {@link LocationTest}.
 */
class LocationWriteBehindTest {

    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final Aor BOB = Aor.parse("bob@example.com");
    private static final String START = "2026-11-22T10:00:00Z";
    private static final LocationSettings SETTINGS = new LocationSettings(Duration.ofSeconds(60),
            LocationSettings.DbMode.WRITE_BEHIND, Duration.ofMillis(500));

    private final TestClock clock = TestClock.at(START);
    private final ManualScheduler scheduler = new ManualScheduler();

    @OnEveryDatabase
    void changeIsInMemoryAtOnceAndInTheTableAfterTheFlush(TestDatabase server) {
        Location location = location(server.empty());
        Binding added = add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 3600));

        assertThat(location.lookup(ALICE)).containsExactly(added);
        assertThat(restarted(server.database()).lookup(ALICE)).isEmpty();

        scheduler.run("location-flush");

        assertThat(restarted(server.database()).lookup(ALICE)).singleElement()
                .satisfies(stored -> assertThat(stored.withId(added.id())).isEqualTo(added));
    }

    @OnEveryDatabase
    void newBindingsGetDistinctIdsAboveThoseLoadedWithoutTheDatabase(TestDatabase server) {
        Location before = location(server.empty());
        add(before, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 3600));
        scheduler.run("location-flush");
        SwitchableDatabase database = new SwitchableDatabase(server.database());
        Location location = restarted(database);
        long loaded = location.lookup(ALICE).get(0).id();
        database.down();

        Binding second = add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.2", 3600));
        Binding third = add(location, BOB, binding(BOB, "sip:bob@198.51.100.3", 3600));

        assertThat(List.of(second.id(), third.id())).allSatisfy(id -> assertThat(id).isGreaterThan(loaded))
                .doesNotHaveDuplicates();
        assertThat(location.lookup(ALICE)).extracting(Binding::id).containsExactlyInAnyOrder(loaded, second.id());
    }

    @Test
    void flushTheDatabaseFailsKeepsEveryChangeAndTheFlushAfterTheOutageWritesThem() {
        SwitchableDatabase database = new SwitchableDatabase(TestDatabase.H2.empty());
        Location location = location(database);
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 3600));
        add(location, BOB, binding(BOB, "sip:bob@198.51.100.2", 3600));
        scheduler.run("location-flush");
        database.down();
        clock.advanceSeconds(1);

        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.3", 3600));
        assertThat(location.remove(BOB)).isEqualTo(1);
        scheduler.run("location-flush");
        scheduler.run("location-flush");
        database.up();

        assertThat(contacts(restarted(database))).as("the table during the outage")
                .containsOnlyKeys(ALICE, BOB)
                .containsEntry(ALICE, List.of("sip:alice@198.51.100.1"));
        scheduler.run("location-flush");
        assertThat(contacts(restarted(database))).as("the table after the outage").isEqualTo(contacts(location))
                .containsOnlyKeys(ALICE);
    }

    @OnEveryDatabase
    void flushWritesEveryChangedAddressOfRecordInBatchesOfOneTransactionEach(TestDatabase server) {
        SwitchableDatabase database = new SwitchableDatabase(server.empty());
        Location location = location(database);
        database.transactionsSinceLastAsked(); // the load at start
        int changed = 2 * WriteBehind.BATCH_SIZE + 1;
        for (int i = 0; i < changed; i++) {
            Aor aor = Aor.parse("user" + i + "@example.com");
            add(location, aor, binding(aor, "sip:user" + i + "@198.51.100.1", 3600));
        }
        assertThat(database.transactionsSinceLastAsked()).as("transactions of the changes").isZero();

        scheduler.run("location-flush");

        assertThat(database.transactionsSinceLastAsked()).as("transactions of the flush").isEqualTo(3);
        assertThat(restarted(server.database()).list()).hasSize(changed);
        scheduler.run("location-flush");
        assertThat(database.transactionsSinceLastAsked()).as("transactions of a flush with nothing changed").isZero();
    }

    @OnEveryDatabase
    void addressOfRecordChangedManyTimesIsWrittenOnceWithItsLatestBindings(TestDatabase server) {
        SwitchableDatabase database = new SwitchableDatabase(server.empty());
        Location location = location(database);
        Binding first = add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 3600));
        for (int cseq = 2; cseq <= 10; cseq++) {
            location.update(ALICE, refreshed(first, cseq));
        }
        database.transactionsSinceLastAsked(); // the load at start

        scheduler.run("location-flush");

        assertThat(database.transactionsSinceLastAsked()).isEqualTo(1);
        assertThat(restarted(server.database()).lookup(ALICE)).singleElement()
                .satisfies(stored -> assertThat(stored.cseq()).isEqualTo(10));
    }

    @OnEveryDatabase
    void expiryStaysRightWhileTheTableLagsBehindMemory(TestDatabase server) {
        Location location = location(server.empty());
        Binding alice = add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 60));
        add(location, BOB, binding(BOB, "sip:bob@198.51.100.2", 60));
        scheduler.run("location-flush");
        clock.advanceSeconds(30);
        location.update(ALICE, refreshed(alice, 2)); // the table still has the binding expiring in 30 s
        clock.advanceSeconds(40);

        scheduler.run("location-expiry");
        assertThat(location.list()).containsOnlyKeys(ALICE);
        scheduler.run("location-flush");

        // a location started with the clock turned back would load expired rows: bob's is deleted
        Location restartedEarlier = Beans.constructed(new Location(server.database(), TestClock.at(START),
                new ManualScheduler(), SETTINGS));
        assertThat(contacts(restartedEarlier)).isEqualTo(Map.of(ALICE, List.of("sip:alice@198.51.100.1")));
        assertThat(restarted(server.database()).lookup(ALICE)).singleElement()
                .satisfies(stored -> assertThat(stored.cseq()).isEqualTo(2));
    }

    @OnEveryDatabase
    void cleanStopWritesWhatIsNotWrittenYet(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 3600));
        add(location, BOB, binding(BOB, "sip:bob@198.51.100.2", 3600));
        scheduler.run("location-flush");
        clock.advanceSeconds(1);
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.3", 3600));
        location.remove(BOB); // location:remove of the admin API

        location.stop(null);

        assertThat(contacts(restarted(server.database()))).isEqualTo(contacts(location))
                .containsOnlyKeys(ALICE);
    }

    @Test
    void valueWiderThanItsColumnIsRefusedAtOnceNotAtTheFlush() {
        Location location = location(TestDatabase.H2.empty());
        Binding tooLong = new Binding(0, ALICE, "sip:alice@198.51.100.1", 1.0, clock.instant().plusSeconds(60),
                "c".repeat(256), 1, clock.instant(), Optional.empty(), Optional.empty(), "", List.of());

        assertThatThrownBy(() -> add(location, ALICE, tooLong)).isInstanceOf(InvalidDataException.class)
                .hasMessage("Call-ID too long (at most 255 characters)");
        assertThat(location.lookup(ALICE)).isEmpty();
    }

    @Test
    void registersTheFlushTimer() {
        location(TestDatabase.H2.empty());

        assertThat(scheduler.tasks()).containsEntry("location-flush", Duration.ofMillis(500))
                .containsEntry("location-expiry", Duration.ofSeconds(60));
    }

    private Location location(Database database) {
        return Beans.constructed(new Location(database, clock, scheduler, SETTINGS));
    }

    /** A new location over the same database, as after a restart of the router. */
    private Location restarted(Database database) {
        return Beans.constructed(new Location(database, clock, new ManualScheduler(), SETTINGS));
    }

    private Binding binding(Aor aor, String contact, long seconds) {
        return TestBindings.binding(clock, aor, contact, 1.0, seconds);
    }

    /** The change of a REGISTER refreshing {@code binding} for an hour with CSeq {@code cseq}. */
    private UnaryOperator<List<Binding>> refreshed(Binding binding, long cseq) {
        return current -> List.of(new Binding(binding.id(), binding.aor(), binding.contact(), binding.q(),
                clock.instant().plusSeconds(3600), binding.callId(), cseq, clock.instant(), binding.received(),
                binding.socket(), binding.userAgent(), binding.path()));
    }

    /** The contacts location holds, by address-of-record, most preferred first: what survives a restart. */
    private static Map<Aor, List<String>> contacts(Location location) {
        Map<Aor, List<String>> contacts = new TreeMap<>(Comparator.comparing(Aor::toString));
        location.list().forEach((aor, bindings) -> contacts.put(aor, bindings.stream().map(Binding::contact).toList()));
        return contacts;
    }
}
