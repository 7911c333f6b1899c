package org.interchange.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.sip.SipUri;

/**
 * Proxy settings.
 *
 * @param outboundProxy {@code proxy.outbound-proxy}: a SIP URI through which requests for other domains are sent
 *                      (default: straight to their Request-URI)
 * @param defaultRoute  {@code proxy.default-route}: a SIP URI where requests for users of a served domain that have
 *                      no binding are sent, instead of answering 404/480 (default: none)
 * @param branchTimeout {@code proxy.branch-timeout}: seconds an INVITE branch may go without a final response
 *                      before it is cancelled (default 30, 5..300)
 * @param redirectDomains {@code proxy.redirect-domains}: served domains whose users' requests are answered 302 with
 *                      their contacts instead of being proxied (default: none)
 */
public record ProxySettings(Optional<SipUri> outboundProxy, Optional<SipUri> defaultRoute, int branchTimeout,
                            Set<String> redirectDomains) {

    public ProxySettings {
        redirectDomains = Set.copyOf(redirectDomains);
    }

    /** Settings without redirect domains. */
    public ProxySettings(Optional<SipUri> outboundProxy, Optional<SipUri> defaultRoute, int branchTimeout) {
        this(outboundProxy, defaultRoute, branchTimeout, Set.of());
    }

    public static ProxySettings from(RouterConfiguration config) {
        return new ProxySettings(
                Optional.ofNullable(config.parsed("proxy.outbound-proxy", null, SipUri::parse)),
                Optional.ofNullable(config.parsed("proxy.default-route", null, SipUri::parse)),
                config.integer("proxy.branch-timeout", 30, 5, 300),
                config.list("proxy.redirect-domains", List.of()).stream()
                        .map(domain -> domain.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }
}
