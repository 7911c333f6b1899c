package org.interchange.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

import org.apache.log4j.LogManager;
import org.apache.log4j.Level;
import org.interchange.core.ReloadReport;
import org.interchange.core.RouterStarting;
import org.interchange.logging.LogLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManagementBeansTest {

    private static final String LOGGER = "org.interchange.test.jmx";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ManagementBeans beans = new ManagementBeans();

    @AfterEach
    void unregister() {
        beans.stop();
        LogManager.getLogger(LOGGER).setLevel(null);
        LogManager.getLoggerRepository().setThreshold(Level.ALL);
    }

    @Test
    void logLevelsAreReadAndSetThroughThePlatformMBeanServer() throws Exception {
        beans.logLevels = new LogLevels();
        beans.start(new RouterStarting());
        ObjectName name = new ObjectName("org.interchange:type=LogLevels");

        server.invoke(name, "setLevel", new Object[] {LOGGER, "DEBUG"},
                new String[] {String.class.getName(), String.class.getName()});

        TabularData levels = (TabularData) server.getAttribute(name, "Levels");
        assertThat(levels.get(new Object[] {LOGGER}).get("value")).isEqualTo("DEBUG");
        assertThat(server.isRegistered(new ObjectName("org.interchange:type=Reload"))).isTrue();
    }

    @Test
    void stoppingUnregistersThem() throws Exception {
        beans.logLevels = new LogLevels();
        beans.start(new RouterStarting());

        beans.stop();

        assertThat(server.isRegistered(new ObjectName("org.interchange:type=LogLevels"))).isFalse();
    }

    @Test
    void aReloadIsDescribedOnOneLine() {
        assertThat(ManagementBeans.describe(new ReloadReport(
                Map.of("registrar.max-expires", new ReloadReport.Change("3600", "600")), List.of("database.url"))))
                .isEqualTo("changed: registrar.max-expires 3600 -> 600; restart needed: database.url");
    }
}
