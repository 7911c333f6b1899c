package org.interchange.container.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.interchange.container.config.HostPort;
import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.RouterConfiguration;
import org.xbill.DNS.ResolverConfig;

/**
 * The {@code dns.*} keys of {@code interchange.properties}.
 *
 * @param servers      {@code dns.servers}: the recursive resolvers asked, in order ({@code address[:port]}, port 53 by
 *                     default); default the {@code nameserver} lines of {@code /etc/resolv.conf}
 * @param queryTimeout {@code dns.timeout}: how long one query waits for each server, in milliseconds; default 1500
 * @param budget       {@code dns.budget}: how long the whole RFC 3263 resolution of one target may take (NAPTR, SRV,
 *                     A and AAAA), in milliseconds; default 4000. A request whose target is not resolved by then
 *                     gets 503
 * @param cacheSize    {@code dns.cache-size}: answers kept (each for its TTL); default 10000
 * @param negativeTtl  {@code dns.negative-ttl}: seconds a name that does not exist, or whose servers did not answer,
 *                     is answered from the cache without asking again; default 10
 * @param maxLookups   {@code dns.max-lookups}: queries in flight at once (concurrent asks for one name share one);
 *                     beyond, a new lookup fails at once; default 200
 * @param maxWaiting   {@code dns.max-waiting}: requests whose handling thread (a SIP stack thread) waits for an answer
 *                     not yet known, at once; beyond, such a request fails at once (503) while its lookup goes on;
 *                     default 4, half the stack's threads per UDP listener
 */
public record DnsSettings(List<InetSocketAddress> servers, Duration queryTimeout, Duration budget, int cacheSize,
                          Duration negativeTtl, int maxLookups, int maxWaiting) {

    public static final String SERVERS_KEY = "dns.servers";
    public static final String TIMEOUT_KEY = "dns.timeout";
    public static final String BUDGET_KEY = "dns.budget";
    public static final String CACHE_SIZE_KEY = "dns.cache-size";
    public static final String NEGATIVE_TTL_KEY = "dns.negative-ttl";
    public static final String MAX_LOOKUPS_KEY = "dns.max-lookups";
    public static final String MAX_WAITING_KEY = "dns.max-waiting";
    /** Every key read here: the container layer reads them, the router acknowledges them. */
    public static final List<String> KEYS = List.of(SERVERS_KEY, TIMEOUT_KEY, BUDGET_KEY, CACHE_SIZE_KEY,
            NEGATIVE_TTL_KEY, MAX_LOOKUPS_KEY, MAX_WAITING_KEY);

    private static final int DNS_PORT = 53;
    private static final int DEFAULT_TIMEOUT_MS = 1500;
    private static final int DEFAULT_BUDGET_MS = 4000;
    private static final int DEFAULT_CACHE_SIZE = 10_000;
    private static final int DEFAULT_NEGATIVE_TTL_S = 10;
    private static final int DEFAULT_MAX_LOOKUPS = 200;
    private static final int DEFAULT_MAX_WAITING = 4;

    public DnsSettings {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no DNS server");
        }
    }

    /** The settings of a configuration file; a bad value stops the start naming the file, line and key. */
    public static DnsSettings from(RouterConfiguration config) {
        List<InetSocketAddress> servers = config.list(SERVERS_KEY, List.of(), DnsSettings::server);
        int timeout = config.integer(TIMEOUT_KEY, DEFAULT_TIMEOUT_MS, 10, 60_000);
        int budget = config.integer(BUDGET_KEY, DEFAULT_BUDGET_MS, 10, 120_000);
        if (budget < timeout) {
            throw config.invalid(BUDGET_KEY, "is shorter than " + TIMEOUT_KEY + " (" + timeout + " ms)");
        }
        return new DnsSettings(servers.isEmpty() ? systemServers() : servers, Duration.ofMillis(timeout),
                Duration.ofMillis(budget), config.integer(CACHE_SIZE_KEY, DEFAULT_CACHE_SIZE, 1, 10_000_000),
                Duration.ofSeconds(config.integer(NEGATIVE_TTL_KEY, DEFAULT_NEGATIVE_TTL_S, 0, 3600)),
                config.integer(MAX_LOOKUPS_KEY, DEFAULT_MAX_LOOKUPS, 1, 100_000),
                config.integer(MAX_WAITING_KEY, DEFAULT_MAX_WAITING, 1, 10_000));
    }

    /** Every default, for code that runs without a configuration file (unit tests, tools). */
    public static DnsSettings defaults() {
        return new DnsSettings(systemServers(), Duration.ofMillis(DEFAULT_TIMEOUT_MS),
                Duration.ofMillis(DEFAULT_BUDGET_MS), DEFAULT_CACHE_SIZE, Duration.ofSeconds(DEFAULT_NEGATIVE_TTL_S),
                DEFAULT_MAX_LOOKUPS, DEFAULT_MAX_WAITING);
    }

    /** The system's resolvers ({@code /etc/resolv.conf}), or the local host's port 53 when it names none. */
    public static List<InetSocketAddress> systemServers() {
        List<InetSocketAddress> system = ResolverConfig.getCurrentConfig().servers();
        return system.isEmpty() ? List.of(new InetSocketAddress("127.0.0.1", DNS_PORT)) : system;
    }

    private static InetSocketAddress server(String text) {
        HostPort hostPort = HostPort.parse(text);
        return new InetSocketAddress(IpAddresses.parseLiteral(hostPort.host()).orElseThrow(
                () -> new IllegalArgumentException("'" + text + "' is not an IP address")), hostPort.port().orElse(DNS_PORT));
    }
}
