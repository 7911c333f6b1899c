package org.interchange.listener.internal;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Tells when the kernel's routes or the machine's addresses have changed, by comparing a snapshot of them with the
 * last one: the IPv4 and IPv6 routing tables of {@code /proc/net} (Linux; absent elsewhere, where only addresses
 * are compared) and every interface's addresses. Java has no route-change notification; a snapshot of a few
 * hundred bytes every few seconds is the cheap substitute. Thread-safe.
 */
public final class RouteTableWatch {

    private static final List<Path> ROUTE_TABLES = List.of(Path.of("/proc/net/route"), Path.of("/proc/net/ipv6_route"));

    private final Supplier<String> snapshot;
    private String last;

    public RouteTableWatch(Supplier<String> snapshot) {
        this.snapshot = snapshot;
        this.last = snapshot.get();
    }

    /** Over this machine's routing tables and interfaces. */
    public static RouteTableWatch system() {
        return new RouteTableWatch(RouteTableWatch::routesAndAddresses);
    }

    /** Whether anything changed since the last call (or since construction). */
    public synchronized boolean changed() {
        String now = snapshot.get();
        boolean changed = !now.equals(last);
        last = now;
        return changed;
    }

    static String routesAndAddresses() {
        StringBuilder state = new StringBuilder();
        for (Path table : ROUTE_TABLES) {
            try {
                state.append(Files.readString(table));
            } catch (IOException | RuntimeException notLinux) {
                state.append('-');
            }
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                state.append(nic.getName()).append(nic.isUp()).append(nic.getInterfaceAddresses()).append('\n');
            }
        } catch (SocketException e) {
            state.append("no interfaces: ").append(e.getMessage());
        }
        return state.toString();
    }
}
