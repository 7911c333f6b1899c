package org.interchange.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.Set;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.RouterStarting;
import org.interchange.core.TestClock;
import org.interchange.core.TestConfiguration;
import org.interchange.core.WorkQueues;
import org.interchange.core.persistence.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping traces (trace_start, trace_stop) against the destinations the settings provide. */
class TracingTest {

    @TempDir
    Path directory;

    private final WorkQueues queues = new WorkQueues();
    private Tracing tracing;

    @AfterEach
    void close() {
        if (tracing != null) {
            tracing.close();
        }
        queues.shutdown();
    }

    @Test
    void aTraceWithoutDestinationsGoesToEveryOneConfiguredAndStopsOnce() {
        tracing = tracing("tracing.hep = udp:127.0.0.1:9060\n");

        TraceFilter trace = tracing.start(Match.USER, "alice@example.com", Set.of());

        assertThat(trace.to()).containsExactlyInAnyOrder(Destination.HEP, Destination.DATABASE);
        assertThat(trace.started()).isEqualTo(TestClock.at("2026-01-01T00:00:00Z").instant());
        assertThat(tracing.traces()).containsExactly(trace);
        assertThat(tracing.stop(trace.id())).isTrue();
        assertThat(tracing.stop(trace.id())).isFalse();
        assertThat(tracing.traces()).isEmpty();
    }

    @Test
    void aDestinationNotConfiguredIsRefusedNamingItsSetting() {
        tracing = tracing("tracing.database = false\n");

        assertThatThrownBy(() -> tracing.start(Match.ALL, "", Set.of(Destination.HEP)))
                .isInstanceOf(InvalidTraceException.class).hasMessageContaining("tracing.hep");
        assertThatThrownBy(() -> tracing.start(Match.ALL, "", Set.of()))
                .isInstanceOf(InvalidTraceException.class).hasMessageContaining("destination");
    }

    @Test
    void tracesOfTheConfigurationStartWithTheRouter() {
        tracing = tracing("tracing.start = callid:abc@host, all\n");

        tracing.start(new RouterStarting());

        assertThat(tracing.traces()).extracting(TraceFilter::match, TraceFilter::value)
                .containsExactly(tuple(Match.CALLID, "abc@host"),
                        tuple(Match.ALL, ""));
    }

    @Test
    void aBadSettingStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> tracing("tracing.hep = http://collector\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("tracing.hep");
        assertThatThrownBy(() -> tracing("tracing.hep-version = 2\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("tracing.hep-version");
        assertThatThrownBy(() -> tracing("tracing.database = false\ntracing.start = all\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("no destination");
    }

    private Tracing tracing(String settings) {
        return new Tracing(TestConfiguration.load(directory, settings), TestDatabase.H2.empty(), queues,
                TestClock.at("2026-01-01T00:00:00Z"));
    }
}
