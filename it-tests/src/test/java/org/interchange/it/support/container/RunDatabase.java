package org.interchange.it.support.container;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The database of one container's router for one test run. H2 needs nothing: the router makes its file in its
 * data directory, which every run starts empty. On PostgreSQL the run gets a schema of its own, on MariaDB a
 * database of its own, made before the router starts and dropped when the container stops, so that runs never see
 * each other's rows. (A run that is killed leaves its schema behind, named {@code interchange_it_*}.)
 */
final class RunDatabase {

    /** The database kinds, with the local server the tests expect by default (trust auth, no password). */
    enum Kind {
        H2("", ""),
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
        MARIADB("jdbc:mariadb://127.0.0.1:3306/", "root");

        final String defaultServer;
        final String defaultUser;

        Kind(String defaultServer, String defaultUser) {
            this.defaultServer = defaultServer;
            this.defaultUser = defaultUser;
        }

        static Kind named(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("database " + name + " is not one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT));
            }
        }
    }

    private final Kind kind;
    private final String server;
    private final String user;
    private final String password;
    private final String name;

    private RunDatabase(Kind kind, String server, String user, String password, String name) {
        this.kind = kind;
        this.server = server;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Makes the run's schema or database for a container. */
    static RunDatabase create(InterchangeContainerConfiguration config) throws SQLException {
        Kind kind = Kind.named(config.database());
        String name = "interchange_it_" + config.name().replace('-', '_') + "_"
                + Long.toString(System.currentTimeMillis(), 36);
        RunDatabase database = new RunDatabase(kind,
                config.databaseUrl().isBlank() ? kind.defaultServer : config.databaseUrl(),
                config.databaseUser().isBlank() ? kind.defaultUser : config.databaseUser(),
                config.databasePassword(), name);
        switch (kind) {
            case POSTGRESQL -> database.execute("CREATE SCHEMA " + name);
            case MARIADB -> database.execute("CREATE DATABASE " + name);
            case H2 -> { }
        }
        return database;
    }

    /** What the router's configuration needs to use it. */
    Map<String, String> routerSettings() {
        return switch (kind) {
            case H2 -> Map.of();
            case POSTGRESQL -> Map.of("database.url", server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name,
                    "database.user", user, "database.password", password);
            case MARIADB -> Map.of("database.url", server + (server.endsWith("/") ? "" : "/") + name,
                    "database.user", user, "database.password", password);
        };
    }

    /** Drops the run's schema or database with everything in it. */
    void drop() throws SQLException {
        switch (kind) {
            case POSTGRESQL -> execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            case MARIADB -> execute("DROP DATABASE IF EXISTS " + name);
            case H2 -> { }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.H2 ? "H2 in the data directory" : kind.name().toLowerCase(Locale.ROOT) + " " + name
                + " on " + server;
    }
}
