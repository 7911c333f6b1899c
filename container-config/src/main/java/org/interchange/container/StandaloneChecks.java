package org.interchange.container;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Server;
import org.apache.catalina.Service;
import org.apache.juli.logging.LogFactory;
import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.config.SipListener;
import org.interchange.container.tls.TlsSettings;
import org.mobicents.servlet.sip.catalina.SipStandardService;

/**
 * When Tomcat runs standalone from {@code server.xml}, gives the SIP stack the keystore of the TLS listeners
 * ({@code tls.*} of {@code interchange.properties}, or the self-signed one generated in the data directory, as the
 * embedded launcher does) and the TCP/TLS connection limits ({@link ConnectionLimits}), keeps MSS from reporting
 * usage statistics ({@link NoUsageStatistics}) and makes its start fail, as the embedded launcher's does, when
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
            // the SIP service creates its stack when it initialises, from the properties it has by then
            Optional<TlsSettings> tls = tlsSettings();
            ConnectionLimits connectionLimits = connectionLimits();
            for (Service service : server.findServices()) {
                if (service instanceof SipStandardService sipService) {
                    sipService.setSipStackProperties(connectionLimits.stackProperties(tls));
                }
            }
            tls.ifPresent(settings -> LogFactory.getLog(StandaloneChecks.class).info("TLS listeners: " + settings));
        } else if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            NoUsageStatistics.apply(); // the SIP service, initialised by now, has created MSS's dispatcher
            RouterConfiguration config = RouterConfiguration.load();
            List<String> configured = StartupProblems.sockets(SipListener.allFrom(config));
            for (Service service : server.findServices()) {
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

    private static ConnectionLimits connectionLimits() {
        try {
            return ConnectionLimits.from(RouterConfiguration.load());
        } catch (InvalidConfigurationException e) {
            throw stopTomcat("invalid configuration: " + e.getMessage());
        }
    }

    private static Optional<TlsSettings> tlsSettings() {
        try {
            RouterConfiguration config = RouterConfiguration.load();
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
