package org.interchange.container.embedded;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.catalina.connector.Connector;
import org.interchange.container.AdminListeners;
import org.interchange.container.ConnectionLimits;
import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.tls.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the router in one JVM: Tomcat + MSS with the listeners of {@code interchange.properties}, the WAR of
 * {@code webapps/}, logging to the console, stopping cleanly on SIGTERM or Ctrl-C.
 *
 * <p>Expects {@code catalina.base} (the distribution directory) and optionally {@code interchange.config} as system
 * properties; {@code bin/interchange} sets both. Exit status: 0 after a clean stop, 1 when the container or the
 * router failed to start, 2 for a bad configuration.
 */
public final class EmbeddedRouter {

    /** Printed once the listeners are open and the router is deployed; tools wait for it. */
    public static final String READY_LINE = "Interchange ready";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRouter.class);

    private EmbeddedRouter() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        String base = System.getProperty("catalina.base");
        if (base == null) {
            System.err.println("interchange: catalina.base is not set; start the router with bin/interchange");
            System.exit(2);
        }
        List<SipListener> listeners;
        AdminListeners admin;
        List<Connector> adminConnectors;
        Optional<TlsSettings> tls;
        ConnectionLimits connectionLimits;
        try {
            RouterConfiguration config = RouterConfiguration.load();
            listeners = SipListener.allFrom(config);
            admin = AdminListeners.from(config);
            // before the SIP stack's settings: a keystore generated here names the TLS listeners too
            adminConnectors = admin.connectors(config, listeners);
            tls = TlsSettings.resolve(config, listeners);
            connectionLimits = ConnectionLimits.from(config);
        } catch (InvalidConfigurationException e) {
            System.err.println("interchange: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IllegalStateException | UncheckedIOException e) {
            log.error("Interchange cannot start: no keystore for its TLS listeners or admin HTTPS: {}", e.getMessage());
            System.exit(1);
            return;
        }
        tls.ifPresent(settings -> log.info("TLS listeners: {}", settings));

        EmbeddedContainer container = new EmbeddedContainer(Path.of(base), listeners, adminConnectors, tls,
                connectionLimits);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(container), "interchange-shutdown"));
        try {
            container.start();
        } catch (Exception e) {
            log.error("The container did not start", e);
            System.exit(1);
        }
        List<String> problems = container.startupProblems();
        if (!problems.isEmpty()) {
            log.error("Interchange did not start: {}; see the errors above", String.join("; ", problems));
            System.exit(1);
        }
        log.info("{} in {} ms: SIP on {}, admin API {}", READY_LINE, (System.nanoTime() - started) / 1_000_000,
                listeners.stream().map(SipListener::toString).collect(Collectors.joining(", ")), admin);
        container.await();
    }

    private static void stop(EmbeddedContainer container) {
        log.info("Interchange stopping");
        try {
            container.stop();
        } catch (IllegalStateException e) {
            log.warn("Interchange did not stop cleanly", e);
        }
    }
}
