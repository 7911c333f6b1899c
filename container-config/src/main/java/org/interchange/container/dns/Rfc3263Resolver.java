package org.interchange.container.dns;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
import org.interchange.container.dns.DnsFailure.Kind;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * RFC 3263 section 4: the transport, port and addresses of a SIP target. A numeric host is used as is; a URI with a
 * port takes A and AAAA records; one with a transport but no port, the SRV records of that transport; one with
 * neither, its NAPTR records (the services {@code SIP+D2U}, {@code SIP+D2T}, {@code SIPS+D2T} of the transports the
 * router listens on, only {@code SIPS+D2T} for sips), else SRV records of each such transport, else A and AAAA on
 * the default port. SRV records are tried by priority, and by weight within a priority (RFC 2782). Every hop found is
 * returned, best first, so that the container can fail over (RFC 3263 4.3). Thread-safe.
 */
public final class Rfc3263Resolver implements SipServerLocator {

    private static final Name SIP_UDP = Name.fromConstantString("_sip._udp");
    private static final Name SIP_TCP = Name.fromConstantString("_sip._tcp");
    private static final Name SIPS_TCP = Name.fromConstantString("_sips._tcp");

    private final DnsLookups lookups;
    private final Duration budget;
    private final Duration queryTimeout;
    private final Duration negativeTtl;
    private final Set<Transport> supported = ConcurrentHashMap.newKeySet();
    private final RandomGenerator random;
    /** Threads that wait for a resolution not yet known: the SIP stack's, of which none may be left to DNS alone. */
    private final Semaphore waiting;
    private final int maxWaiting;

    Rfc3263Resolver(Resolver resolver, DnsSettings settings, Collection<Transport> supported, Clock clock,
                    RandomGenerator random) {
        this.lookups = new DnsLookups(resolver, settings, clock);
        this.budget = settings.budget();
        this.queryTimeout = settings.queryTimeout();
        this.negativeTtl = settings.negativeTtl();
        this.supported.addAll(supported);
        this.random = random;
        this.maxWaiting = settings.maxWaiting();
        this.waiting = new Semaphore(maxWaiting);
    }

    /** A resolver asking the configured servers, each query bounded by {@code dns.timeout}. */
    public static Rfc3263Resolver create(DnsSettings settings, Collection<Transport> supported) {
        ExtendedResolver resolver = new ExtendedResolver(settings.servers().stream()
                .map(server -> (Resolver) new SimpleResolver(server)).toList());
        resolver.setTimeout(settings.queryTimeout());
        resolver.setRetries(1);
        return new Rfc3263Resolver(resolver, settings, supported, Clock.systemUTC(), RandomGenerator.getDefault());
    }

    /** Adds a transport the router listens on (the container reports its listening points). */
    public void addSupportedTransport(Transport transport) {
        supported.add(transport);
    }

    /** Removes a transport the router no longer listens on. */
    public void removeSupportedTransport(Transport transport) {
        supported.remove(transport);
    }

    @Override
    public CompletableFuture<List<SipHop>> locate(SipTarget target) {
        Optional<InetAddress> literal = IpAddresses.parseLiteral(target.host());
        if (literal.isPresent()) {
            Transport transport = target.defaultTransport();
            return CompletableFuture.completedFuture(
                    List.of(new SipHop(transport, literal.get(), target.defaultPort(transport))));
        }
        CompletableFuture<List<SipHop>> located;
        try {
            Name host = Name.fromString(target.host(), Name.root);
            located = locate(target, host);
        } catch (TextParseException e) {
            located = CompletableFuture.failedFuture(failure(Kind.NOT_FOUND,
                    "'" + target.host() + "' is not a domain name"));
        }
        return bounded(located, target.host()).thenApply(hops -> {
            if (hops.isEmpty()) {
                throw failure(Kind.NOT_FOUND, target.host() + " has no SIP server");
            }
            return hops;
        });
    }

    /**
     * As {@link SipServerLocator#await}, and when {@code dns.max-waiting} threads already wait for answers not yet
     * known, a target whose answer is not known either fails at once ({@link Kind#UNAVAILABLE}) instead of holding
     * one more thread; its lookup goes on, and a later request finds the answer in the cache.
     */
    @Override
    public List<SipHop> await(SipTarget target) {
        CompletableFuture<List<SipHop>> located = locate(target);
        if (located.isDone()) {
            return SipServerLocator.joined(located);
        }
        if (!waiting.tryAcquire()) {
            throw failure(Kind.UNAVAILABLE, target.host() + ": not resolved yet, and " + maxWaiting
                    + " requests already wait for DNS");
        }
        try {
            return SipServerLocator.joined(located);
        } finally {
            waiting.release();
        }
    }

