package org.interchange.it.support.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.interchange.it.support.Router;
import org.interchange.it.support.sip.AgentPorts;
import org.jboss.arquillian.container.spi.client.container.ConfigurationMapper;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;

/**
 * The {@code interchange-embedded} Arquillian container: the router as it ships, started by its own
 * {@code bin/interchange} (the embedded launcher) in a working copy of the distribution.
 *
 * <p>Starting the router takes 10 s or more, so a container keeps its router running from the first deployment to
 * the end of the run: {@link #deploy} starts it, later deployments of the same WAR (by content) find it running,
 * {@link #undeploy} leaves it up for the next test class, and {@link #stop} ends it. A different WAR restarts it.
 * Test classes that need other settings target another container of {@code arquillian.xml}; one that needs a
 * restart calls {@link Router#restart()}.
 *
 * <p>Deployments are client-side ({@code testable = false}): tests talk SIP and HTTP to the router from outside,
 * and get a {@link Router} handle with {@code @ArquillianResource}.
 */
public class InterchangeContainer implements DeployableContainer<InterchangeContainerConfiguration> {

    /** The admin password of every test router. */
    static final String ADMIN_PASSWORD = "interchange-it-admin";

    private InterchangeContainerConfiguration config;
    private Installation installation;
    private RunDatabase database;
    private Map<String, String> settings;
    private RouterProcess process;
    private String deployedDigest;
    private Router router;

    @Override
    public Class<InterchangeContainerConfiguration> getConfigurationClass() {
        return InterchangeContainerConfiguration.class;
    }

    @Override
    public ConfigurationMapper<InterchangeContainerConfiguration> getConfigurationMapper() {
        return InterchangeContainerConfiguration::populate;
    }

    @Override
    public void setup(InterchangeContainerConfiguration configuration) {
        this.config = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local"); // unused: the deployments are not testable
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String digest = digest(archive);
        if (process == null || !digest.equals(deployedDigest)) {
            stopRouter();
            prepare();
            try {
                installation.deploy(archive);
            } catch (IOException e) {
                throw new DeploymentException("cannot put " + archive.getName() + " into " + installation.directory(), e);
            }
            startRouter();
            deployedDigest = digest;
            String contextPath = "/" + archive.getName().replaceFirst("\\.war$", "");
            router = new Router(config.name(), settings, contextPath, installation.log(),
                    installation.configuration(), installation.data(),
                    this::restart);
        }
        return new ProtocolMetaData().addContext(router);
    }

    /** Leaves the router running for the next test class: see the class comment. */
    @Override
    public void undeploy(Archive<?> archive) {
        // stop() ends the router at the end of the run
    }

    @Override
    public void stop() throws LifecycleException {
        stopRouter();
        if (database != null) {
            try {
                database.drop();
            } catch (SQLException e) {
                throw new LifecycleException("cannot drop " + database, e);
            }
            database = null;
        }
    }

