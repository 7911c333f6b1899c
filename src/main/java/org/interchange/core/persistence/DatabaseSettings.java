package org.interchange.core.persistence;

import java.time.Duration;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.DataDirectory;

/**
 * The database connection settings.
 *
 * @param url      {@code database.url}: a JDBC URL of H2, PostgreSQL or MariaDB; default an H2 file
 *                 {@code interchange} in the data directory
 * @param user     {@code database.user}, default empty
 * @param password {@code database.password}, default empty
 * @param poolSize {@code database.pool-size}: connections kept open, 1..200, default 10
 * @param timeout  {@code database.timeout}: seconds, 1..60, default 3: how long connecting, logging in, a query
 *                 and waiting for a pooled connection may take before the call fails as "database unavailable"
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration timeout) {

    /** The default of {@code database.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    static DatabaseSettings from(RouterConfiguration config, DataDirectory data) {
        String url = config.string("database.url", "jdbc:h2:file:" + data.file("interchange"));
        config.parsed("database.url", null, DatabaseVendor::of);
        return new DatabaseSettings(url, config.string("database.user", ""), config.string("database.password", ""),
                config.integer("database.pool-size", 10, 1, 200),
                Duration.ofSeconds(config.integer("database.timeout", (int) DEFAULT_TIMEOUT.toSeconds(), 1, 60)));
    }

    DatabaseVendor vendor() {
        return DatabaseVendor.of(url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + ", timeout=" + timeout
                + "]";
    }
}
