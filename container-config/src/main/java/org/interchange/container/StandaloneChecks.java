package org.interchange.container;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Server;
import org.apache.catalina.Service;
import org.apache.catalina.connector.Connector;
import org.apache.juli.logging.LogFactory;
import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.tls.TlsSettings;
import org.mobicents.servlet.sip.catalina.SipStandardService;
import org.mobicents.servlet.sip.startup.SipProtocolHandler;

/**
 * When Tomcat runs standalone from {@code server.xml}, opens the admin API's connectors of
 * {@code interchange.properties} ({@link AdminListeners}: {@code server.xml} names none, so that
 * {@code admin.http = off} holds), gives the SIP stack the keystore of the TLS listeners
 * ({@code tls.*} of {@code interchange.properties}, or the self-signed one generated in the data directory, as the
 * embedded launcher does) and the TCP/TLS connection limits ({@link ConnectionLimits}), each SIP connector the names
 * MSS must know its listener by ({@link MssHostNames}), keeps MSS from reporting usage statistics
 * ({@link NoUsageStatistics}) and makes its start fail, as the embedded launcher's does, when
 * <ul>
 *   <li>the SIP connectors of {@code server.xml} are not the listeners of {@code interchange.properties} (the
 *       router names, advertises and chooses listeners from the latter), or</li>
 *   <li>a connector did not open, or the router's web application did not start (Tomcat and MSS would only log
 *       that and carry on).</li>
 * </ul>
 * Use it on the {@code <Server>} of {@code server.xml}: {@code <Listener className="..."/>}.
 */
public class StandaloneChecks implements LifecycleListener {

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!(event.getLifecycle() instanceof Server server)) {
            return;
        }
        if (Lifecycle.BEFORE_INIT_EVENT.equals(event.getType())) {
            RouterConfiguration config = configuration();
            // the admin API's connectors come from interchange.properties, so that admin.http = off holds here too;
            // made first: a keystore generated for HTTPS names the TLS listeners too
            List<Connector> adminConnectors = adminConnectors(config);
            // the SIP service creates its stack when it initialises, from the properties it has by then
            Optional<TlsSettings> tls = tlsSettings(config);
            ConnectionLimits connectionLimits = connectionLimits(config);
            List<SipListener> listeners = SipListener.allFrom(config);
            for (Service service : server.findServices()) {
                if (service instanceof SipStandardService sipService) {
                    sipService.setSipStackProperties(connectionLimits.stackProperties(tls));
                    adminConnectors.forEach(sipService::addConnector);
                }
                nameListeners(service, listeners);
            }
            tls.ifPresent(settings -> LogFactory.getLog(StandaloneChecks.class).info("TLS listeners: " + settings));
            LogFactory.getLog(StandaloneChecks.class).info("Admin API: " + AdminListeners.from(config));
        } else if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            NoUsageStatistics.apply(); // the SIP service, initialised by now, has created MSS's dispatcher
            RouterConfiguration config = RouterConfiguration.load();
            List<SipListener> listeners = SipListener.allFrom(config);
            List<String> configured = StartupProblems.sockets(listeners);
            for (Service service : server.findServices()) {
                if (service instanceof SipStandardService sipService) {
                    MssHostNames.addToDispatcher(sipService.getSipApplicationDispatcher(), listeners);
                }
                List<String> connectors = StartupProblems.sockets(service);
                if (!connectors.isEmpty() && !Set.copyOf(connectors).equals(Set.copyOf(configured))) {
                    throw stopTomcat("server.xml opens SIP connectors " + connectors + " but "
                            + config.file() + " defines the listeners " + configured
                            + ": make them the same (the router names and chooses listeners from the latter)");
                }
            }
        } else if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
            for (Service service : server.findServices()) {
                List<String> connectors = StartupProblems.failedConnectors(service);
                if (!connectors.isEmpty()) {
                    throw stopTomcat("cannot listen on " + String.join(", ", connectors)
                            + ": see the errors above");
                }
                List<String> applications = StartupProblems.failedApplications(service);
                if (!applications.isEmpty()) {
                    throw stopTomcat("the router did not start (" + String.join(", ", applications)
                            + "): see the errors above");
                }
            }
        }
    }

    /** Gives each IPv6 SIP connector the names MSS must know its listener by ({@link MssHostNames}). */
    private static void nameListeners(Service service, List<SipListener> listeners) {
        Map<String, SipListener> bySocket = new HashMap<>();
        listeners.forEach(listener -> bySocket.put(listener.socket(), listener));
        List<String> sockets = StartupProblems.sockets(service);
        List<Connector> connectors = Arrays.stream(service.findConnectors())
                .filter(connector -> connector.getProtocolHandler() instanceof SipProtocolHandler).toList();
        for (int i = 0; i < connectors.size(); i++) {
            SipListener listener = bySocket.get(sockets.get(i));
            String names = listener == null ? "" : MssHostNames.ofConnector(listener);
            if (!names.isEmpty()) {
                connectors.get(i).setProperty("hostNames", names);
            }
        }
    }

    private static ConnectionLimits connectionLimits(RouterConfiguration config) {
        try {
            return ConnectionLimits.from(config);
        } catch (InvalidConfigurationException e) {
            throw stopTomcat("invalid configuration: " + e.getMessage());
        }
    }

    private static RouterConfiguration configuration() {
        try {
            return RouterConfiguration.load();
        } catch (InvalidConfigurationException e) {
            throw stopTomcat("invalid configuration: " + e.getMessage());
        }
    }

    private static List<Connector> adminConnectors(RouterConfiguration config) {
        try {
            return AdminListeners.from(config).connectors(config, SipListener.allFrom(config));
        } catch (InvalidConfigurationException e) {
            throw stopTomcat("invalid configuration: " + e.getMessage());
        } catch (IllegalStateException | UncheckedIOException e) {
            throw stopTomcat("no keystore for the admin API's HTTPS: " + e.getMessage());
        }
    }

    private static Optional<TlsSettings> tlsSettings(RouterConfiguration config) {
        try {
            return TlsSettings.resolve(config, SipListener.allFrom(config));
        } catch (InvalidConfigurationException e) {
            throw stopTomcat("invalid configuration: " + e.getMessage());
        } catch (IllegalStateException | UncheckedIOException e) {
            throw stopTomcat("no keystore for the TLS listeners: " + e.getMessage());
        }
    }

    /**
     * Tomcat logs a failed start and goes on living (MSS's stack threads keep the JVM up): exit once the failing
     * start has returned, so that a service manager sees the failure. Exiting from another thread lets Tomcat's
     * shutdown hook stop the server after this start has released it.
     */
    private static IllegalStateException stopTomcat(String problem) {
        LogFactory.getLog(StandaloneChecks.class).fatal("Interchange cannot start: " + problem);
        Thread exit = new Thread(() -> System.exit(1), "interchange-failed-start");
        exit.setDaemon(true);
        exit.start();
        return new IllegalStateException(problem);
    }
}
