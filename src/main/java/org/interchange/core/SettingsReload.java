package org.interchange.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Event;
import javax.inject.Inject;

import org.interchange.container.AdminListeners;
import org.interchange.container.ConnectionLimits;
import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.container.dns.DnsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code reload}: reads {@code interchange.properties} again and applies what can change without a restart. The
 * file is checked first (every setting that reloads, the settings whose observers check them though they need a
 * restart, the container's, and unknown keys); a bad file changes nothing. One reload at a time. The keys that
 * reload are those the {@link Reloading} observers stage.
 */
@ApplicationScoped
public class SettingsReload {

    private static final Logger log = LoggerFactory.getLogger(SettingsReload.class);

    private RouterConfiguration started;
    private Event<Reloading> reloading;
    private RouterConfiguration applied;

    protected SettingsReload() {
        // for CDI's proxy
    }

    @Inject
    public SettingsReload(RouterConfiguration started, Event<Reloading> reloading) {
        this.started = started;
        this.reloading = reloading;
        this.applied = started;
    }

    /**
     * Reloads the configuration file.
     *
     * @throws InvalidConfigurationException when the file cannot be used, naming file, line, key and problem;
     *                                       nothing changed then
     */
    public synchronized ReloadReport reload() {
        RouterConfiguration next = RouterConfiguration.load(started.file());
        Reloading event = new Reloading(next);
        try {
            reloading.fire(event);
        } catch (RuntimeException e) {
            throw invalidConfiguration(e);
        }
        checkContainerSettings(next);
        next.rejectUnreadKeys(started.keysRead());
        Map<String, String> before = applied.fileValues();
        Map<String, String> after = next.fileValues();
        Map<String, String> atStart = started.fileValues();
        Map<String, ReloadReport.Change> changed = new LinkedHashMap<>();
        List<String> restartNeeded = new ArrayList<>();
        for (String key : keys(atStart, before, after)) {
            if (event.reloads(key)) {
                if (!Objects.equals(before.get(key), after.get(key))) {
                    changed.put(key, new ReloadReport.Change(before.get(key), after.get(key)));
                }
            } else if (!Objects.equals(atStart.get(key), after.get(key))) {
                restartNeeded.add(key);
            }
        }
        event.apply();
        applied = next;
        log.info("Reloaded {}: changed {}, needing a restart {}", next.file(), changed.keySet(), restartNeeded);
        return new ReloadReport(changed, restartNeeded);
    }

    /**
     * The container's settings (admin listeners, TCP limits, DNS) need a restart, but a bad value refuses the reload
     * as it would the start. The TLS keys are not checked here: reading them may generate a keystore.
     */
    private static void checkContainerSettings(RouterConfiguration next) {
        AdminListeners.from(next);
        ConnectionLimits.from(next);
        DnsSettings.from(next);
    }

    @SafeVarargs
    private static Set<String> keys(Map<String, String>... values) {
        Set<String> keys = new TreeSet<>();
        for (Map<String, String> map : values) {
            keys.addAll(map.keySet());
        }
        return keys;
    }

    /** The configuration problem an observer found, out of the layers CDI may have wrapped around it. */
    private static RuntimeException invalidConfiguration(RuntimeException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return invalid;
            }
        }
        return error;
    }
}
