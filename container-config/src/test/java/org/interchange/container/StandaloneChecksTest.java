package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.servlet.sip.startup.SipStandardService;

/**
 * Standalone Tomcat gets the TLS listeners' keystore and the admin API's connectors the way the embedded launcher
 * does, before the service initialises.
 */
class StandaloneChecksTest {

    private final Map<String, String> savedProperties = new HashMap<>();

    @TempDir
    Path directory;

    @AfterEach
    void restoreSystemProperties() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void beforeTheServiceInitialisesItsStackGetsTheGeneratedKeystore() throws Exception {
        Path config = Files.writeString(directory.resolve("interchange.properties"), """
                listener.udp = udp:127.0.0.1:5060
                listener.tls = tls:127.0.0.1:5061
                """);
        setSystemProperty("interchange.config", config.toString());
        setSystemProperty("interchange.data", directory.resolve("data").toString());
        StandardServer server = new StandardServer();
        SipStandardService service = new SipStandardService();
        server.addService(service);

        new StandaloneChecks().lifecycleEvent(new LifecycleEvent(server, Lifecycle.BEFORE_INIT_EVENT, null));

        assertThat(service.getSipStackProperties().getProperty("javax.net.ssl.keyStore"))
                .isEqualTo(directory.resolve("data/tls/interchange.p12").toString());
        assertThat(service.getSipStackProperties().getProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE"))
                .isEqualTo("Disabled");
    }

    @Test
    void withoutTlsListenerTheStackGetsTheConnectionLimitsAndNoKeystore() throws Exception {
        Path config = Files.writeString(directory.resolve("interchange.properties"), """
                listener.udp = udp:127.0.0.1:5060
                tcp.max-connections = 100
                tcp.idle-timeout = 30
                """);
        setSystemProperty("interchange.config", config.toString());
        setSystemProperty("interchange.data", directory.resolve("data").toString());
        StandardServer server = new StandardServer();
        SipStandardService service = new SipStandardService();
        server.addService(service);

        new StandaloneChecks().lifecycleEvent(new LifecycleEvent(server, Lifecycle.BEFORE_INIT_EVENT, null));

        assertThat(service.getSipStackProperties()).containsEntry("org.interchange.tcp.MAX_CONNECTIONS", "100")
                .containsEntry("org.interchange.tcp.MAX_CONNECTIONS_PER_SOURCE", "100")
                .containsEntry("org.interchange.tcp.IDLE_TIMEOUT_MS", "30000")
                .doesNotContainKey("javax.net.ssl.keyStore");
        assertThat(directory.resolve("data")).doesNotExist();
    }

    @Test
    void theAdminApiGetsTheConnectorsOfTheConfigurationNotOfServerXml() throws Exception {
        SipStandardService service = initialised("""
                listener.udp = udp:127.0.0.1:5060
                admin.http = 127.0.0.1:18088
                admin.https = 127.0.0.1:18443
                """);

        assertThat(service.findConnectors()).extracting(Connector::getPort, Connector::getScheme)
                .containsExactly(tuple(18088, "http"), tuple(18443, "https"));
        Connector https = service.findConnectors()[1];
        assertThat(https.getProperty("keystoreFile"))
                .isEqualTo(directory.resolve("data/tls/interchange.p12").toString());
        assertThat(https.getProperty("SSLEnabled")).hasToString("true");
    }

    @Test
    void adminHttpOffLeavesTheAdminApiClosed() throws Exception {
        SipStandardService service = initialised("""
                listener.udp = udp:127.0.0.1:5060
                admin.http = off
                """);

        assertThat(service.findConnectors()).isEmpty();
    }

    @Test
    void withoutAdminKeysTheApiListensOnLoopbackHttp() throws Exception {
        SipStandardService service = initialised("""
                listener.udp = udp:127.0.0.1:5060
                """);

        assertThat(service.findConnectors()).extracting(Connector::getPort, Connector::getScheme)
                .containsExactly(tuple(8088, "http"));
        assertThat(String.valueOf(service.findConnectors()[0].getProperty("address"))).endsWith("127.0.0.1");
    }

    private SipStandardService initialised(String configuration) throws Exception {
        Path config = Files.writeString(directory.resolve("interchange.properties"), configuration);
        setSystemProperty("interchange.config", config.toString());
        setSystemProperty("interchange.data", directory.resolve("data").toString());
        StandardServer server = new StandardServer();
        SipStandardService service = new SipStandardService();
        server.addService(service);
        new StandaloneChecks().lifecycleEvent(new LifecycleEvent(server, Lifecycle.BEFORE_INIT_EVENT, null));
        return service;
    }

    private void setSystemProperty(String name, String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
