package org.interchange.core;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Registration only: the tasks' periods are an hour, so none runs during the test. */
class SchedulerTest {

    @Test
    void tasksAreListedByNameWithTheirPeriods() {
        Scheduler scheduler = new Scheduler();
        try {
            scheduler.every("location-expiry", Duration.ofHours(1), () -> { });
            scheduler.every("auth-nonce-counts", Duration.ofHours(2), () -> { });

            assertThat(scheduler.tasks()).containsExactly(
                    entry("auth-nonce-counts", Duration.ofHours(2)),
                    entry("location-expiry", Duration.ofHours(1)));
        } finally {
            scheduler.shutdown();
        }
    }

    @Test
    void aNameIsRegisteredOnce() {
        Scheduler scheduler = new Scheduler();
        try {
            scheduler.every("location-expiry", Duration.ofHours(1), () -> { });

            assertThatThrownBy(() -> scheduler.every("location-expiry", Duration.ofHours(1), () -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("timer location-expiry is registered already");
        } finally {
            scheduler.shutdown();
        }
    }
}
