package org.interchange.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Statistics statistics = new Statistics(registry);
    private final Counter invites = registry.counter("interchange.core.rcv_requests", "method", "INVITE");
    private final Counter byes = registry.counter("interchange.core.rcv_requests", "method", "BYE");
    private final Counter drops = registry.counter("interchange.core.drop_requests");
    private final AtomicInteger inUse = registry.gauge("interchange.tm.inuse_transactions", new AtomicInteger());

    StatisticsTest() {
        registry.counter("jvm.something.else");
    }

    @Test
    void aStatisticIsItsMeterSummedOverTags() {
        invites.increment(3);
        byes.increment(2);

        assertThat(statistics.get(List.of("core:rcv_requests"))).containsExactly(entry("core:rcv_requests", 5L));
    }

    @Test
    void aGroupNameEndingInAColonAsksForTheWholeGroup() {
        drops.increment();

        assertThat(statistics.get(List.of("core:"))).containsOnlyKeys("core:rcv_requests", "core:drop_requests")
                .containsEntry("core:drop_requests", 1L);
    }

    @Test
    void allOrNoNameAsksForEveryStatisticButNotTheJvmMeters() {
        inUse.set(4);

        assertThat(statistics.get(List.of(Statistics.ALL))).containsOnlyKeys("core:rcv_requests",
                "core:drop_requests", "tm:inuse_transactions").containsEntry("tm:inuse_transactions", 4L);
        assertThat(statistics.get(List.of())).isEqualTo(statistics.get(List.of(Statistics.ALL)));
    }

    @Test
    void aNameWithoutGroupFindsItInAnyGroup() {
        assertThat(statistics.get(List.of("inuse_transactions"))).containsOnlyKeys("tm:inuse_transactions");
    }

    @Test
    void namesAreMatchedInAnyCaseAndTheKnownOnesAloneSkipTheOthers() {
        drops.increment();

        assertThat(statistics.get(List.of("CORE:Drop_Requests"))).containsOnlyKeys("core:drop_requests");
        assertThat(statistics.getKnown(List.of("core:drop_requests", "shmem:", "slow_messages")))
                .containsOnlyKeys("core:drop_requests");
        assertThat(statistics.getKnown(List.of("slow_messages"))).isEmpty();
        assertThat(statistics.resetKnown(List.of("drop_requests", "pkmem:"))).containsExactly("core:drop_requests");
        assertThat(statistics.get(List.of("core:drop_requests"))).containsEntry("core:drop_requests", 0L);
    }

    @Test
    void aNameThatMatchesNothingIsRefusedByName() {
        assertThatThrownBy(() -> statistics.get(List.of("core:rcv_requests", "tm:no_such")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tm:no_such");
        assertThatThrownBy(() -> statistics.reset(List.of("nosuchgroup:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuchgroup:");
    }

    @Test
    void resetZeroesCountersForStatisticsWhilePrometheusStillSeesThemGrow() {
        invites.increment(3);
        inUse.set(2);

        assertThat(statistics.reset(List.of("core:", "tm:"))).containsExactly("core:drop_requests",
                "core:rcv_requests");
        invites.increment();

        assertThat(statistics.get(List.of("core:rcv_requests", "tm:inuse_transactions")))
                .containsEntry("core:rcv_requests", 1L).containsEntry("tm:inuse_transactions", 2L);
        assertThat(invites.count()).isEqualTo(4);
    }

    @Test
    void onlyCountersAndTimersAreResettable() {
        Gauge.builder("interchange.usrloc.registered_users", () -> 1).register(registry);

        assertThat(statistics.resettable("core:drop_requests")).isTrue();
        assertThat(statistics.resettable("usrloc:registered_users")).isFalse();
        assertThat(statistics.groups()).containsExactly("core", "tm", "usrloc");
    }

    private static java.util.Map.Entry<String, Number> entry(String name, Number value) {
        return java.util.Map.entry(name, value);
    }
}
