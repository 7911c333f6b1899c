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

    /** Where the router keeps its files: {@code data.dir}, by default {@code -Dinterchange.data}. */
    public static final String DATA_DIR_KEY = "data.dir";

    @Produces
    @Singleton
    RouterConfiguration configuration() {
        return RouterConfiguration.load();
    }

    @Produces
    @Singleton
    DataDirectory dataDirectory(RouterConfiguration config) {
        String fallback = System.getProperty("interchange.data",
                Path.of(System.getProperty("catalina.base", "."), "data").toString());
        return new DataDirectory(Path.of(config.string(DATA_DIR_KEY, fallback)).toAbsolutePath());
    }
}