    /**
     * Makes the working copy, the run's database and the configuration file, once per run; after a failure the next
     * deployment tries again from the start.
     */
    private void prepare() throws DeploymentException {
        if (installation != null) {
            return;
        }
        try {
            Installation copy = Installation.copy(config.distribution(), config.workDirectory());
            RunDatabase runDatabase = RunDatabase.create(config);
            Map<String, String> routerSettings = settings(runDatabase);
            copy.configure(routerSettings, "The test configuration of the container '" + config.name()
                    + "' (it-tests/src/test/resources/arquillian.xml), written by the it-tests container adapter.\n"
                    + "Database: " + runDatabase);
            installation = copy;
            database = runDatabase;
            settings = routerSettings;
        } catch (IOException | SQLException e) {
            throw new DeploymentException("cannot prepare the router of container " + config.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Stands for the container's SIP port in its settings. */
    static final String SIP_PORT = "{sip-port}";
    /** Stands for the port above it, for TLS listeners on the address of a TCP one. */
    static final String SIP_TLS_PORT = "{sip-tls-port}";

    /**
     * The router's configuration: loopback listeners on the container's port (UDP and TCP on 127.0.0.1, UDP on
     * [::1]), the admin API on the port 3028 above, the registrar and authentication defaults written out, then the
     * container's own settings and database over them. In the container's settings, {@value #SIP_PORT} stands for
     * its SIP port: {@code listener.udp-b = udp:127.0.0.2:{sip-port}}, and {@value #SIP_TLS_PORT} for the port above
     * it: {@code listener.tls = tls:127.0.0.1:{sip-tls-port}}; {@code {agent-port:last}} for the top port of the
     * agents' range, where a test's own server listens ({@code {agent-port:last-1}} below it).
     */
    private Map<String, String> settings(RunDatabase runDatabase) {
        Map<String, String> all = new LinkedHashMap<>();
        int port = config.sipPort();
        all.put("listener.udp", "udp:127.0.0.1:" + port);
        all.put("listener.tcp", "tcp:127.0.0.1:" + port);
        all.put("listener.udp6", "udp:[::1]:" + port);
        all.put("domains", "127.0.0.1");
        all.put("admin.http", "127.0.0.1:" + config.adminPort());
        all.put("admin.password", ADMIN_PASSWORD);
        all.put("registrar.min-expires", "60");
        all.put("registrar.max-expires", "3600");
        all.put("registrar.default-expires", "3600");
        all.put("registrar.max-contacts", "10");
        all.put("location.timer-interval", "60");
        all.put("auth.register", "true");
        all.put("auth.methods", "INVITE, MESSAGE, SUBSCRIBE, PUBLISH, REFER");
        all.put("auth.algorithms", "SHA-256, MD5");
        all.put("auth.nonce-lifetime", "300");
        config.settings().forEach((key, value) -> all.put(key, agentPorts(value
                .replace(SIP_PORT, String.valueOf(port)).replace(SIP_TLS_PORT, String.valueOf(port + 1)))));
        all.putAll(runDatabase.routerSettings());
        return all;
    }

    /** {@code {agent-port:last}}, {@code {agent-port:last-1}}: a port of a test's own server ({@link AgentPorts#fromTop}).
     */
    private static final Pattern AGENT_PORT = Pattern.compile("\\{agent-port:last(?:-(\\d+))?}");

    private static String agentPorts(String value) {
        return AGENT_PORT.matcher(value).replaceAll(match -> String.valueOf(
                AgentPorts.fromTop(match.group(1) == null ? 0 : Integer.parseInt(match.group(1)))));
    }

    private void startRouter() throws DeploymentException {
        process = RouterProcess.start(installation, config.javaOptions(),
                Duration.ofSeconds(config.startTimeoutSeconds()), stopTimeout());
    }

    private void stopRouter() {
        if (process != null) {
            process.stop(stopTimeout());
            process = null;
        }
    }

    /** What {@link Router#restart()} does: the same installation, configuration and data. */
    private void restart() {
        stopRouter();
        try {
            startRouter();
        } catch (DeploymentException e) {
            throw new IllegalStateException("the router of container " + config.name() + " did not come back", e);
        }
    }

    private Duration stopTimeout() {
        return Duration.ofSeconds(config.stopTimeoutSeconds());
    }

    /** A digest of an archive's paths and contents: equal for the same WAR, whatever its file dates. */
    private static String digest(Archive<?> archive) throws DeploymentException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Node node : archive.getContent().values().stream()
                    .sorted(Comparator.comparing(node -> node.getPath().get())).toList()) {
                sha.update(node.getPath().get().getBytes(StandardCharsets.UTF_8));
                if (node.getAsset() != null) {
                    try (InputStream content = new DigestInputStream(node.getAsset().openStream(), sha)) {
                        content.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new DeploymentException("cannot read the archive " + archive.getName(), e);
        }
    }
}
