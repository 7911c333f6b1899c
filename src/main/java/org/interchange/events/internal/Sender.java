package org.interchange.events.internal;

import java.io.IOException;
import java.time.Duration;

import org.interchange.events.EventSettings.Destination;
import org.interchange.events.RouterEvent;

/** Hands one event to a destination, blocking at most the delivery timeout. Used by one thread at a time. */
interface Sender extends AutoCloseable {

    /**
     * Delivers an event, returning once the destination has taken it (a webhook's 2xx, a broker's confirm).
     *
     * @throws IOException when it did not: the event is tried again later
     */
    void send(RouterEvent event, byte[] json) throws IOException, InterruptedException;

    /** Whether the destination is reachable, as far as is known ({@link org.interchange.events.DestinationState}). */
    boolean connected();

    /** Releases connections; any thread. */
    @Override
    void close();

    static Sender of(Destination destination, Duration timeout) {
        return switch (destination.transport()) {
            case WEBHOOK -> new WebhookSender(destination, timeout);
            case AMQP -> new AmqpSender(destination, timeout);
        };
    }
}
