package org.interchange.it.support.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.arquillian.config.descriptor.api.ContainerDef;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The configuration of one {@code interchange-embedded} container of {@code arquillian.xml}: a router with its own
 * ports, working directory and settings. Test classes pick a container with {@code @TargetsContainer}.
 *
 * <p>Properties whose name has a dot are lines of the router's {@code interchange.properties}, written over the
 * tests' defaults ({@code <property name="registrar.min-expires">2</property>}). The others belong to the adapter:
 * <dl>
 *   <dt>distribution</dt><dd>the built distribution; copied, never written to (required)</dd>
 *   <dt>workDirectory</dt><dd>where containers keep their copy of it, one sub-directory each, emptied at each run
 *       (required)</dd>
 *   <dt>basePort</dt><dd>the first port of the tests' range (default 15060)</dd>
 *   <dt>portOffset</dt><dd>added to the base port, so that containers run side by side (default 0)</dd>
 *   <dt>database</dt><dd>{@code h2} (the router's embedded default), {@code postgresql} or {@code mariadb}: a
 *       schema or database made for the run</dd>
 *   <dt>databaseUrl, databaseUser, databasePassword</dt><dd>the server to make it on; the local default of the
 *       kind when empty. {@code {sip-port}} in the URL stands for the container's SIP port (a port of the run's
 *       own, for a proxy in front of the server)</dd>
 *   <dt>startTimeoutSeconds</dt><dd>how long the router may take to print "Interchange ready" (default 60)</dd>
 *   <dt>stopTimeoutSeconds</dt><dd>how long it may take to stop after SIGTERM before it is killed (default 30)</dd>
 *   <dt>javaOptions</dt><dd>JAVA_OPTS of the router's JVM</dd>
 * </dl>
 * The container's qualifier names its working directory.
 */
public class InterchangeContainerConfiguration implements ContainerConfiguration {

    private String name;
    private String distribution;
    private String workDirectory;
    private int basePort = 15060;
    private int portOffset;
    private String database = "h2";
    private String databaseUrl = "";
    private String databaseUser = "";
    private String databasePassword = "";
    private int startTimeoutSeconds = 60;
    private int stopTimeoutSeconds = 30;
    private String javaOptions = "";
    private final Map<String, String> settings = new LinkedHashMap<>();

    /** Reads a container definition of arquillian.xml. */
    void populate(ContainerDef definition) throws ConfigurationException {
        name = definition.getContainerName();
        for (Map.Entry<String, String> property : definition.getContainerProperties().entrySet()) {
            set(property.getKey(), property.getValue().trim());
        }
    }

    private void set(String property, String value) throws ConfigurationException {
        if (property.contains(".")) {
            settings.put(property, value);
            return;
        }
        switch (property) {
            case "distribution" -> distribution = value;
            case "workDirectory" -> workDirectory = value;
            case "basePort" -> basePort = integer(property, value);
            case "portOffset" -> portOffset = integer(property, value);
            case "database" -> database = value;
            case "databaseUrl" -> databaseUrl = value;
            case "databaseUser" -> databaseUser = value;
            case "databasePassword" -> databasePassword = value;
            case "startTimeoutSeconds" -> startTimeoutSeconds = integer(property, value);
            case "stopTimeoutSeconds" -> stopTimeoutSeconds = integer(property, value);
            case "javaOptions" -> javaOptions = value;
            default -> throw new ConfigurationException("container " + name + ": unknown property " + property
                    + " (router settings are written with their dotted key, such as registrar.min-expires)");
        }
    }

    @Override
    public void validate() throws ConfigurationException {
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw new ConfigurationException("the container qualifier must be letters, digits, '-' and '_': " + name);
        }
        if (distribution == null || !Files.isRegularFile(Path.of(distribution, "bin", "interchange"))
                || !Files.isRegularFile(Path.of(distribution, "lib", "catalina.jar"))) {
            throw new ConfigurationException("container " + name + ": distribution " + distribution + " is not a "
                    + "built Interchange distribution (bin/interchange, lib/catalina.jar); build it first with "
                    + "mvn -B -DskipTests package -pl container-config/distribution -am");
        }
        if (workDirectory == null || workDirectory.isBlank()) {
            throw new ConfigurationException("container " + name + ": workDirectory must be set");
        }
        if (sipPort() < 1024 || adminPort() > 65535) {
            throw new ConfigurationException("container " + name + ": basePort + portOffset = " + sipPort()
                    + " puts the SIP port or the admin port (+3028) outside 1024..65535");
        }
        if (startTimeoutSeconds < 1 || stopTimeoutSeconds < 1) {
            throw new ConfigurationException("container " + name + ": the start and stop timeouts must be positive");
        }
        try {
            RunDatabase.Kind.named(database);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("container " + name + ": " + e.getMessage());
        }
    }

    /** The port of every SIP listener: {@code basePort + portOffset}. */
    int sipPort() {
        return basePort + portOffset;
    }

    /** The admin API's port: the SIP port + 3028 (15060 -> 18088, as 5060 -> 8088 in production). */
    int adminPort() {
        return sipPort() + 3028;
    }

    String name() {
        return name;
    }

    Path distribution() {
        return Path.of(distribution);
    }

    /** This container's own working directory. */
    Path workDirectory() {
        return Path.of(workDirectory, name);
    }

    String database() {
        return database;
    }

    String databaseUrl() {
        return databaseUrl.replace(InterchangeContainer.SIP_PORT, String.valueOf(sipPort()));
    }

    String databaseUser() {
        return databaseUser;
    }

    String databasePassword() {
        return databasePassword;
    }

    int startTimeoutSeconds() {
        return startTimeoutSeconds;
    }

    int stopTimeoutSeconds() {
        return stopTimeoutSeconds;
    }

    String javaOptions() {
        return javaOptions;
    }

    /** The router settings of this container, over the tests' defaults. */
    Map<String, String> settings() {
        return settings;
    }

    private int integer(String property, String value) throws ConfigurationException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("container " + name + ": " + property + " = " + value
                    + " is not a number");
        }
    }
}
