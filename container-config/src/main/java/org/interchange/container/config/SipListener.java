package org.interchange.container.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A SIP listener: a named socket the router receives and sends on, with the address it shows to peers.
 *
 * <p>Configured as {@code listener.<name> = <transport>:<address>:<port> [advertise <host>[:<port>]]}, the form
 * Kamailio's {@code listen} and OpenSIPS's {@code socket} use:
 * <pre>
 * listener.public  = udp:10.0.0.4:5060 advertise 203.0.113.4:5060
 * listener.private = tcp:10.0.0.4:5060
 * listener.v6      = udp:[2001:db8::4]:5060
 * </pre>
 * The address must be an IP address: a listener binds one address, and the router must know which one it is to
 * choose between listeners.
 *
 * @param name       the listener's name, used by routing rules and in logs
 * @param transport  UDP, TCP or TLS
 * @param address    the local address it binds
 * @param port       the local port it binds
 * @param advertised the host and port written in Via and Record-Route instead of the bound ones (for a listener
 *                   behind NAT); empty to show the bound address
 */
public record SipListener(String name, Transport transport, InetAddress address, int port,
                          Optional<HostPort> advertised) {

    /** The configuration key prefix of listeners. */
    public static final String PREFIX = "listener";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String ADVERTISE = "advertise";

    public SipListener {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("listener name '" + name + "' may only use letters, digits, '-' and '_'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
        if (address.isAnyLocalAddress()) {
            throw new IllegalArgumentException("a listener binds one address, not the wildcard " + address.getHostAddress()
                    + "; define one listener per address");
        }
    }

    /** Parses a definition such as {@code udp:10.0.0.4:5060 advertise 203.0.113.4:5060}. */
    public static SipListener parse(String name, String definition) {
        String[] words = definition.trim().split("\\s+");
        if (words.length != 1 && !(words.length == 3 && words[1].equalsIgnoreCase(ADVERTISE))) {
            throw new IllegalArgumentException("expected <transport>:<address>:<port> [advertise <host>[:<port>]]");
        }
        int colon = words[0].indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + words[0] + "' has no transport; write it as udp:" + words[0]);
        }
        Transport transport = Transport.parse(words[0].substring(0, colon));
        HostPort socket = HostPort.parse(words[0].substring(colon + 1));
        if (socket.port().isEmpty()) {
            throw new IllegalArgumentException("'" + words[0] + "' has no port");
        }
        Optional<HostPort> advertised = words.length == 3 ? Optional.of(HostPort.parse(words[2])) : Optional.empty();
        return new SipListener(name, transport, ipAddress(socket.host()), socket.port().getAsInt(), advertised);
    }

    /**
     * All listeners of a configuration, in the order of the file. At least one is required, and no two may bind the
     * same transport, address and port.
     */
    public static List<SipListener> allFrom(RouterConfiguration config) {
        List<SipListener> listeners = new ArrayList<>();
        Set<String> sockets = new HashSet<>();
        for (String name : config.namesUnder(PREFIX)) {
            String key = PREFIX + "." + name;
            SipListener listener = config.parsed(key, null, definition -> parse(name, definition));
            if (listener == null) {
                throw config.invalid(key, "a listener needs a definition such as udp:127.0.0.1:5060");
            }
            if (!sockets.add(listener.socket())) {
                throw config.invalid(key, "another listener already binds " + listener.socket());
            }
            listeners.add(listener);
        }
        if (listeners.isEmpty()) {
            throw new InvalidConfigurationException(config.file()
                    + ": no listener is defined; add one such as listener.udp = udp:127.0.0.1:5060");
        }
        return List.copyOf(listeners);
    }

    /** Whether the bound address is IPv6. */
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /** The bound socket as {@code transport:address:port}, IPv6 in brackets: {@code udp:[::1]:5060}. */
    public String socket() {
        return transport.token() + ":" + bound();
    }

    /** The bound address and port. */
    public HostPort bound() {
        return new HostPort(IpAddresses.text(address), OptionalInt.of(port));
    }

    /** What peers are shown: the advertised host and port, each defaulting to the bound one. */
    public HostPort shown() {
        return advertised.map(a -> new HostPort(a.host(), OptionalInt.of(a.port().orElse(port))))
                .orElseGet(this::bound);
    }

    private static InetAddress ipAddress(String host) {
        return IpAddresses.parseLiteral(host).orElseThrow(() -> new IllegalArgumentException(
                "'" + host + "' is not an IP address; a listener binds an address, not a name"));
    }

    @Override
    public String toString() {
        return name + "(" + socket() + advertised.map(a -> " advertise " + a).orElse("") + ")";
    }
}
