package org.interchange.core;

import java.nio.file.Path;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.interchange.container.config.RouterConfiguration;

/**
 * Produces the router's configuration ({@code interchange.properties}, read once at start) and its data directory.
 * Capabilities build their own settings records from it, so that every key is validated at start.
 */
@Dependent
public class Settings {

    @Produces
    @Singleton
    RouterConfiguration configuration() {
        return RouterConfiguration.load();
    }

    @Produces
    @Singleton
    DataDirectory dataDirectory(RouterConfiguration config) {
        return new DataDirectory(config.dataDirectory().orElseGet(() -> Path.of("data").toAbsolutePath()));
    }
}
