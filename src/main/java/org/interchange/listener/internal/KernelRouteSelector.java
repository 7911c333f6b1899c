package org.interchange.listener.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.interchange.container.config.SipListener;
import org.interchange.container.config.Transport;
import org.interchange.core.IpNetwork;
import org.interchange.listener.Listeners;
import org.interchange.listener.SocketChoice;
import org.interchange.listener.SocketChoice.Reason;
import org.interchange.listener.SocketFallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic step of the socket policy, OpenSIPS's mhomed without its per-message cost: asks the kernel which
 * local address it would send from to a destination (a UDP socket connected to it, which sends nothing), maps that
 * address to a listener of the needed transport, and caches the answer per destination and transport for a TTL or
 * until {@link #flush()} (called when routes or interfaces change). The same for UDP, TCP and TLS.
 *
 * <p>When the kernel's address is not a listener of that transport, the nearest listener of that transport and
 * family is taken: one on the same interface, else one in the same subnet, else the default; a warning is logged
 * and a {@link SocketFallback} reported once per cached answer. Thread-safe; a cached decision costs one map lookup.
 */
public final class KernelRouteSelector {

    /** More cached destinations than this and the cache starts over: a bound against a flood of sources. */
    static final int MAX_CACHED = 65_536;

    private static final Logger log = LoggerFactory.getLogger(KernelRouteSelector.class);

    /** What is known of the interface that holds a local address. */
    public record LocalInterface(String name, List<InetAddress> addresses, List<IpNetwork> subnets) {
    }

    private record Key(InetAddress destination, Transport transport) {
    }

    private record Cached(Optional<SocketChoice> choice, long expiresAt) {
    }

    private final Listeners listeners;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Function<InetAddress, Optional<InetAddress>> kernel;
    private final Function<InetAddress, Optional<LocalInterface>> interfaces;
    private final Consumer<SocketFallback> fallbacks;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param kernel     the local address the kernel sends from to a destination; empty when it has no route
     * @param interfaces the interface holding a local address
     * @param fallbacks  told of each answer that is not the kernel's own address
     */
    public KernelRouteSelector(Listeners listeners, Duration ttl, LongSupplier nanoTime,
                               Function<InetAddress, Optional<InetAddress>> kernel,
                               Function<InetAddress, Optional<LocalInterface>> interfaces,
                               Consumer<SocketFallback> fallbacks) {
        this.listeners = listeners;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.kernel = kernel;
        this.interfaces = interfaces;
        this.fallbacks = fallbacks;
    }

    /** Over the real kernel and interfaces. */
    public static KernelRouteSelector system(Listeners listeners, Duration ttl, Consumer<SocketFallback> fallbacks) {
        return new KernelRouteSelector(listeners, ttl, System::nanoTime, KernelRouteSelector::askKernel,
                KernelRouteSelector::interfaceOf, fallbacks);
    }

    /** The listener for a destination; empty when the kernel has no route to it. */
    public Optional<SocketChoice> choose(InetAddress destination, Transport transport) {
        Key key = new Key(destination, transport);
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.choice();
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        Optional<SocketChoice> choice = kernel.apply(destination).map(source -> map(source, destination, transport));
        cache.put(key, new Cached(choice, now + ttlNanos));
        return choice;
    }

    /** Forgets every cached answer. */
    public void flush() {
        cache.clear();
    }

    /** How many answers are cached. */
    public int cached() {
        return cache.size();
    }

    private SocketChoice map(InetAddress source, InetAddress destination, Transport transport) {
        Optional<SipListener> exact = listeners.on(source, transport);
        if (exact.isPresent()) {
            return new SocketChoice(exact.get(), Reason.KERNEL_ROUTE);
        }
        boolean ipv6 = destination instanceof Inet6Address;
        List<SipListener> candidates = listeners.all().stream()
                .filter(listener -> Listeners.fits(listener, transport, ipv6)).toList();
        Optional<LocalInterface> local = interfaces.apply(source);
        Optional<SipListener> sameInterface = local.flatMap(i -> candidates.stream()
                .filter(listener -> i.addresses().contains(listener.address())).findFirst());
        Optional<SipListener> sameSubnet = local.flatMap(i -> candidates.stream()
                .filter(listener -> i.subnets().stream().anyMatch(net -> net.contains(listener.address())))
                .findFirst());
        Optional<SipListener> nearest = sameInterface.or(() -> sameSubnet)
                .or(() -> listeners.defaultFor(transport, ipv6));
        SipListener chosen = nearest.orElse(listeners.fallback());
        String why = sameInterface.isPresent() ? "same interface"
                : sameSubnet.isPresent() ? "same subnet" : nearest.isPresent() ? "default" : "no listener fits";
        log.warn("The kernel sends to {} from {}{}, which is not a {} listener: using {} ({}); add a listener on {} "
                        + "or a socket rule to choose yourself",
                destination.getHostAddress(), source.getHostAddress(), local.map(i -> " (" + i.name() + ")").orElse(""),
                transport.token(), chosen, why, source.getHostAddress());
        fallbacks.accept(new SocketFallback(SocketFallback.Kind.KERNEL_ROUTE_FALLBACK, destination.getHostAddress(),
                transport.token() + ":" + source.getHostAddress(), chosen, why));
        return new SocketChoice(chosen, Reason.KERNEL_ROUTE_FALLBACK);
    }

    /** The kernel's source address for a destination: connecting a UDP socket runs the route lookup, sending nothing. */
    static Optional<InetAddress> askKernel(InetAddress destination) {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.connect(new InetSocketAddress(destination, 9));
            InetAddress local = ((InetSocketAddress) channel.getLocalAddress()).getAddress();
            return local.isAnyLocalAddress() ? Optional.empty() : Optional.of(local);
        } catch (IOException | RuntimeException noRoute) {
            return Optional.empty();
        }
    }

    static Optional<LocalInterface> interfaceOf(InetAddress address) {
        try {
            NetworkInterface nic = NetworkInterface.getByInetAddress(address);
            if (nic == null) {
                return Optional.empty();
            }
            return Optional.of(new LocalInterface(nic.getName(), Collections.list(nic.getInetAddresses()),
                    nic.getInterfaceAddresses().stream()
                            .map(a -> new IpNetwork(a.getAddress(), a.getNetworkPrefixLength())).toList()));
        } catch (SocketException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
