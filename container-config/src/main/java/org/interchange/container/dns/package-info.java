/**
 * This is the router's DNS: RFC 3263 resolution of SIP targets (NAPTR, then SRV, then A/AAAA; the URI's
 * transport, port and {@code sips} honoured; SRV priority and weight; only the transports the router listens on) on
 * dnsjava 3, asynchronous, with a cache and bounds, so that a domain whose DNS does not answer cannot hold the SIP
 * stack's threads. OpenSIPS's counterpart is its core resolver with {@code dns_try_naptr}, {@code dns_use_search_list}
 * and the {@code dns_cache} module; Kamailio's, its core DNS cache ({@code use_dns_cache}, {@code dns_try_naptr},
 * {@code dns_cache_negative_ttl}).
 *
 * <p>Exports {@link org.interchange.container.dns.SipServerLocator} (implemented by
 * {@link org.interchange.container.dns.Rfc3263Resolver}, one instance shared by container and router through
 * {@link org.interchange.container.dns.SipDns}), its values {@link org.interchange.container.dns.SipTarget},
 * {@link org.interchange.container.dns.SipHop} and {@link org.interchange.container.dns.DnsFailure}, and MSS's plug
 * {@link org.interchange.container.dns.BoundedDnsServerLocator} ({@code dnsServerLocatorClass} on the
 * {@code <Service>} of {@code server.xml}, set by the embedded launcher too), through which MSS's own failover to
 * the next hop (RFC 3263 4.3) runs on this resolver.
 *
 * <p>Settings ({@link org.interchange.container.dns.DnsSettings}): {@code dns.servers}, {@code dns.timeout},
 * {@code dns.budget}, {@code dns.cache-size}, {@code dns.negative-ttl}, {@code dns.max-lookups},
 * {@code dns.max-waiting}. No tables, no
 * timers: dnsjava's I/O thread completes the lookups, and every wait is bounded by {@code dns.budget}.
 */
package org.interchange.container.dns;
