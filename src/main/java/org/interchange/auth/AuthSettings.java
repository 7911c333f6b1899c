package org.interchange.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.auth.internal.NonceSecret;
import org.interchange.core.DataDirectory;
import org.interchange.core.IpNetwork;

/**
 * Authentication settings.
 *
 * @param register        {@code auth.register}: REGISTER must carry valid credentials (default true)
 * @param methods         {@code auth.methods}: methods a local user (From in a served domain) must authenticate
 *                        with 407 challenges (default INVITE, MESSAGE, SUBSCRIBE, PUBLISH, REFER; {@code none} for
 *                        none)
 * @param trustedNetworks {@code auth.trusted-networks}: sources exempt from the 407 challenge, such as gateways
 *                        (CIDR list, default none)
 * @param algorithms      {@code auth.algorithms}: challenges offered, in this order (default MD5 alone). RFC 8760
 *                        offers SHA-256 first and MD5 second ({@code SHA-256, MD5}), but clients built on libre
 *                        1.x (baresip in Debian 12) fail a registration whose 401 carries any challenge they
 *                        cannot answer, so SHA-256 is for operators who know their clients support it
 * @param nonceLifetime   {@code auth.nonce-lifetime}: seconds a nonce stays usable (default 300, 10..3600)
 * @param secret            {@code auth.secret}: signs nonces; set it to share nonces between several routers
 *                          (default: a random secret generated at first start and kept in {@code nonce-secret} of
 *                          the data directory, readable by its owner only, so that nonces survive a restart)
 * @param subscriberRefresh {@code auth.subscriber-refresh}: seconds between reloads of the subscriber table into
 *                          memory (default 60, 1..86400), for rows changed by other means than the admin API
 */
public record AuthSettings(boolean register, Set<String> methods, List<IpNetwork> trustedNetworks,
                           List<DigestAlgorithm> algorithms, Duration nonceLifetime, String secret,
                           Duration subscriberRefresh) {

    /** The keys {@code reload} applies; the others need a restart. */
    public static final List<String> RELOADABLE_KEYS = List.of("auth.register", "auth.methods",
            "auth.trusted-networks", "auth.algorithms");

    static final List<String> DEFAULT_METHODS = List.of("INVITE", "MESSAGE", "SUBSCRIBE", "PUBLISH", "REFER");

    public static AuthSettings from(RouterConfiguration config, DataDirectory data) {
        List<DigestAlgorithm> algorithms = config.list("auth.algorithms",
                List.of(DigestAlgorithm.MD5), token -> DigestAlgorithm.byToken(token)
                        .orElseThrow(() -> new IllegalArgumentException("unknown algorithm '" + token
                                + "'; expected SHA-256, SHA-512-256 or MD5")));
        if (algorithms.isEmpty()) {
            throw config.invalid("auth.algorithms", "name at least one algorithm");
        }
        List<IpNetwork> trusted = config.list("auth.trusted-networks", List.of(), IpNetwork::parse);
        return new AuthSettings(config.bool("auth.register", true),
                config.list("auth.methods", DEFAULT_METHODS).stream()
                        .map(m -> m.toUpperCase(Locale.ROOT)).filter(m -> !m.equals("NONE"))
                        .collect(Collectors.toUnmodifiableSet()),
                trusted, algorithms.stream().distinct().toList(),
                Duration.ofSeconds(config.integer("auth.nonce-lifetime", 300, 10, 3600)),
                config.optional("auth.secret").orElseGet(() -> NonceSecret.kept(data.file(NonceSecret.FILE))),
                Duration.ofSeconds(config.integer("auth.subscriber-refresh", 60, 1, 86_400)));
    }

    /** These settings with the {@link #RELOADABLE_KEYS} of {@code next}, the others kept. */
    public AuthSettings withReloadable(AuthSettings next) {
        return new AuthSettings(next.register, next.methods, next.trustedNetworks, next.algorithms, nonceLifetime,
                secret, subscriberRefresh);
    }

    @Override
    public String toString() {
        return "AuthSettings[register=" + register + ", methods=" + methods + ", trustedNetworks=" + trustedNetworks
                + ", algorithms=" + algorithms + ", nonceLifetime=" + nonceLifetime + ", subscriberRefresh="
                + subscriberRefresh + "]";
    }

    /** Whether an address is in {@code auth.trusted-networks}. */
    public boolean isTrusted(InetAddress address) {
        for (IpNetwork network : trustedNetworks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
