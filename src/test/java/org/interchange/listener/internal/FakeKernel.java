package org.interchange.listener.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.interchange.container.config.IpAddresses;

/**
 * The kernel's routes as a test writes them: the local address it sends from to each destination; no route to any
 * other. Records what it is asked. One test, one kernel.
 */
final class FakeKernel implements Function<InetAddress, Optional<InetAddress>> {

    private final Map<InetAddress, InetAddress> sources = new HashMap<>();
    private final List<InetAddress> asked = new ArrayList<>();

    /** The kernel sends to {@code destination} from {@code source}. */
    FakeKernel route(String destination, String source) {
        sources.put(address(destination), address(source));
        return this;
    }

    @Override
    public Optional<InetAddress> apply(InetAddress destination) {
        asked.add(destination);
        return Optional.ofNullable(sources.get(destination));
    }

    /** How many times the kernel was asked. */
    int questions() {
        return asked.size();
    }

    static InetAddress address(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow(() -> new IllegalArgumentException(literal));
    }
}
