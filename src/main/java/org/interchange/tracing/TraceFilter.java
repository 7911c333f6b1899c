package org.interchange.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.interchange.container.trace.TappedMessage;
import org.interchange.tracing.internal.Followed;

/**
 * A running trace: what it selects and where it sends it (OpenSIPS's {@code trace_start}).
 *
 * @param id         its name, for {@code stop}: the caller's, or a number the router gives
 * @param conditions what a message must pass, every one
 * @param scope      what else a message that passes brings with it: its transaction, its dialog
 * @param to         the destinations configured that the messages go to
 * @param collector  a HEP collector of this trace's own, used while it runs (trace_start's {@code hep:} URI)
 * @param started    when it started
 */
public record TraceFilter(String id, List<Condition> conditions, Scope scope, Set<Destination> to,
                          Optional<HepDestination> collector, Instant started) {

    /** How long a transaction is followed after its last message: 64 * T1, the longest a transaction lives. */
    static final Duration TRANSACTION_TIME = Duration.ofSeconds(32);
    /** How long a dialog is followed after its last message, unless a BYE ended it. */
    static final Duration DIALOG_TIME = Duration.ofHours(1);
    /** The transactions or dialogs a trace follows at once, at most. */
    static final int FOLLOWED = 50_000;

    public TraceFilter {
        Objects.requireNonNull(id);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(collector);
        Objects.requireNonNull(started);
        conditions = List.copyOf(conditions);
        to = Set.copyOf(to);
        if (id.isBlank()) {
            throw new InvalidTraceException("a trace needs an id");
        }
        if (conditions.isEmpty()) {
            throw new InvalidTraceException("a trace needs a condition: all, or what to match");
        }
        if (to.isEmpty() && collector.isEmpty()) {
            throw new InvalidTraceException("a trace needs a destination: hep or database");
        }
    }

    /** A trace of the messages that pass one condition, to destinations configured: the admin API's. */
    public static TraceFilter of(String id, Match match, String value, Set<Destination> to, Instant started) {
        return new TraceFilter(id, List.of(new Condition(match, value)), Scope.MESSAGE, to, Optional.empty(),
                started);
    }

    /**
     * The test of a message, with the values parsed once: called on the SIP stack's threads for every message while
     * the trace runs, so it does no I/O and never waits. A trace wider than a message gets its own record of the
     * transactions or dialogs it follows, bounded ({@link #FOLLOWED}) and forgetting them after a while, by the
     * stack's clock.
     */
    public Predicate<TappedMessage> selector() {
        Predicate<TappedMessage> passes = conditions.stream().map(Condition::test).reduce(Predicate::and)
                .orElseThrow();
        return switch (scope) {
            case MESSAGE -> passes;
            case TRANSACTION -> following(passes, message -> true, TraceFilter::transaction,
                    message -> TRANSACTION_TIME);
            case DIALOG -> following(passes, TraceFilter::startsDialog, TappedMessage::callId,
                    message -> message.method().equals("BYE") ? TRANSACTION_TIME : DIALOG_TIME);
        };
    }

    /**
     * Selects what passes and may start what is followed, and then what is followed: the key of a message names
     * its transaction or dialog, followed for {@code time} after each of its messages.
     */
    private static Predicate<TappedMessage> following(Predicate<TappedMessage> passes, Predicate<TappedMessage> starts,
                                                      Function<TappedMessage, String> key,
                                                      Function<TappedMessage, Duration> time) {
        Followed followed = new Followed(FOLLOWED);
        return message -> {
            long now = message.timeMillis();
            long until = now + time.apply(message).toMillis();
            String name = key.apply(message);
            if (followed.renew(name, now, until)) {
                return true;
            }
            if (starts.test(message) && passes.test(message)) {
                followed.follow(name, now, until);
                return true;
            }
            return false;
        };
    }

    /** A request that starts a dialog: an INVITE without a To tag. */
    private static boolean startsDialog(TappedMessage message) {
        return message.status() == 0 && message.method().equals("INVITE") && message.toTag().isEmpty();
    }

    /** Call-ID, CSeq number and method, an ACK's that of its INVITE (RFC 3261 17.1.1.3: the same transaction). */
    private static String transaction(TappedMessage message) {
        String method = message.method().equals("ACK") ? "INVITE" : message.method();
        return message.callId() + ' ' + message.cseqNumber() + ' ' + method;
    }
}
