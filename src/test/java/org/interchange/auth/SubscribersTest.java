package org.interchange.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.interchange.RouterBeans;
import org.interchange.core.Beans;
import org.interchange.core.ManualScheduler;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.core.persistence.OnEveryDatabase;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.core.persistence.TestDatabase.StoppableDatabase;
import org.interchange.core.sip.Aor;
import org.junit.jupiter.api.Test;

class SubscribersTest {

    private final ManualScheduler scheduler = new ManualScheduler();

    private static final Aor ALICE = Aor.parse("alice@example.com");

    @OnEveryDatabase
    void savedSubscriberHasTheHashOfEachAlgorithm(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());

        subscribers.save(ALICE, "wonderland");

        assertThat(subscribers.exists(ALICE)).isTrue();
        assertThat(subscribers.ha1s("alice", "example.com")).hasValue(Map.of(
                DigestAlgorithm.MD5, DigestAlgorithm.MD5.ha1("alice", "example.com", "wonderland"),
                DigestAlgorithm.SHA_256, DigestAlgorithm.SHA_256.ha1("alice", "example.com", "wonderland"),
                DigestAlgorithm.SHA_512_256, DigestAlgorithm.SHA_512_256.ha1("alice", "example.com", "wonderland")));
    }

    @OnEveryDatabase
    void savingAgainChangesThePassword(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());
        subscribers.save(ALICE, "wonderland");

        subscribers.save(ALICE, "looking-glass");

        assertThat(subscribers.ha1s("alice", "example.com")).hasValueSatisfying(hashes -> assertThat(
                hashes.get(DigestAlgorithm.MD5)).isEqualTo(DigestAlgorithm.MD5.ha1("alice", "example.com", "looking-glass")));
        assertThat(subscribers.list()).containsExactly(ALICE);
    }

    @OnEveryDatabase
    void subscriberIsFoundByItsCanonicalUser(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());

        subscribers.save(new Aor("%61lice", "Example.COM"), "wonderland");

        assertThat(subscribers.exists(ALICE)).isTrue();
    }

    @OnEveryDatabase
    void userPartIsCaseSensitive(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());
        subscribers.save(ALICE, "wonderland");
        Aor capitalised = Aor.parse("Alice@example.com");

        assertThat(subscribers.exists(capitalised)).isFalse();
        assertThat(subscribers.ha1s("Alice", "example.com")).isEmpty();
        assertThat(subscribers.remove(capitalised)).isFalse();
        assertThat(subscribers.exists(ALICE)).isTrue();
    }

    @OnEveryDatabase
    void usersDifferingInCaseAreTwoSubscribers(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());
        subscribers.save(ALICE, "wonderland");

        subscribers.save(Aor.parse("Alice@example.com"), "looking-glass");

        assertThat(subscribers.list()).extracting(Aor::user).containsExactlyInAnyOrder("alice", "Alice");
        assertThat(subscribers.ha1s("alice", "example.com")).hasValueSatisfying(hashes -> assertThat(
                hashes.get(DigestAlgorithm.MD5)).isEqualTo(DigestAlgorithm.MD5.ha1("alice", "example.com", "wonderland")));
    }

    @OnEveryDatabase
    void addingAUserDifferingOnlyInCaseNeverChangesTheOther(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());
        subscribers.save(ALICE, "wonderland");

        subscribers.save(Aor.parse("Alice@example.com"), "looking-glass");

        assertThat(subscribers.ha1s("alice", "example.com")).hasValueSatisfying(hashes -> assertThat(
                hashes.get(DigestAlgorithm.MD5)).isEqualTo(DigestAlgorithm.MD5.ha1("alice", "example.com", "wonderland")));
    }

    @OnEveryDatabase
    void unknownUserHasNoHashes(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());
        subscribers.save(ALICE, "wonderland");

        assertThat(subscribers.ha1s("alice", "example.net")).isEmpty();
        assertThat(subscribers.ha1s("bob", "example.com")).isEmpty();
    }

    @OnEveryDatabase
    void removedSubscriberIsGone(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());
        subscribers.save(ALICE, "wonderland");

        assertThat(subscribers.remove(ALICE)).isTrue();
        assertThat(subscribers.remove(ALICE)).isFalse();
        assertThat(subscribers.exists(ALICE)).isFalse();
    }

    @OnEveryDatabase
    void listIsByDomainThenUser(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());
        subscribers.save(Aor.parse("carol@example.net"), "x");
        subscribers.save(Aor.parse("bob@example.com"), "x");
        subscribers.save(ALICE, "x");

        assertThat(subscribers.list()).extracting(Aor::toString)
                .containsExactly("alice@example.com", "bob@example.com", "carol@example.net");
    }

    @OnEveryDatabase
    void emptyPasswordIsRefused(TestDatabase server) {
        Subscribers subscribers = subscribers(server.empty());

        assertThatThrownBy(() -> subscribers.save(ALICE, "")).hasMessage("the password is empty");
        assertThat(subscribers.exists(ALICE)).isFalse();
    }

    @Test
    void subscribersAreReadFromMemoryWhileTheDatabaseIsDown() {
        StoppableDatabase database = TestDatabase.ownH2();
        Subscribers subscribers = subscribers(database.database());
        subscribers.save(ALICE, "wonderland");

        database.stop();

        assertThat(subscribers.exists(ALICE)).isTrue();
        assertThat(subscribers.ha1s("alice", "example.com")).isPresent();
        assertThat(subscribers.list()).containsExactly(ALICE);
    }

    @OnEveryDatabase
    void refreshLoadsRowsWrittenByAnotherRouterAndForgetsRemovedOnes(TestDatabase server) {
        Database database = server.empty();
        Subscribers subscribers = subscribers(database);
        Subscribers otherRouter = Beans.constructed(new Subscribers(database, new ManualScheduler(),
                RouterBeans.auth(true, Set.of(), List.of())));
        subscribers.save(Aor.parse("bob@example.com"), "x");

        otherRouter.save(ALICE, "wonderland");
        otherRouter.remove(Aor.parse("bob@example.com"));
        assertThat(subscribers.exists(ALICE)).isFalse();
        scheduler.run("auth-subscriber-refresh");

        assertThat(subscribers.list()).containsExactly(ALICE);
    }

    @Test
    void failedRefreshKeepsTheSubscribersInMemory() {
        StoppableDatabase database = TestDatabase.ownH2();
        Subscribers subscribers = subscribers(database.database());
        subscribers.save(ALICE, "wonderland");
        database.stop();

        scheduler.run("auth-subscriber-refresh");

        assertThat(subscribers.exists(ALICE)).isTrue();
    }

    @Test
    void changeThatTheDatabaseRefusesChangesNothingInMemory() {
        StoppableDatabase database = TestDatabase.ownH2();
        Subscribers subscribers = subscribers(database.database());
        database.stop();

        assertThatThrownBy(() -> subscribers.save(ALICE, "wonderland"))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(subscribers.exists(ALICE)).isFalse();
    }

    private Subscribers subscribers(Database database) {
        return Beans.constructed(new Subscribers(database, scheduler, RouterBeans.auth(true, Set.of(), List.of())));
    }
}
