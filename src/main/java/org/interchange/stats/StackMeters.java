package org.interchange.stats;

import java.util.Locale;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.interchange.container.StackState;
import org.interchange.core.RouterStarting;

/**
 * Meters over what the container layer counts below the router's servlets ({@link StackState}): malformed messages
 * ({@code core:bad_msg_hdr}), replies sent statelessly in the stack ({@code sl:sent_replies},
 * {@code sl:sent_err_replies}: pings answered, malformed requests refused), datagrams shed under overload ({@code net:shed_datagrams}, by reason), datagrams
 * waiting for a stack thread ({@code net:waiting_udp}) and open transactions ({@code tm:inuse_transactions}). They
 * are read when scraped: nothing is added to the receive path but a counter's increment.
 */
@ApplicationScoped
class StackMeters {

    void register(@Observes RouterStarting starting, MeterRegistry registry) {
        FunctionCounter.builder("interchange.core.bad_msg_hdr", StackState.class, s -> StackState.malformedMessages())
                .description("messages refused as malformed (answered 400 or 505 when they can be)")
                .register(registry);
        for (StackState.Shed reason : StackState.Shed.values()) {
            FunctionCounter.builder("interchange.net.shed_datagrams", reason, StackState::shedDatagrams)
                    .description("datagrams dropped before processing, under overload; senders retransmit")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        FunctionCounter.builder("interchange.sl.sent_replies", StackState.class, s -> StackState.statelessReplies())
                .description("replies sent without a transaction: to pings, and to malformed requests")
                .register(registry);
        FunctionCounter.builder("interchange.sl.sent_err_replies", StackState.class,
                        s -> StackState.statelessErrors())
                .description("error replies sent without a transaction (to malformed requests)")
                .register(registry);
        Gauge.builder("interchange.net.waiting_udp", StackState::waitingDatagrams)
                .description("datagrams received and waiting for a stack thread")
                .register(registry);
        Gauge.builder("interchange.tm.inuse_transactions",
                        () -> StackState.serverTransactions() + StackState.clientTransactions())
                .description("transactions open in the SIP stack, server and client")
                .register(registry);
    }
}
