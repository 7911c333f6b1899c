package org.interchange.it.support.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Everything an agent received, in arrival order, and the bounded waits for it. A message is handed to one wait
 * only; retransmissions and messages that could not be parsed or processed are kept for the failure report but never handed out.
 * Thread-safe.
 */
final class Inbox {

    private enum State { WAITING, TAKEN, RETRANSMISSION, UNUSABLE }

    private static final class Entry {
        final Optional<Received> message;
        final String description;
        State state;

        Entry(Optional<Received> message, String description, State state) {
            this.message = message;
            this.description = description;
            this.state = state;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(Received message) {
        entries.add(new Entry(Optional.of(message), message.summary(), State.WAITING));
        notifyAll();
    }

    synchronized void addRetransmission(Received message) {
        entries.add(new Entry(Optional.of(message), message.summary(), State.RETRANSMISSION));
    }

    synchronized void addUnusable(String description) {
        entries.add(new Entry(Optional.empty(), description, State.UNUSABLE));
    }

    /**
     * The first message not handed out yet that matches, waiting for it up to {@code timeout}.
     *
     * @param what  what is awaited, for the failure message ("a 200 to INVITE")
     * @param owner who waits, for the failure message
     * @throws AssertionError when none arrives in time; it lists everything that did arrive
     */
    synchronized Received take(Predicate<Received> which, String what, Duration timeout, String owner) {
        try {
            return poll(which, timeout).orElseThrow(() -> new AssertionError(owner + " received no " + what
                    + " within " + timeout.toSeconds() + " s; it received "
                    + (entries.isEmpty() ? "nothing" : ":\n" + report())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(owner + " was interrupted waiting for " + what, e);
        }
    }

    /** The first message not handed out yet that matches, waiting for it up to {@code timeout}; empty when none came. */
    synchronized Optional<Received> poll(Predicate<Received> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Entry entry : entries) {
                if (entry.state == State.WAITING && which.test(entry.message.orElseThrow())) {
                    entry.state = State.TAKEN;
                    return entry.message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every message that parsed, retransmissions included, in arrival order. */
    synchronized List<Received> all() {
        return entries.stream().flatMap(entry -> entry.message.stream()).toList();
    }

    /** What arrived but could not be parsed or processed, described, in arrival order. */
    synchronized List<String> unusable() {
        return entries.stream().filter(entry -> entry.state == State.UNUSABLE).map(entry -> entry.description)
                .toList();
    }

    /** One line per arrival, with what became of it. */
    private String report() {
        StringBuilder report = new StringBuilder();
        for (Entry entry : entries) {
            report.append("  ").append(entry.state.name().toLowerCase()).append(": ").append(entry.description)
                    .append('\n');
        }
        return report.toString();
    }
}
