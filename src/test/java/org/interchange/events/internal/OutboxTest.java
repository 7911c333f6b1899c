package org.interchange.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.core.ManualScheduler;
import org.interchange.core.TestClock;
import org.interchange.events.DestinationState;
import org.interchange.events.EventSettings;
import org.interchange.events.EventSettings.Destination;
import org.interchange.events.RouterEvent;
import org.junit.jupiter.api.Test;

/**
 * One destination's outbox: events go out in order on the delivery thread (here the test's own), a full queue drops
 * its oldest event, a failed delivery is retried after waits that double up to the maximum, and an event older than
 * the maximum age is dropped, never delivered late. The clock is the test's, the scheduler runs retries when told.
 */
class OutboxTest {

    private static final int QUEUE_SIZE = 3;

    private final TestClock clock = TestClock.at("2026-12-07T02:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeSender sender = new FakeSender();
    private final EventSettings settings = new EventSettings("sip1", QUEUE_SIZE, Duration.ofSeconds(300),
            Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5), List.of());
    private final Destination destination = new Destination("hook", URI.create("http://127.0.0.1:1/events"),
            Set.of(), Optional.empty(), Optional.empty(), EventSettings.DEFAULT_EXCHANGE);
    private final Outbox outbox = new Outbox(destination, sender, new EventJson("sip1"), settings, clock,
            Runnable::run, scheduler);

    @Test
    void eventsAreDeliveredInTheOrderTheyHappenedAndCounted() {
        outbox.offer(event("a"));
        outbox.offer(event("b"));

        assertThat(sender.delivered).containsExactly("a", "b");
        assertThat(outbox.state()).extracting(DestinationState::queued, DestinationState::delivered)
                .containsExactly(0, 2L);
    }

    @Test
    void aFailedDeliveryKeepsTheEventAndIsRetriedByTheScheduler() {
        sender.down = true;
        outbox.offer(event("a"));
        assertThat(outbox.state().queued()).isEqualTo(1);
        assertThat(outbox.state().failures()).isEqualTo(1);
        assertThat(outbox.state().lastError()).isEqualTo("connection refused");
        assertThat(outbox.state().lastErrorAt()).isEqualTo("2026-12-07T02:00:00Z");

        sender.down = false;
        assertThat(scheduler.runDelayed()).isEqualTo(1);

        assertThat(sender.delivered).containsExactly("a");
        assertThat(outbox.state().failures()).isZero();
    }

    @Test
    void whileARetryIsPendingNewEventsWaitForItInsteadOfStartingAnotherDelivery() {
        sender.down = true;
        outbox.offer(event("a"));
        outbox.offer(event("b"));

        assertThat(sender.attempts).isEqualTo(1);
        sender.down = false;
        scheduler.runDelayed();
        assertThat(sender.delivered).containsExactly("a", "b");
    }

    @Test
    void aFullQueueDropsItsOldestEventForTheNewOneAndCountsIt() {
        sender.down = true;
        for (String id : List.of("a", "b", "c", "d", "e")) {
            outbox.offer(event(id));
        }

        assertThat(outbox.state().queued()).isEqualTo(QUEUE_SIZE);
        assertThat(outbox.state().droppedFull()).isEqualTo(2);
        sender.down = false;
        scheduler.runDelayed();
        assertThat(sender.delivered).containsExactly("c", "d", "e");
    }

    @Test
    void theWaitBetweenRetriesDoublesFromTheFirstUpToTheMaximum() {
        sender.down = true;
        outbox.offer(event("a"));
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            waits.add(outbox.drain().orElseThrow());
        }

        assertThat(outbox.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(outbox.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anEventOlderThanTheMaximumAgeIsDroppedUndeliveredAndTheYoungerOnesGoOut() {
        sender.down = true;
        outbox.offer(event("old"));
        clock.advanceSeconds(200);
        outbox.offer(event("young"));
        clock.advanceSeconds(101);

        sender.down = false;
        scheduler.runDelayed();

        assertThat(sender.delivered).containsExactly("young");
        assertThat(outbox.state()).extracting(DestinationState::droppedOld, DestinationState::delivered)
                .containsExactly(1L, 1L);
    }

    @Test
    void anEventExactlyAsOldAsTheMaximumIsStillDelivered() {
        sender.down = true;
        outbox.offer(event("a"));
        clock.advanceSeconds(300);

        sender.down = false;
        scheduler.runDelayed();

        assertThat(sender.delivered).containsExactly("a");
    }

    @Test
    void theJsonCarriesNameTimeNodeAndParameters() throws IOException {
        outbox.offer(event("a"));

        JsonNode json = new ObjectMapper().readTree(sender.lastJson);
        assertThat(json.get("name").asText()).isEqualTo("E_TEST_EVENT");
        assertThat(json.get("time").asText()).isEqualTo("2026-12-07T02:00:00Z");
        assertThat(json.get("node").asText()).isEqualTo("sip1");
        assertThat(json.get("params").get("id").asText()).isEqualTo("a");
    }

    private RouterEvent event(String id) {
        return new RouterEvent("E_TEST_EVENT", clock.instant(), Map.of("id", id));
    }

    /** A destination the test takes down and brings back. */
    private static final class FakeSender implements Sender {
        boolean down;
        int attempts;
        final List<String> delivered = new ArrayList<>();
        byte[] lastJson;

        @Override
        public void send(RouterEvent event, byte[] json) throws IOException {
            attempts++;
            if (down) {
                throw new IOException("connection refused");
            }
            delivered.add((String) event.params().get("id"));
            lastJson = json;
        }

        @Override
        public boolean connected() {
            return !down;
        }

        @Override
        public void close() {
            down = true;
        }
    }
}
