package org.interchange.container.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardServer;
import org.interchange.container.ConnectionLimits;
import org.interchange.container.MssHostNames;
import org.interchange.container.NoUsageStatistics;
import org.interchange.container.RefreshExpandedWars;
import org.interchange.container.SipDescriptorConfig;
import org.interchange.container.SipDescriptorHost;
import org.interchange.container.RestartProofDispatcher;
import org.interchange.container.StartupProblems;
import org.interchange.container.config.SipListener;
import org.interchange.container.dns.BoundedDnsServerLocator;
import org.interchange.container.dns.FailoverOn503Dispatcher;
import org.interchange.container.tls.TlsSettings;
import org.mobicents.servlet.sip.catalina.SipHostConfig;
import org.mobicents.servlet.sip.startup.SipProtocolHandler;
import org.mobicents.servlet.sip.startup.SipStandardEngine;
import org.mobicents.servlet.sip.startup.SipStandardService;

/**
 * Tomcat with MSS, wired in code the way {@code conf/server.xml} wires the standalone distribution: a
 * {@link SipStandardService} with the default application router and {@code conf/mss-sip-stack.properties}, one
 * SIP connector per listener, the TLS listeners' keystore and the TCP/TLS connection limits among the stack
 * properties, the admin API's HTTP and HTTPS connectors ({@link org.interchange.container.AdminListeners}), and a host
 * that deploys the WARs of {@code webapps/} with MSS's host config.
 */
final class EmbeddedContainer {

    static final String SERVICE_NAME = "Interchange";
    static final String DAR_FILE = "conf/dars/interchange-dar.properties";
    static final String SIP_STACK_PROPERTIES = "conf/mss-sip-stack.properties";
    /** Where JAIN-SIP finds its stack class: ours, which sends from the listener the router chose. */
    static final String SIP_PATH_NAME = "org.interchange";

    private final StandardServer server = new StandardServer();
    private final SipStandardService service = new SipStandardService();
    private final SipDescriptorHost host = new SipDescriptorHost();
    private final List<SipListener> listeners;

    EmbeddedContainer(Path catalinaBase, List<SipListener> listeners, List<Connector> adminConnectors,
                      Optional<TlsSettings> tls, ConnectionLimits connectionLimits) {
        this.listeners = listeners;
        server.setPort(-1); // no shutdown port: the JVM's signals stop us
        service.setName(SERVICE_NAME);
        service.setSipApplicationDispatcherClassName(RestartProofDispatcher.class.getName());
        service.setDarConfigurationFileLocation(DAR_FILE);
        service.setSipStackPropertiesFile(SIP_STACK_PROPERTIES);
        // the TCP/TLS connection limits and the TLS listeners' keystore; MSS loads the properties file over these
        service.setSipStackProperties(connectionLimits.stackProperties(tls));
        service.setSipPathName(SIP_PATH_NAME);
        service.setConcurrencyControlMode("None");
        service.setCongestionControlCheckingInterval(-1);
        // MSS sends usage statistics to a Restcomm server unless this is off
        service.setGatherStatistics(false);
        // RFC 3263 on the router's bounded, cached resolver rather than restcomm's, which blocks a stack thread
        service.setDnsServerLocatorClass(BoundedDnsServerLocator.class.getName());
        server.addService(service);

        SipStandardEngine engine = new SipStandardEngine();
        engine.setName(SERVICE_NAME);
        engine.setDefaultHost("localhost");
        service.setContainer(engine);

        host.setName("localhost");
        host.setAppBase(catalinaBase.resolve("webapps").toString());
        host.setUnpackWARs(true);
        host.setAutoDeploy(false);
        host.setDeployOnStartup(true);
        host.setConfigClass(SipDescriptorConfig.class.getName());
        // SipStandardHost cannot swap in its host config on Tomcat 7.0.109: install it ourselves
        host.addLifecycleListener(new SipHostConfig());
        host.addLifecycleListener(new RefreshExpandedWars());
        engine.addChild(host);

        for (SipListener listener : listeners) {
            service.addConnector(sipConnector(listener));
        }
        adminConnectors.forEach(service::addConnector);
    }

    void start() throws LifecycleException {
        server.init();
        // the SIP service has created MSS's dispatcher, which registers the counters
        NoUsageStatistics.apply();
        MssHostNames.addToDispatcher(service.getSipApplicationDispatcher(), listeners);
        server.start();
    }

    /** What went wrong while starting: connectors that did not open, applications that did not start. */
    List<String> startupProblems() {
        List<String> problems = new ArrayList<>();
        StartupProblems.failedConnectors(service).forEach(c -> problems.add("cannot listen on " + c));
        StartupProblems.failedApplications(service).forEach(a -> problems.add("the router (" + a + ") did not start"));
        if (host.findChildren().length == 0) {
            problems.add("no web application in " + host.getAppBase());
        }
        return problems;
    }

    /** Blocks the calling thread until {@link #stop()}. */
    void await() {
        server.await();
    }

    void stop() {
        try {
            if (server.getState().isAvailable()) {
                server.stop();
            }
            server.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        }
    }

    private static Connector sipConnector(SipListener listener) {
        Connector connector = new Connector(SipProtocolHandler.class.getName());
        connector.setPort(listener.port());
        connector.setProperty("ipAddress", listener.bound().host());
        connector.setProperty("signalingTransport", listener.transport().token());
        String hostNames = MssHostNames.ofConnector(listener);
        if (!hostNames.isEmpty()) {
            connector.setProperty("hostNames", hostNames);
        }
        listener.advertised().ifPresent(advertised -> {
            connector.setProperty("useStaticAddress", "true");
            connector.setProperty("staticServerAddress", advertised.host());
            connector.setProperty("staticServerPort", String.valueOf(advertised.port().orElse(listener.port())));
        });
        return connector;
    }
}
