package org.interchange.mgmt;

import javax.enterprise.context.Dependent;
import javax.enterprise.event.Observes;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.DataDirectory;
import org.interchange.core.RouterStarting;

/** Produces the admin API's settings, and reads them at start so that a bad value stops it. */
@Dependent
public class AdminConfiguration {

    @Produces
    @Singleton
    static AdminSettings settings(RouterConfiguration config, DataDirectory data) {
        return AdminSettings.from(config, data);
    }

    void start(@Observes RouterStarting starting, AdminSettings settings) {
        // being called reads the settings
    }
}
