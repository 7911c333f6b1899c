package org.interchange.listener;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.interchange.container.config.HostPort;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.interchange.core.IpNetwork;
import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.SipUri;

/**
 * The router's SIP listeners, as configured ({@code listener.<name>}), the default one ({@code socket.default},
 * else the first of the file), and the private networks shown a listener's own address rather than its advertised one
 * ({@code socket.private-networks}). Immutable and thread-safe.
 */
public final class Listeners {

    /** The key naming the listener of last resort. */
    public static final String DEFAULT_KEY = "socket.default";
    /** The key listing the networks shown a listener's own address rather than the one it advertises. */
    public static final String PRIVATE_NETWORKS_KEY = "socket.private-networks";

    private final List<SipListener> all;
    private final SipListener fallback;
    private final List<IpNetwork> privateNetworks;

    /** Listeners without private networks: every peer sees the advertised addresses. */
    public Listeners(List<SipListener> all, SipListener fallback) {
        this(all, fallback, List.of());
    }

    /**
     * @param privateNetworks networks whose peers reach the listeners directly: they are shown a listener's own
     *                        address in Via and Record-Route, not the one it advertises
     */
    public Listeners(List<SipListener> all, SipListener fallback, List<IpNetwork> privateNetworks) {
        if (all.isEmpty() || !all.contains(fallback)) {
            throw new IllegalArgumentException("the default listener must be one of the listeners");
        }
        this.all = List.copyOf(all);
        this.fallback = fallback;
        this.privateNetworks = List.copyOf(privateNetworks);
    }

    /** The listeners of a configuration and its {@code socket.default}. */
    public static Listeners from(RouterConfiguration config) {
        List<SipListener> all = SipListener.allFrom(config);
        SipListener fallback = config.parsed(DEFAULT_KEY, all.get(0), name -> all.stream()
                .filter(listener -> listener.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no listener is named " + name)));
        return new Listeners(all, fallback, config.list(PRIVATE_NETWORKS_KEY, List.of(), IpNetwork::parse));
    }

    /**
     * Whether a peer is shown a listener's own address rather than the one it advertises: it is on a private network
     * ({@code socket.private-networks}), from which it reaches the listener directly. False when its address is
     * unknown.
     */
    public boolean showsOwnAddressTo(Optional<InetAddress> peer) {
        return peer.filter(address -> privateNetworks.stream().anyMatch(network -> network.contains(address)))
                .isPresent();
    }

    /** Whether a next hop is shown a listener's own address; looks its host up only when private networks are set. */
    public boolean showsOwnAddressTo(NextHop hop) {
        return !privateNetworks.isEmpty() && showsOwnAddressTo(hop.address());
    }

    /** All listeners, in the order of the configuration file. */
    public List<SipListener> all() {
        return all;
    }

    /** The listener of last resort. */
    public SipListener fallback() {
        return fallback;
    }

    /** The listener of that name. */
    public Optional<SipListener> named(String name) {
        return all.stream().filter(listener -> listener.name().equals(name)).findFirst();
    }

    /** The listener bound to that transport, address and port. */
    public Optional<SipListener> at(Endpoint socket) {
        Optional<InetAddress> address = IpAddresses.parseLiteral(socket.address());
        return address.flatMap(a -> all.stream().filter(listener -> listener.transport() == socket.transport()
                && listener.address().equals(a) && listener.port() == socket.port()).findFirst());
    }

    /** The first listener of that transport bound to that address. */
    public Optional<SipListener> on(InetAddress address, Transport transport) {
        return all.stream().filter(listener -> listener.transport() == transport && listener.address().equals(address))
                .findFirst();
    }

    /**
     * The listener a Record-Route entry of this router names: the one at that host and port, as it advertises itself
     * or at its own address (towards private networks), with its transport. Numeric hosts are compared as addresses.
     */
    public Optional<SipListener> recordRoutedAs(SipUri uri) {
        NextHop hop = NextHop.of(uri);
        Optional<InetAddress> numeric = IpAddresses.parseLiteral(hop.host());
        return all.stream().filter(listener -> listener.transport() == hop.transport())
                .filter(listener -> isAt(listener.shown(), hop, numeric) || isAt(listener.bound(), hop, numeric))
                .findFirst();
    }

    /** Whether a listener's address (with its port) is the hop's; {@code numeric} is the hop's host as an address. */
    private static boolean isAt(HostPort address, NextHop hop, Optional<InetAddress> numeric) {
        boolean sameHost = numeric.isPresent()
                ? IpAddresses.parseLiteral(address.host()).filter(numeric.get()::equals).isPresent()
                : address.host().equalsIgnoreCase(hop.host());
        return sameHost && address.port().getAsInt() == hop.port();
    }

    /**
     * The listener to use for a transport and address family when nothing better is known: the default listener if
     * it fits, else the first one of the file that does.
     */
    public Optional<SipListener> defaultFor(Transport transport, boolean ipv6) {
        if (fits(fallback, transport, ipv6)) {
            return Optional.of(fallback);
        }
        return all.stream().filter(listener -> fits(listener, transport, ipv6)).findFirst();
    }

    /** Whether a listener serves that transport and address family. */
    public static boolean fits(SipListener listener, Transport transport, boolean ipv6) {
        return listener.transport() == transport && listener.isIpv6() == ipv6;
    }
}
