package org.interchange.mgmt;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.ReloadReport;
import org.interchange.core.RouterStarting;
import org.interchange.core.SettingsReload;
import org.interchange.logging.LogLevels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's MBeans in the platform MBeanServer, under {@code org.interchange:type=...}: {@code LogLevels} and
 * {@code Reload}. Registered while the router starts, unregistered when it stops (a redeployed WAR registers its
 * own).
 */
@ApplicationScoped
public class ManagementBeans {

    private static final Logger log = LoggerFactory.getLogger(ManagementBeans.class);

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    @Inject
    LogLevels logLevels;
    @Inject
    SettingsReload reload;

    void start(@Observes RouterStarting starting) {
        register("LogLevels", new LogLevelsMXBean() {
            @Override
            public Map<String, String> getLevels() {
                return logLevels.levels();
            }

            @Override
            public List<String> getAllowedLevels() {
                return LogLevels.LEVELS;
            }

            @Override
            public void setLevel(String logger, String level) {
                logLevels.set(logger, level);
            }
        }, LogLevelsMXBean.class);
        register("Reload", (ReloadMXBean) () -> {
            try {
                return describe(reload.reload());
            } catch (InvalidConfigurationException e) {
                return "refused, nothing changed: " + e.getMessage();
            }
        }, ReloadMXBean.class);
    }

    static String describe(ReloadReport report) {
        String changed = report.changed().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue().from() + " -> " + entry.getValue().to())
                .collect(Collectors.joining(", "));
        return "changed: " + (changed.isEmpty() ? "nothing" : changed) + "; restart needed: "
                + (report.restartNeeded().isEmpty() ? "no" : String.join(", ", report.restartNeeded()));
    }

    private <T> void register(String type, T bean, Class<T> mxBeanInterface) {
        try {
            ObjectName name = new ObjectName("org.interchange", "type", type);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // left by an earlier deployment that did not stop cleanly
            }
            server.registerMBean(new StandardMBean(bean, mxBeanInterface, true), name);
            registered.add(name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the MBean org.interchange:type=" + type, e);
        }
    }

    @PreDestroy
    void stop() {
        for (ObjectName name : List.copyOf(registered)) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                log.warn("Cannot unregister the MBean {}: {}", name, e.toString());
            }
            registered.remove(name);
        }
    }
}
