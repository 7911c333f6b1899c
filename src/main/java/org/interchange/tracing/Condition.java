package org.interchange.tracing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Predicate;

import org.interchange.container.config.HostPort;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.trace.TappedMessage;

/**
 * One test of a trace: a match and its value ({@code caller=alice@example.com}). A trace holds one or more, all of
 * which a message must pass, as OpenSIPS ANDs the filters of {@code trace_start}.
 *
 * @param match what it tests
 * @param value the user, source or Call-ID tested; empty for {@link Match#ALL}
 */
public record Condition(Match match, String value) {

    public Condition {
        Objects.requireNonNull(match);
        value = value == null ? "" : value.trim();
        if (match == Match.ALL && !value.isEmpty()) {
            throw new InvalidTraceException("a trace of all messages takes no value");
        }
        if (match != Match.ALL && value.isEmpty()) {
            throw new InvalidTraceException("a trace by " + match.key() + " needs a value");
        }
        if (match == Match.SOURCE) {
            source(value);
        }
    }

    /**
     * The test of a message, with the value parsed once: called on the SIP stack's threads for every message while
     * the trace runs, so it does no I/O.
     */
    public Predicate<TappedMessage> test() {
        return switch (match) {
            case ALL -> message -> true;
            case CALLID -> message -> value.equals(message.callId());
            case USER -> message -> isUser(message.fromUser()) || isUser(message.toUser())
                    || isUser(message.requestUser());
            case CALLER -> message -> isUser(message.fromUser());
            case CALLEE -> message -> isUser(message.requestUser());
            case SOURCE -> {
                HostPort source = source(value);
                InetAddress address = IpAddresses.parseLiteral(source.host()).orElseThrow();
                int port = source.port().orElse(0);
                yield message -> {
                    InetSocketAddress peer = message.sent() ? message.destination() : message.source();
                    return address.equals(peer.getAddress()) && (port == 0 || port == peer.getPort());
                };
            }
        };
    }

    /** {@code callid=abc@host}, or {@code all}. */
    @Override
    public String toString() {
        return match == Match.ALL ? match.key() : match.key() + "=" + value;
    }

    /**
     * Whether {@code user@host} is the value: the user as it is (RFC 3261 19.1.4), the domain in any case; a value
     * without a domain is a user in any domain.
     */
    private boolean isUser(String userAtHost) {
        int at = userAtHost.indexOf('@');
        int valueAt = value.indexOf('@');
        if (valueAt < 0) {
            return at == value.length() && userAtHost.startsWith(value);
        }
        return at == valueAt && userAtHost.length() == value.length() && userAtHost.startsWith(value.substring(0, at))
                && userAtHost.regionMatches(true, at, value, at, value.length() - at);
    }

    private static HostPort source(String value) {
        HostPort source;
        try {
            source = HostPort.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidTraceException("source " + e.getMessage());
        }
        if (IpAddresses.parseLiteral(source.host()).isEmpty()) {
            throw new InvalidTraceException("source '" + value + "' is no IP address (198.51.100.7, "
                    + "198.51.100.7:5060, [2001:db8::7]:5060)");
        }
        return source;
    }
}