    /** How long one query waits for each server ({@code dns.timeout}). */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** How many threads wait in {@link #await} now. */
    int waitingThreads() {
        return maxWaiting - waiting.availablePermits();
    }

    /** The addresses of a host name (A, then AAAA), within the budget; a literal as is. */
    public CompletableFuture<List<InetAddress>> addresses(String host) {
        Optional<InetAddress> literal = IpAddresses.parseLiteral(host);
        if (literal.isPresent()) {
            return CompletableFuture.completedFuture(List.of(literal.get()));
        }
        try {
            return bounded(addresses(Name.fromString(host, Name.root)), host);
        } catch (TextParseException e) {
            return CompletableFuture.failedFuture(failure(Kind.NOT_FOUND, "'" + host + "' is not a domain name"));
        }
    }

    private CompletableFuture<List<SipHop>> locate(SipTarget target, Name host) {
        if (target.port().isPresent()) { // RFC 3263 4.2: a port means A/AAAA
            Transport transport = target.defaultTransport();
            return hops(host, transport, target.port().getAsInt());
        }
        if (target.transport().isPresent()) { // 4.2: a transport but no port means SRV, then A/AAAA
            Transport transport = target.transport().get();
            return orElse(srv(host, transport), () -> hops(host, transport, target.defaultPort(transport)));
        }
        // 4.1: NAPTR, else SRV of each transport supported, else A/AAAA with the default transport and port
        return orElse(orElse(naptr(host, target.secure()), () -> srvOfEach(host, target.secure())),
                () -> hops(host, target.defaultTransport(), target.defaultPort(target.defaultTransport())));
    }

    private CompletableFuture<List<SipHop>> naptr(Name host, boolean secure) {
        return lookups.lookup(host, Type.NAPTR).thenCompose(records -> {
            List<NAPTRRecord> usable = records.stream().map(NAPTRRecord.class::cast)
                    .filter(naptr -> "s".equalsIgnoreCase(naptr.getFlags()))
                    .filter(naptr -> service(naptr).filter(supported::contains)
                            .filter(t -> !secure || t == Transport.TLS).isPresent())
                    .sorted(Comparator.comparingInt(NAPTRRecord::getOrder)
                            .thenComparingInt(NAPTRRecord::getPreference))
                    .toList();
            List<CompletableFuture<List<SipHop>>> each = usable.stream()
                    .map(naptr -> srvHops(naptr.getReplacement(), service(naptr).orElseThrow())).toList();
            return concatenation(each);
        });
    }

    private CompletableFuture<List<SipHop>> srvOfEach(Name host, boolean secure) {
        List<CompletableFuture<List<SipHop>>> each = new ArrayList<>();
        for (Transport transport : Transport.values()) {
            if (supported.contains(transport) && (!secure || transport == Transport.TLS)) {
                each.add(srv(host, transport));
            }
        }
        return concatenation(each);
    }

    private CompletableFuture<List<SipHop>> srv(Name host, Transport transport) {
        Name prefix = switch (transport) {
            case UDP -> SIP_UDP;
            case TCP -> SIP_TCP;
            case TLS -> SIPS_TCP;
        };
        try {
            return srvHops(Name.concatenate(prefix, host), transport);
        } catch (NameTooLongException e) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    private CompletableFuture<List<SipHop>> srvHops(Name service, Transport transport) {
        return lookups.lookup(service, Type.SRV).thenCompose(records -> {
            List<SRVRecord> ordered = order(records.stream().map(SRVRecord.class::cast)
                    .filter(srv -> !srv.getTarget().equals(Name.root)) // "." : no service here (RFC 2782)
                    .toList(), random);
            return concatenation(ordered.stream()
                    .map(srv -> hops(srv.getTarget(), transport, srv.getPort())).toList());
        });
    }

    private CompletableFuture<List<SipHop>> hops(Name host, Transport transport, int port) {
        return addresses(host).thenApply(addresses -> addresses.stream()
                .map(address -> new SipHop(transport, address, port)).toList());
    }

    /** A then AAAA; one of them failing is no failure when the other has addresses. */
    private CompletableFuture<List<InetAddress>> addresses(Name host) {
        CompletableFuture<List<Record>> a = lookups.lookup(host, Type.A);
        CompletableFuture<List<Record>> aaaa = lookups.lookup(host, Type.AAAA);
        return a.handle((v4, v4Error) -> aaaa.handle((v6, v6Error) -> {
            if (v4Error != null && (v6Error != null || v6.isEmpty())) {
                throw unwrap(v4Error);
            }
            if (v6Error != null && v4.isEmpty()) {
                throw unwrap(v6Error);
            }
            List<InetAddress> all = new ArrayList<>();
            if (v4 != null) {
                v4.forEach(record -> all.add(((ARecord) record).getAddress()));
            }
            if (v6 != null) {
                v6.forEach(record -> all.add(((AAAARecord) record).getAddress()));
            }
            return all;
        })).thenCompose(inner -> inner);
    }

    /**
     * RFC 2782: by priority, lowest first; within a priority, each next record picked at random with a chance
     * proportional to its weight (records of weight 0 first in the running sum, so they are picked rarely).
     */
    static List<SRVRecord> order(List<SRVRecord> records, RandomGenerator random) {
        List<SRVRecord> byPriority = new ArrayList<>(records);
        byPriority.sort(Comparator.comparingInt(SRVRecord::getPriority).thenComparingInt(SRVRecord::getWeight));
        List<SRVRecord> ordered = new ArrayList<>(records.size());
        int start = 0;
        while (start < byPriority.size()) {
            int end = start;
            while (end < byPriority.size() && byPriority.get(end).getPriority() == byPriority.get(start).getPriority()) {
                end++;
            }
            List<SRVRecord> group = new ArrayList<>(byPriority.subList(start, end));
            while (!group.isEmpty()) {
                int total = group.stream().mapToInt(SRVRecord::getWeight).sum();
                int pick = random.nextInt(total + 1);
                int running = 0;
                for (int i = 0; i < group.size(); i++) {
                    running += group.get(i).getWeight();
                    if (running >= pick) {
                        ordered.add(group.remove(i));
                        break;
                    }
                }
            }
            start = end;
        }
        return ordered;
    }

    private static Optional<Transport> service(NAPTRRecord naptr) {
        return switch (naptr.getService().toUpperCase(Locale.ROOT)) {
            case "SIP+D2U" -> Optional.of(Transport.UDP);
            case "SIP+D2T" -> Optional.of(Transport.TCP);
            case "SIPS+D2T" -> Optional.of(Transport.TLS);
            default -> Optional.empty();
        };
    }

    /**
     * The hops of each step in order. A step that failed is skipped when another found hops; when none found any,
     * the first failure is the answer.
     */
    private static CompletableFuture<List<SipHop>> concatenation(List<CompletableFuture<List<SipHop>>> steps) {
        return CompletableFuture.allOf(steps.stream().map(step -> step.exceptionally(e -> List.of()))
                .toArray(CompletableFuture[]::new)).thenApply(done -> {
                    List<SipHop> all = new ArrayList<>();
                    RuntimeException firstFailure = null;
                    for (CompletableFuture<List<SipHop>> step : steps) {
                        try {
                            all.addAll(step.join());
                        } catch (CompletionException e) {
                            firstFailure = firstFailure != null ? firstFailure : unwrap(e);
                        }
                    }
                    if (all.isEmpty() && firstFailure != null) {
                        throw firstFailure;
                    }
                    return all;
                });
    }

    private static CompletableFuture<List<SipHop>> orElse(CompletableFuture<List<SipHop>> first,
                                                         Supplier<CompletableFuture<List<SipHop>>> next) {
        return first.thenCompose(hops -> hops.isEmpty() ? next.get() : CompletableFuture.completedFuture(hops));
    }

    private <T> CompletableFuture<T> bounded(CompletableFuture<T> work, String host) {
        return work.orTimeout(budget.toMillis(), TimeUnit.MILLISECONDS).exceptionally(error -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof DnsFailure failure) {
                throw failure;
            }
            throw failure(Kind.UNAVAILABLE, host + ": " + (cause instanceof TimeoutException
                    ? "no answer within " + budget.toMillis() + " ms" : cause.toString()));
        });
    }

    private DnsFailure failure(Kind kind, String message) {
        return new DnsFailure(kind, message, negativeTtl);
    }

    /** The records of one query (for the container's own NAPTR and SRV calls), within the budget. */
    CompletableFuture<List<Record>> records(Name name, int type) {
        return bounded(lookups.lookup(name, type), name.toString());
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
