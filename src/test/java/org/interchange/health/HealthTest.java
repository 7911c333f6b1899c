package org.interchange.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.interchange.core.TestClock;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.junit.jupiter.api.Test;

class HealthTest {

    private final TestClock clock = TestClock.at("2026-12-07T10:00:00Z");
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final List<String> open = new ArrayList<>(List.of("udp:127.0.0.1:5060", "tcp:127.0.0.1:5060"));
    private final List<DatabaseStateChanged> changes = new ArrayList<>();
    private final Health health = new Health(() -> {
        if (databaseDown.get()) {
            throw new DatabaseUnavailableException("database unavailable: Connection refused", null);
        }
    }, () -> List.copyOf(open), List.of("udp:127.0.0.1:5060", "tcp:127.0.0.1:5060"), clock, changes::add);

    @Test
    void notReadyBeforeTheDatabaseWasChecked() {
        HealthReport ready = health.readiness();

        assertThat(ready.status()).isEqualTo(HealthReport.DOWN);
        assertThat(ready.checks()).contains(new HealthReport.Check("database", "DOWN", "not checked yet"));
    }

    @Test
    void notReadyWhileAListenerIsNotOpen() {
        health.probe();
        open.remove("tcp:127.0.0.1:5060");

        assertThat(health.readiness().checks())
                .contains(new HealthReport.Check("sip-listeners", "DOWN", "not open: tcp:127.0.0.1:5060"));
    }

    @Test
    void unreachableDatabaseMakesTheRouterUnreadyAndIsToldOnceEachWay() {
        health.probe();
        databaseDown.set(true);
        clock.advanceSeconds(1);
        health.probe();
        health.probe();

        assertThat(health.readiness().checks()).contains(new HealthReport.Check("database", "DOWN",
                "database unavailable: Connection refused (at 2026-12-07T10:00:01Z)"));
        databaseDown.set(false);
        clock.advanceSeconds(1);
        health.probe();

        assertThat(changes).extracting(DatabaseStateChanged::reachable).containsExactly(false, true);
        assertThat(changes.get(0).at()).isEqualTo(clock.instant().minusSeconds(1));
        assertThat(health.readiness().checks()).filteredOn(check -> check.name().equals("database"))
                .extracting(HealthReport.Check::status).containsExactly("UP");
    }

    @Test
    void liveWhateverTheDatabase() {
        databaseDown.set(true);
        health.probe();

        assertThat(health.liveness().up()).isTrue();
    }
}
