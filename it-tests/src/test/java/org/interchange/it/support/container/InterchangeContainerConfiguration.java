package org.interchange.it.support.container;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The configuration of one {@code interchange-embedded} container in {@code arquillian.xml}. Each container is a
 * router with its own ports, working directory and settings; test classes pick one with
 * {@code @TargetsContainer}.
 */
public class InterchangeContainerConfiguration implements ContainerConfiguration {

    private String name;
    private String distribution;
    private String workDirectory;
    private int basePort = 15060;
    private int portOffset;
    private String settings = "";
    private String database = "h2";
    private String databaseUrl = "";
    private String databaseUser = "";
    private String databasePassword = "";
    private int startTimeoutSeconds = 60;
    private int stopTimeoutSeconds = 30;
    private String javaOptions = "";

    @Override
    public void validate() throws ConfigurationException {
        if (name == null || !name.matches("[a-z0-9-]+")) {
            throw new ConfigurationException("name must be set, in lower-case letters, digits and '-': " + name);
        }
        if (distribution == null || !Files.isRegularFile(Path.of(distribution, "bin", "interchange"))
                || !Files.isRegularFile(Path.of(distribution, "lib", "catalina.jar"))) {
            throw new ConfigurationException("distribution " + distribution + " is not a built Interchange "
                    + "distribution (bin/interchange, lib/catalina.jar): build it first with "
                    + "mvn -B -DskipTests package -pl container-config/distribution -am");
        }
        if (workDirectory == null || workDirectory.isBlank()) {
            throw new ConfigurationException("workDirectory must be set");
        }
        int sip = sipPort();
        if (sip < 1024 || adminPort() > 65535) {
            throw new ConfigurationException("basePort + portOffset = " + sip + " puts the SIP port or the admin "
                    + "port (+3028) outside 1024..65535");
        }
        try {
            RunDatabase.Kind.named(database);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        if (startTimeoutSeconds < 1 || stopTimeoutSeconds < 1) {
            throw new ConfigurationException("the start and stop timeouts must be positive");
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

    public String getName() {
        return name;
    }

    /** The container's name: its working directory's and its log's; use the qualifier of arquillian.xml. */
    public void setName(String name) {
        this.name = name;
    }

    public String getDistribution() {
        return distribution;
    }

    /** The built distribution (container-config/distribution/target/interchange); copied, never written to. */
    public void setDistribution(String distribution) {
        this.distribution = distribution;
    }

    public String getWorkDirectory() {
        return workDirectory;
    }

    /** Where containers keep their copy of the distribution, one sub-directory each, emptied at every run. */
    public void setWorkDirectory(String workDirectory) {
        this.workDirectory = workDirectory;
    }

    public int getBasePort() {
        return basePort;
    }

    /** The first port of the tests' range (default 15060). */
    public void setBasePort(int basePort) {
        this.basePort = basePort;
    }

    public int getPortOffset() {
        return portOffset;
    }

    /** Added to the base port, so that several containers run side by side (default 0). */
    public void setPortOffset(int portOffset) {
        this.portOffset = portOffset;
    }

    public String getSettings() {
        return settings;
    }

    /** Lines of interchange.properties that replace the tests' defaults, such as registrar.min-expires = 2. */
    public void setSettings(String settings) {
        this.settings = settings;
    }

    public String getDatabase() {
        return database;
    }

    /** h2 (the router's embedded default), postgresql or mariadb: a schema or database made for the run. */
    public void setDatabase(String database) {
        this.database = database;
    }

    public String getDatabaseUrl() {
        return databaseUrl;
    }

    /** The server to make the run's schema on; empty for the local default of the database kind. */
    public void setDatabaseUrl(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    public String getDatabaseUser() {
        return databaseUser;
    }

    /** Empty for the local default of the database kind. */
    public void setDatabaseUser(String databaseUser) {
        this.databaseUser = databaseUser;
    }

    public String getDatabasePassword() {
        return databasePassword;
    }

    public void setDatabasePassword(String databasePassword) {
        this.databasePassword = databasePassword;
    }

    public int getStartTimeoutSeconds() {
        return startTimeoutSeconds;
    }

    /** How long the router may take to print "Interchange ready" (default 60). */
    public void setStartTimeoutSeconds(int startTimeoutSeconds) {
        this.startTimeoutSeconds = startTimeoutSeconds;
    }

    public int getStopTimeoutSeconds() {
        return stopTimeoutSeconds;
    }

    /** How long the router may take to stop after SIGTERM before it is killed (default 30). */
    public void setStopTimeoutSeconds(int stopTimeoutSeconds) {
        this.stopTimeoutSeconds = stopTimeoutSeconds;
    }

    public String getJavaOptions() {
        return javaOptions;
    }

    /** JAVA_OPTS of the router's JVM. */
    public void setJavaOptions(String javaOptions) {
        this.javaOptions = javaOptions;
    }
}
