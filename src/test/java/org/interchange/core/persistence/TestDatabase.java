package org.interchange.core.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.metamodel.EntityType;

/**
 * The database servers the persistence tests run on: H2 in memory, and the PostgreSQL and MariaDB servers of the
 * machine (127.0.0.1, trust or empty-password root access, as on every machine of this project's kind).
 *
 * <p>Each server gets one database for the whole test run, migrated by the router's own {@link Database}: a
 * PostgreSQL schema or a MariaDB database whose name is unique to the run, created on first use and dropped when the
 * JVM exits, so that parallel runs on one server do not meet. Each test starts from {@link #empty()}.
 */
public enum TestDatabase {

    H2 {
        @Override
        DatabaseSettings create(String name) {
            return new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "", POOL_SIZE, DatabaseSettings.DEFAULT_TIMEOUT);
        }

        @Override
        void drop(String name) {
            execute("jdbc:h2:mem:" + name, "", "SHUTDOWN");
        }
    },

    POSTGRESQL {
        private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
        private static final String USER = "postgres";

        @Override
        DatabaseSettings create(String name) {
            execute(SERVER, USER, "CREATE SCHEMA " + name);
            return new DatabaseSettings(SERVER + "?currentSchema=" + name, USER, "", POOL_SIZE, DatabaseSettings.DEFAULT_TIMEOUT);
        }

        @Override
        void drop(String name) {
            execute(SERVER, USER, "DROP SCHEMA " + name + " CASCADE");
        }
    },

    MARIADB {
        private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
        private static final String USER = "root";

        @Override
        DatabaseSettings create(String name) {
            execute(SERVER, USER, "CREATE DATABASE " + name);
            return new DatabaseSettings(SERVER + name, USER, "", POOL_SIZE, DatabaseSettings.DEFAULT_TIMEOUT);
        }

        @Override
        void drop(String name) {
            execute(SERVER, USER, "DROP DATABASE " + name);
        }
    };

    private static final int POOL_SIZE = 2;
    private static final Map<TestDatabase, Database> OPEN = new ConcurrentHashMap<>();

    /** Creates an empty database called {@code name} on this server; the settings to reach it. */
    abstract DatabaseSettings create(String name);

    abstract void drop(String name);

    /**
     * This server's database for the run, migrated, with every table emptied. Not for tests that run in parallel
     * (none do).
     */
    public Database empty() {
        Database database = database();
        database.run(em -> {
            for (EntityType<?> entity : em.getMetamodel().getEntities()) {
                em.createQuery("delete from " + entity.getName()).executeUpdate();
            }
        });
        return database;
    }

    /** This server's database for the run, as the test left it: for a second look, as after a restart. */
    public Database database() {
        return OPEN.computeIfAbsent(this, TestDatabase::openForTheRun);
    }

    /**
     * An H2 database of its own, migrated and empty, for a test that stops it. Nothing else uses it, so it is never
     * emptied or dropped: it goes with the JVM.
     */
    public static StoppableDatabase ownH2() {
        String url = "jdbc:h2:mem:" + uniqueName("interchange_own");
        return new StoppableDatabase(Database.open(new DatabaseSettings(url + ";DB_CLOSE_DELAY=-1", "", "", POOL_SIZE, DatabaseSettings.DEFAULT_TIMEOUT)),
                url);
    }

    /** A database whose server a test can stop. */
    public record StoppableDatabase(Database database, String url) {

        /** Shuts the database down under the router's pool, as a crashed server would: its connections die. */
        public void stop() {
            execute(url, "", "SHUTDOWN");
        }
    }

    private Database openForTheRun() {
        String name = uniqueName("interchange_test");
        Database database = Database.open(create(name));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            database.close();
            drop(name);
        }, "drop-" + name));
        return database;
    }

    private static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }
}
