package org.interchange.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.catalina.connector.Connector;
import org.interchange.container.config.HostPort;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.tls.TlsSettings;

/**
 * Where the admin API listens ({@code admin.http}, {@code admin.https} of {@code interchange.properties}), and the
 * Tomcat connectors for it. Both ways of running open these, the embedded launcher and standalone Tomcat
 * ({@link StandaloneChecks}), so that {@code server.xml} names no HTTP connector and {@code admin.http = off}
 * closes the API in both.
 *
 * @param http  {@code admin.http}: {@code <address>:<port>}, default 127.0.0.1:8088; {@code off} for none
 * @param https {@code admin.https}: {@code <address>:<port>}, off by default; serves {@code tls.keystore} or the
 *              self-signed keystore of the data directory
 */
public record AdminListeners(Optional<HostPort> http, Optional<HostPort> https) {

    public static final String HTTP_KEY = "admin.http";
    public static final String HTTPS_KEY = "admin.https";
    /** Every key read here, for the router to acknowledge. */
    public static final List<String> KEYS = List.of(HTTP_KEY, HTTPS_KEY);

    static final HostPort DEFAULT_HTTP = HostPort.parse("127.0.0.1:8088");
    /** Protocols of the HTTPS listener, as the SIP listeners' default. */
    static final String HTTPS_PROTOCOLS = "TLSv1.3,TLSv1.2";

    /**
     * Reads and checks both keys.
     *
     * @throws org.interchange.container.config.InvalidConfigurationException for a value that is not
     *                                                                        {@code <address>:<port>} or {@code off}
     */
    public static AdminListeners from(RouterConfiguration config) {
        return new AdminListeners(address(config, HTTP_KEY, Optional.of(DEFAULT_HTTP)),
                address(config, HTTPS_KEY, Optional.empty()));
    }

    /**
     * The connectors to add to the service before it initialises: HTTP, and HTTPS with its keystore (generated in
     * the data directory when {@code tls.keystore} is not set).
     */
    public List<Connector> connectors(RouterConfiguration config, List<SipListener> listeners) {
        List<Connector> connectors = new ArrayList<>();
        http.ifPresent(address -> connectors.add(connector(address)));
        https.ifPresent(address -> {
            TlsSettings.ServerKeystore keystore = TlsSettings.forAdmin(config, listeners, address.host());
            Connector connector = connector(address);
            connector.setScheme("https");
            connector.setSecure(true);
            connector.setProperty("SSLEnabled", "true");
            connector.setProperty("sslProtocol", "TLS");
            connector.setProperty("sslEnabledProtocols", HTTPS_PROTOCOLS);
            connector.setProperty("clientAuth", "false");
            connector.setProperty("keystoreFile", keystore.path().toString());
            connector.setProperty("keystoreType", keystore.type());
            connector.setProperty("keystorePass", keystore.password());
            connectors.add(connector);
        });
        return connectors;
    }

    /** For the log: {@code http://127.0.0.1:8088, https://127.0.0.1:8443}. */
    @Override
    public String toString() {
        List<String> urls = new ArrayList<>();
        http.ifPresent(a -> urls.add("http://" + a));
        https.ifPresent(a -> urls.add("https://" + a));
        return urls.isEmpty() ? "off" : String.join(", ", urls);
    }

    private static Optional<HostPort> address(RouterConfiguration config, String key, Optional<HostPort> fallback) {
        Optional<String> text = config.optional(key);
        if (text.isPresent() && text.get().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return fallback;
        }
        HostPort address = config.parsed(key, null, HostPort::parse);
        if (address.port().isEmpty()) {
            throw config.invalid(key, "needs a port, as in 127.0.0.1:" + (key.equals(HTTP_KEY) ? "8088" : "8443"));
        }
        return Optional.of(address);
    }

    private static Connector connector(HostPort address) {
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(address.port().orElseThrow());
        connector.setProperty("address", address.host());
        return connector;
    }
}
