package org.interchange.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interchange.location.TestBindings.add;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.interchange.core.Beans;
import org.interchange.core.ManualScheduler;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.persistence.InvalidDataException;
import org.interchange.core.persistence.OnEveryDatabase;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.persistence.TestDatabase.StoppableDatabase;
import org.interchange.core.sip.Aor;
import org.interchange.core.sip.SipRequests;
import org.junit.jupiter.api.Test;

/** Location in write-through mode; {@link LocationWriteBehindTest} for what differs in write-behind mode. */
class LocationTest {

    private static final Aor ALICE = Aor.parse("alice@example.com");
    private static final Aor BOB = Aor.parse("bob@example.com");
    private static final String START = "2026-11-22T10:00:00Z";

    private final TestClock clock = TestClock.at(START);
    private final ManualScheduler scheduler = new ManualScheduler();

    @OnEveryDatabase
    void bindingsComeByQThenMostRecentFirst(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 0.5, 3600));
        clock.advanceSeconds(10);
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.2", 1.0, 3600));
        clock.advanceSeconds(10);
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.3", 1.0, 3600));

        assertThat(location.lookup(ALICE)).extracting(Binding::contact).containsExactly(
                "sip:alice@198.51.100.3", "sip:alice@198.51.100.2", "sip:alice@198.51.100.1");
    }

    @OnEveryDatabase
    void storedBindingsGetIdsAndKeepEveryField(TestDatabase server) {
        Location location = location(server.empty());
        Binding requested = new Binding(0, ALICE, "sip:alice@198.51.100.7:5060;transport=tcp", 0.25,
                clock.instant().plusSeconds(600), "call-7@198.51.100.7", 42, clock.instant(),
                Optional.of(SipRequests.USER_AGENT), Optional.of(SipRequests.LISTENER), "Phone/1.0",
                List.of("<sip:edge1.example.net;lr>", "<sip:edge2.example.net;lr>"));

        List<Binding> stored = location.update(ALICE, current -> List.of(requested));

        assertThat(stored).singleElement().satisfies(binding -> {
            assertThat(binding.id()).isPositive();
            assertThat(binding).isEqualTo(requested.withId(binding.id()));
        });
        assertThat(location.lookup(ALICE)).isEqualTo(stored);
    }

    @OnEveryDatabase
    void changeReceivesTheCurrentBindingsAndMayDropOne(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 3600));
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.2", 1.0, 3600));

        location.update(ALICE, current -> current.stream()
                .filter(binding -> !binding.contact().equals("sip:alice@198.51.100.1")).toList());

        assertThat(location.lookup(ALICE)).extracting(Binding::contact).containsExactly("sip:alice@198.51.100.2");
        assertThat(restarted(server).lookup(ALICE)).extracting(Binding::contact)
                .containsExactly("sip:alice@198.51.100.2");
    }

    @OnEveryDatabase
    void refreshedBindingKeepsItsId(TestDatabase server) {
        Location location = location(server.empty());
        Binding first = add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 60));
        clock.advanceSeconds(30);

        List<Binding> refreshed = location.update(ALICE, current -> List.of(new Binding(first.id(), ALICE,
                first.contact(), 1.0, clock.instant().plusSeconds(3600), "call-1", 2, clock.instant(),
                first.received(), first.socket(), first.userAgent(), first.path())));

        assertThat(refreshed).singleElement().satisfies(binding -> {
            assertThat(binding.id()).isEqualTo(first.id());
            assertThat(binding.cseq()).isEqualTo(2);
        });
        assertThat(restarted(server).lookup(ALICE)).isEqualTo(refreshed);
    }

    @OnEveryDatabase
    void expiredBindingIsNotReturned(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 60));
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.2", 1.0, 3600));

        clock.advanceSeconds(60);

        assertThat(location.lookup(ALICE)).extracting(Binding::contact).containsExactly("sip:alice@198.51.100.2");
        assertThat(location.list().get(ALICE)).extracting(Binding::contact).containsExactly("sip:alice@198.51.100.2");
    }

    @OnEveryDatabase
    void changeDoesNotSeeExpiredBindings(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 60));
        clock.advanceSeconds(61);
        List<List<Binding>> seen = new ArrayList<>();

        location.update(ALICE, current -> {
            seen.add(current);
            return current;
        });

        assertThat(seen).containsExactly(List.of());
        assertThat(location.list()).doesNotContainKey(ALICE);
    }

    @OnEveryDatabase
    void expiryTimerDeletesExpiredBindings(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 60));
        add(location, BOB, binding(BOB, "sip:bob@198.51.100.2", 1.0, 3600));
        clock.advanceSeconds(120);

        scheduler.run("location-expiry");

        // a location started with the clock turned back would load expired rows: there are none left
        Location restartedEarlier = Beans.constructed(new Location(server.database(), TestClock.at(START),
                new ManualScheduler(), settings()));
        assertThat(restartedEarlier.lookup(ALICE)).isEmpty();
        assertThat(restartedEarlier.lookup(BOB)).extracting(Binding::contact).containsExactly("sip:bob@198.51.100.2");
    }

    @OnEveryDatabase
    void changeThatThrowsChangesNothing(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 3600));
        List<Binding> before = location.lookup(ALICE);

        assertThatThrownBy(() -> location.update(ALICE, current -> {
            throw new IllegalStateException("rejected");
        })).hasMessage("rejected");

        assertThat(location.lookup(ALICE)).isEqualTo(before);
        assertThat(restarted(server).lookup(ALICE)).isEqualTo(before);
    }

    @OnEveryDatabase
    void bindingsSurviveARestart(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 0.5, 3600));
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.2", 1.0, 3600));
        add(location, BOB, binding(BOB, "sip:bob@198.51.100.3", 1.0, 3600));

        Location restarted = restarted(server);

        assertThat(restarted.list()).isEqualTo(location.list());
        assertThat(restarted.lookup(ALICE)).extracting(Binding::contact)
                .containsExactly("sip:alice@198.51.100.2", "sip:alice@198.51.100.1");
    }

    @OnEveryDatabase
    void removeDropsEveryBindingOfOneAddressOfRecord(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 3600));
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.2", 1.0, 3600));
        add(location, BOB, binding(BOB, "sip:bob@198.51.100.3", 1.0, 3600));

        assertThat(location.remove(ALICE)).isEqualTo(2);

        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(location.list()).containsOnlyKeys(BOB);
        assertThat(restarted(server).list()).containsOnlyKeys(BOB);
    }

    @OnEveryDatabase
    void removeContactDropsOnlyThatBinding(TestDatabase server) {
        Location location = location(server.empty());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 3600));
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.2", 1.0, 3600));

        assertThat(location.removeContact(ALICE, "sip:alice@198.51.100.1")).isTrue();
        assertThat(location.removeContact(ALICE, "sip:alice@198.51.100.9")).isFalse();

        assertThat(location.lookup(ALICE)).extracting(Binding::contact).containsExactly("sip:alice@198.51.100.2");
        assertThat(restarted(server).lookup(ALICE)).extracting(Binding::contact)
                .containsExactly("sip:alice@198.51.100.2");
    }

    @Test
    void failingDatabaseRefusesTheChangeAndKeepsWhatIsKnown() {
        StoppableDatabase database = TestDatabase.ownH2();
        Location location = location(database.database());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 3600));
        var before = location.list();

        database.stop();

        assertThatThrownBy(() -> add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.2", 1.0, 3600)))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThatThrownBy(() -> location.remove(ALICE)).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(location.list()).isEqualTo(before);
        assertThat(location.lookup(ALICE)).extracting(Binding::contact).containsExactly("sip:alice@198.51.100.1");
    }

    @Test
    void expiryTimerForgetsExpiredBindingsWhileTheDatabaseIsDown() {
        StoppableDatabase database = TestDatabase.ownH2();
        Location location = location(database.database());
        add(location, ALICE, binding(ALICE, "sip:alice@198.51.100.1", 1.0, 60));
        add(location, BOB, binding(BOB, "sip:bob@198.51.100.3", 1.0, 3600));
        clock.advanceSeconds(61);
        database.stop();

        scheduler.run("location-expiry");

        assertThat(location.list()).containsOnlyKeys(BOB);
    }

    @OnEveryDatabase
    void callIdLongerThanItsColumnIsRefusedNamingItAndChangesNothing(TestDatabase server) {
        Location location = location(server.empty());
        Binding tooLong = new Binding(0, ALICE, "sip:alice@198.51.100.1", 1.0, clock.instant().plusSeconds(60),
                "c".repeat(256), 1, clock.instant(), Optional.empty(), Optional.empty(), "", List.of());

        assertThatThrownBy(() -> add(location, ALICE, tooLong))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("Call-ID too long (at most 255 characters)");
        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(restarted(server).lookup(ALICE)).isEmpty();
    }

    @Test
    void registersTheExpiryTimer() {
        location(TestDatabase.H2.empty());

        assertThat(scheduler.tasks()).containsEntry("location-expiry", Duration.ofSeconds(60))
                .doesNotContainKey("location-flush");
    }

    private Location location(Database database) {
        return Beans.constructed(new Location(database, clock, scheduler, settings()));
    }

    /** A new location over the same database, as after a restart of the router. */
    private Location restarted(TestDatabase server) {
        return Beans.constructed(new Location(server.database(), clock, new ManualScheduler(), settings()));
    }

    private static LocationSettings settings() {
        return new LocationSettings(Duration.ofSeconds(60), LocationSettings.DbMode.WRITE_THROUGH,
                Duration.ofSeconds(1));
    }

    private Binding binding(Aor aor, String contact, double q, long seconds) {
        return TestBindings.binding(clock, aor, contact, q, seconds);
    }
}
