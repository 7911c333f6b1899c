package org.interchange.container.dns;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

import org.interchange.container.config.IpAddresses;
import org.interchange.container.config.Transport;
import org.mobicents.ext.javax.sip.dns.DNSLookupPerformer;
import org.mobicents.ext.javax.sip.dns.DNSServerLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import gov.nist.javax.sip.stack.HopImpl;

/**
 * MSS's RFC 3263 server locator ({@code dnsServerLocatorClass} of the {@code <Service>}), on the router's shared
 * resolver ({@link SipDns}). MSS's default, restcomm's {@code DefaultDNSServerLocator}, asks dnsjava 2's static
 * resolver on the SIP stack thread that sends the request, with no cache of failures and the resolver's full retry
 * time: one target whose DNS does not answer holds a stack thread for seconds, again for every request. Here every
 * lookup is bounded by {@code dns.budget}, answers and failures are cached, and the router resolves a target before
 * it relays, so that MSS finds the answer in the cache. MSS keeps the hops of a request and tries the next one after
 * a transport error or a timeout ({@code visitNextHop}, RFC 3263 4.3). MSS also asks it for the addresses of host
 * names it meets in Via and Contact headers ({@link #locateHopsForNonNumericAddressWithPort}).
 */
public class BoundedDnsServerLocator implements DNSServerLocator, DNSLookupPerformer {

    private static final Logger log = LoggerFactory.getLogger(BoundedDnsServerLocator.class);

    private final Rfc3263Resolver resolver;
    /** The router's own host names (MSS reports them with the addresses of their listeners): no DNS for those. */
    private final Map<String, Set<String>> localHostNames = new ConcurrentHashMap<>();

    /** As MSS creates it, by class name. */
    public BoundedDnsServerLocator() {
        this(SipDns.shared());
    }

    BoundedDnsServerLocator(Rfc3263Resolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Queue<Hop> locateHops(URI uri) {
        if (!(uri instanceof SipURI sipUri)) {
            return new ArrayDeque<>();
        }
        String transport = sipUri.getTransportParam();
        OptionalInt port = sipUri.getPort() > 0 ? OptionalInt.of(sipUri.getPort()) : OptionalInt.empty();
        SipTarget target = new SipTarget(bare(sipUri.getHost()), port,
                Optional.ofNullable(transport).flatMap(BoundedDnsServerLocator::knownTransport),
                sipUri.isSecure());
        if (localHostNames.containsKey(target.host())) {
            Transport chosen = target.defaultTransport();
            return localHops(target.host(), target.defaultPort(chosen), chosen.name());
        }
        return hops(resolver.locate(target), target.host());
    }

    @Override
    public Queue<Hop> resolveHostByAandAAAALookup(String hopHost, int hopPort, String hopTransport) {
        return locateHopsForNonNumericAddressWithPort(hopHost, hopPort, hopTransport);
    }

    @Override
    public Queue<Hop> locateHopsForNonNumericAddressWithPort(String host, int port, String transport) {
        String bare = bare(host);
        if (localHostNames.containsKey(bare)) {
            return localHops(bare, port, transport);
        }
        Queue<Hop> hops = new ArrayDeque<>();
        try {
            for (InetAddress address : resolver.addresses(bare).join()) {
                hops.add(hop(address, port, transport));
            }
        } catch (CompletionException e) {
            log.debug("{}: {}", host, e.getCause().getMessage());
        }
        return hops;
    }

    /** No ENUM: a SIP URI is its own, any other URI has none. */
    @Override
    public SipURI getSipURI(URI uri) {
        return uri instanceof SipURI sipUri ? sipUri : null;
    }

    @Override
    public List<Record> performSRVLookup(String replacement) {
        return records(replacement, Type.SRV);
    }

    @Override
    public List<NAPTRRecord> performNAPTRLookup(String domain, boolean isSecure, Set<String> supportedTransports) {
        return records(domain, Type.NAPTR).stream().map(NAPTRRecord.class::cast).toList();
    }

    @Override
    public void addLocalHostName(String localHostName) {
        localHostNames.putIfAbsent(bare(localHostName), Set.of());
    }

    @Override
    public void removeLocalHostName(String localHostName) {
        localHostNames.remove(bare(localHostName));
    }

    @Override
    public void mapLocalHostNameToIP(String localHostName, Set<String> ipAddresses) {
        localHostNames.put(bare(localHostName), Set.copyOf(ipAddresses));
    }

    @Override
    public void unmapLocalHostNameToIP(String localHostName) {
        localHostNames.remove(bare(localHostName));
    }

    @Override
    public void addSupportedTransport(String supportedTransport) {
        knownTransport(supportedTransport).ifPresent(resolver::addSupportedTransport);
    }

    @Override
    public void removeSupportedTransport(String supportedTransport) {
        knownTransport(supportedTransport).ifPresent(resolver::removeSupportedTransport);
    }

    /** The lookups are this class's own: MSS's service never replaces them. */
    @Override
    public void setDnsLookupPerformer(DNSLookupPerformer dnsLookupPerformer) {
        throw new UnsupportedOperationException("the router's DNS lookups are configured by dns.* keys");
    }

    @Override
    public DNSLookupPerformer getDnsLookupPerformer() {
        return this;
    }

    /** MSS passes its {@code dnsTimeout} attribute at start; {@code dns.timeout} and {@code dns.budget} govern. */
    @Override
    public void setDNSTimeout(int timeout) {
        log.debug("MSS's dnsTimeout {} s ignored: dns.timeout and dns.budget apply", timeout);
    }

    /** {@code dns.timeout} in whole seconds, rounded up, as MSS's {@code DNSResolver} reports it to applications. */
    @Override
    public int getDNSTimeout() {
        return (int) Math.ceil(resolver.queryTimeout().toMillis() / 1000.0);
    }

    private Queue<Hop> hops(CompletableFuture<List<SipHop>> located, String host) {
        Queue<Hop> hops = new ArrayDeque<>();
        try {
            for (SipHop hop : located.join()) {
                hops.add(hop(hop.address(), hop.port(), hop.transport().name()));
            }
        } catch (CompletionException e) {
            log.info("{}: no server: {}", host, e.getCause().getMessage());
        }
        return hops;
    }

    private Queue<Hop> localHops(String host, int port, String transport) {
        Set<String> addresses = localHostNames.getOrDefault(host, Set.of());
        Queue<Hop> hops = new ArrayDeque<>();
        if (addresses.isEmpty()) {
            hops.add(new HopImpl(host, port, transport));
        }
        addresses.forEach(address -> hops.add(new HopImpl(uriHost(address), port, transport)));
        return hops;
    }

    private List<Record> records(String name, int type) {
        try {
            return resolver.records(Name.fromString(name, Name.root), type).join();
        } catch (TextParseException | CompletionException e) {
            log.debug("{} {}: {}", Type.string(type), name, e.getMessage());
            return List.of();
        }
    }

    private static Hop hop(InetAddress address, int port, String transport) {
        return new HopImpl(uriHost(IpAddresses.text(address)), port, transport);
    }

    /** MSS builds a Route URI from a hop's host: an IPv6 address needs its brackets there. */
    private static String uriHost(String address) {
        return address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<Transport> knownTransport(String name) {
        try {
            return Optional.of(Transport.parse(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // SCTP, WS: not the router's
        }
    }
}
