package org.interchange.listener;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.interchange.core.IpNetwork;
import org.interchange.core.sip.InboundRequest;
import org.interchange.core.sip.SipUri;

/**
 * The socket rules of the configuration, tried in the order of the file; the first that matches wins. A rule reads
 * <pre>
 * socket.rule.media.ruri-user   = ^\\*33[0-9]+$
 * socket.rule.media.socket      = private
 * socket.rule.media.destination = sip:10.0.0.100
 * </pre>
 * A properties file takes a backslash as an escape: write a regular expression's backslash twice ({@code \\*},
 * {@code \\d}). A {@code ^} followed by a quantifier ({@code ^*}, what the file turns {@code ^\*} into) is refused.
 * Conditions: {@code source} (networks), {@code received-on} (listener names), {@code ruri-user} (a regular
 * expression for the whole user part), {@code domain} (Request-URI hosts), {@code method}, {@code transport}.
 * Actions: {@code socket} (a listener name, {@code proto:address:port} or {@code proto:received[:port]}) and
 * {@code destination} (a SIP URI). Thread-safe: {@code reload} replaces the list as a whole, and a request is
 * matched against one list or the other.
 */
public final class SocketRules {

    /** The key prefix of rules. */
    public static final String PREFIX = "socket.rule";

    private volatile List<SocketRule> rules;
    private final Listeners listeners;

    public SocketRules(List<SocketRule> rules, Listeners listeners) {
        this.rules = List.copyOf(rules);
        this.listeners = listeners;
    }

    /**
     * The rules of a configuration, checked against its listeners: a rule may only name listeners that exist, and a
     * fixed listener must be able to reach a numeric destination (same address family).
     */
    public static SocketRules from(RouterConfiguration config, Listeners listeners) {
        List<SocketRule> rules = new ArrayList<>();
        for (String name : config.namesUnder(PREFIX)) {
            String key = PREFIX + "." + name + ".";
            Optional<ForcedSocket> socket = Optional.ofNullable(
                    config.parsed(key + "socket", null, text -> ForcedSocket.parse(text, listeners)));
            Optional<SipUri> destination = Optional.ofNullable(config.parsed(key + "destination", null, SipUri::parse));
            if (socket.isEmpty() && destination.isEmpty()) {
                throw config.invalid(key + "socket", "rule " + name + " needs a socket, a destination or both");
            }
            checkFamily(config, key, socket, destination, listeners);
            rules.add(new SocketRule(name,
                    config.list(key + "source", List.of(), IpNetwork::parse),
                    Set.copyOf(config.list(key + "received-on", List.of(), text -> listeners.named(text)
                            .map(SipListener::name)
                            .orElseThrow(() -> new IllegalArgumentException("no listener is named '" + text + "'")))),
                    Optional.ofNullable(config.parsed(key + "ruri-user", null, SocketRules::regex)),
                    config.list(key + "domain", List.of(), host -> host.toLowerCase(Locale.ROOT)).stream()
                            .collect(Collectors.toSet()),
                    Set.copyOf(config.list(key + "method", List.of())),
                    Set.copyOf(config.list(key + "transport", List.of(), Transport::parse)),
                    socket, destination));
        }
        return new SocketRules(rules, listeners);
    }

    /** The first rule that matches a request. */
    public Optional<SocketRule> match(InboundRequest request) {
        List<SocketRule> current = rules;
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> arrival = listeners.at(request.arrival()).map(SipListener::name);
        return current.stream().filter(rule -> rule.matches(request, arrival)).findFirst();
    }

    /** Puts the rules of {@code next} in use ({@code reload}); they must have been built over the same listeners. */
    void replaceWith(SocketRules next) {
        rules = next.rules;
    }

    /** The rules, in the order they are tried. */
    public List<SocketRule> rules() {
        return rules;
    }

    private static void checkFamily(RouterConfiguration config, String key, Optional<ForcedSocket> socket,
                                    Optional<SipUri> destination, Listeners listeners) {
        if (socket.isEmpty() || !(socket.get() instanceof ForcedSocket.Named named) || destination.isEmpty()) {
            return;
        }
        SipListener listener = listeners.named(named.name()).orElseThrow();
        Optional<InetAddress> address = NextHop.of(destination.get()).address();
        if (address.isPresent() && (address.get() instanceof java.net.Inet6Address) != listener.isIpv6()) {
            throw config.invalid(key + "socket", "listener " + listener + " is " + (listener.isIpv6() ? "IPv6" : "IPv4")
                    + " and cannot reach the " + (listener.isIpv6() ? "IPv4" : "IPv6") + " destination "
                    + destination.get() + "; name a listener of the destination's address family");
        }
    }

    private static Pattern regex(String text) {
        if (text.matches("\\^[*+?{].*")) {
            throw new IllegalArgumentException("'^' followed by a quantifier repeats nothing; in the properties file "
                    + "write a backslash twice, as ^\\\\" + text.substring(1));
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: " + e.getDescription());
        }
    }
}
