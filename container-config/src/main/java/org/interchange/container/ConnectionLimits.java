package org.interchange.container;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.tls.TlsSettings;

/**
 * How many TCP and TLS connections the router accepts and how long it lets them idle or dawdle
 * ({@code tcp.*} and {@code tls.handshake-timeout} of {@code interchange.properties}), checked at start and handed
 * to the SIP stack as stack properties, where {@link OverloadSafeMessageProcessorFactory} reads them back.
 *
 * @param maxConnections          {@code tcp.max-connections}: accepted connections open at once, TCP and TLS
 *                                together (default 2048, OpenSIPS's and Kamailio's {@code tcp_max_connections})
 * @param maxConnectionsPerSource {@code tcp.max-connections-per-source}: of those, from one source address
 *                                (default 256; a NAT with many phones behind one address needs more)
 * @param idleTimeout             {@code tcp.idle-timeout}: an accepted connection on which no byte went either way
 *                                for this long is closed (default 120 s, OpenSIPS's {@code tcp_connection_lifetime})
 * @param readTimeout             {@code tcp.read-timeout}: a message started must be complete within this
 *                                (default 10 s)
 * @param writeTimeout            {@code tcp.write-timeout}: a message the router sends on an accepted connection
 *                                must be written within this, or the peer, which stopped reading, is cut off
 *                                (default 10 s)
 * @param handshakeTimeout        {@code tls.handshake-timeout}: a TLS handshake, accepted or opened, must be done
 *                                within this (default 10 s)
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerSource, Duration idleTimeout,
                               Duration readTimeout, Duration writeTimeout, Duration handshakeTimeout) {

    public static final String MAX_CONNECTIONS_KEY = "tcp.max-connections";
    public static final String MAX_CONNECTIONS_PER_SOURCE_KEY = "tcp.max-connections-per-source";
    public static final String IDLE_TIMEOUT_KEY = "tcp.idle-timeout";
    public static final String READ_TIMEOUT_KEY = "tcp.read-timeout";
    public static final String WRITE_TIMEOUT_KEY = "tcp.write-timeout";
    public static final String HANDSHAKE_TIMEOUT_KEY = "tls.handshake-timeout";
    /** Every key this record reads, for the router to acknowledge. */
    public static final List<String> KEYS = List.of(MAX_CONNECTIONS_KEY, MAX_CONNECTIONS_PER_SOURCE_KEY,
            IDLE_TIMEOUT_KEY, READ_TIMEOUT_KEY, WRITE_TIMEOUT_KEY, HANDSHAKE_TIMEOUT_KEY);

    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(2048, 256, Duration.ofSeconds(120),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));

    static final String MAX_CONNECTIONS_PROPERTY = "org.interchange.tcp.MAX_CONNECTIONS";
    static final String MAX_CONNECTIONS_PER_SOURCE_PROPERTY = "org.interchange.tcp.MAX_CONNECTIONS_PER_SOURCE";
    static final String IDLE_TIMEOUT_PROPERTY = "org.interchange.tcp.IDLE_TIMEOUT_MS";
    static final String READ_TIMEOUT_PROPERTY = "org.interchange.tcp.READ_TIMEOUT_MS";
    static final String WRITE_TIMEOUT_PROPERTY = "org.interchange.tcp.WRITE_TIMEOUT_MS";
    /** JAIN-SIP's own, in milliseconds despite its javadoc: it bounds the handshakes of connections it opens. */
    static final String HANDSHAKE_TIMEOUT_PROPERTY = "gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT";

    private static final int MAX_SECONDS = 86_400;

    public ConnectionLimits {
        if (maxConnectionsPerSource > maxConnections) {
            throw new IllegalArgumentException("more connections per source (" + maxConnectionsPerSource
                    + ") than in all (" + maxConnections + ")");
        }
    }

    /** The limits of a configuration, defaults for keys not set. */
    public static ConnectionLimits from(RouterConfiguration config) {
        int max = config.integer(MAX_CONNECTIONS_KEY, DEFAULTS.maxConnections, 1, 1_000_000);
        int perSource = config.integer(MAX_CONNECTIONS_PER_SOURCE_KEY, Math.min(max, DEFAULTS.maxConnectionsPerSource),
                1, 1_000_000);
        if (perSource > max) {
            throw config.invalid(MAX_CONNECTIONS_PER_SOURCE_KEY, "is more than " + MAX_CONNECTIONS_KEY + " (" + max + ")");
        }
        return new ConnectionLimits(max, perSource, seconds(config, IDLE_TIMEOUT_KEY, DEFAULTS.idleTimeout),
                seconds(config, READ_TIMEOUT_KEY, DEFAULTS.readTimeout),
                seconds(config, WRITE_TIMEOUT_KEY, DEFAULTS.writeTimeout),
                seconds(config, HANDSHAKE_TIMEOUT_KEY, DEFAULTS.handshakeTimeout));
    }

    /**
     * The limits given to a stack by {@link #stackProperties()}; the defaults where a property is missing (a stack
     * configured by hand), and the stack's start fails on a value that is not a positive number.
     */
    static ConnectionLimits fromStack(Properties properties) {
        return new ConnectionLimits(
                positive(properties, MAX_CONNECTIONS_PROPERTY, DEFAULTS.maxConnections),
                positive(properties, MAX_CONNECTIONS_PER_SOURCE_PROPERTY, DEFAULTS.maxConnectionsPerSource),
                Duration.ofMillis(positive(properties, IDLE_TIMEOUT_PROPERTY, DEFAULTS.idleTimeout.toMillis())),
                Duration.ofMillis(positive(properties, READ_TIMEOUT_PROPERTY, DEFAULTS.readTimeout.toMillis())),
                Duration.ofMillis(positive(properties, WRITE_TIMEOUT_PROPERTY, DEFAULTS.writeTimeout.toMillis())),
                Duration.ofMillis(positive(properties, HANDSHAKE_TIMEOUT_PROPERTY,
                        DEFAULTS.handshakeTimeout.toMillis())));
    }

    /** The JAIN-SIP stack properties that carry these limits, for MSS's {@code setSipStackProperties}. */
    public Properties stackProperties() {
        Properties properties = new Properties();
        properties.setProperty(MAX_CONNECTIONS_PROPERTY, String.valueOf(maxConnections));
        properties.setProperty(MAX_CONNECTIONS_PER_SOURCE_PROPERTY, String.valueOf(maxConnectionsPerSource));
        properties.setProperty(IDLE_TIMEOUT_PROPERTY, String.valueOf(idleTimeout.toMillis()));
        properties.setProperty(READ_TIMEOUT_PROPERTY, String.valueOf(readTimeout.toMillis()));
        properties.setProperty(WRITE_TIMEOUT_PROPERTY, String.valueOf(writeTimeout.toMillis()));
        properties.setProperty(HANDSHAKE_TIMEOUT_PROPERTY, String.valueOf(handshakeTimeout.toMillis()));
        return properties;
    }

    /**
     * The stack properties of the SIP service: these limits' and, with TLS listeners, the TLS settings' (whose
     * passwords stay defaults of the properties, which MSS does not print).
     */
    public Properties stackProperties(Optional<TlsSettings> tls) {
        Properties properties = tls.map(TlsSettings::stackProperties).orElseGet(Properties::new);
        properties.putAll(stackProperties());
        return properties;
    }

    private static Duration seconds(RouterConfiguration config, String key, Duration fallback) {
        return Duration.ofSeconds(config.integer(key, (int) fallback.toSeconds(), 1, MAX_SECONDS));
    }

    private static int positive(Properties properties, String name, long fallback) {
        String value = properties.getProperty(name);
        if (value == null) {
            return (int) fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("SIP stack property " + name + " must be a positive whole number, not '"
                + value + "'");
    }
}
