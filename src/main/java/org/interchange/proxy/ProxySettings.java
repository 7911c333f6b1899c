package org.interchange.proxy;

import java.util.Optional;

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
 */
public record ProxySettings(Optional<SipUri> outboundProxy, Optional<SipUri> defaultRoute, int branchTimeout) {

    public static ProxySettings from(RouterConfiguration config) {
        return new ProxySettings(
                Optional.ofNullable(config.parsed("proxy.outbound-proxy", null, SipUri::parse)),
                Optional.ofNullable(config.parsed("proxy.default-route", null, SipUri::parse)),
                config.integer("proxy.branch-timeout", 30, 5, 300));
    }
}
