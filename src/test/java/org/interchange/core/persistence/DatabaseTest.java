package org.interchange.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.DataDirectory;
import org.interchange.core.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    private static final String INSERT_DOMAIN =
            "insert into domain (domain, last_modified) values ('example.com', CURRENT_TIMESTAMP)";

    @TempDir
    Path directory;

    @OnEveryDatabase
    void workReturnsItsResultAndIsCommitted(TestDatabase server) {
        Database database = server.empty();

        int inserted = database.transaction(em -> em.createNativeQuery(INSERT_DOMAIN).executeUpdate());

        assertThat(inserted).isEqualTo(1);
        assertThat(domainRows(database)).isEqualTo(1);
    }

    @OnEveryDatabase
    void workThatThrowsIsRolledBack(TestDatabase server) {
        Database database = server.empty();

        assertThatThrownBy(() -> database.run(em -> {
            em.createNativeQuery(INSERT_DOMAIN).executeUpdate();
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        assertThat(domainRows(database)).isZero();
    }

    @OnEveryDatabase
    void duplicateKeyIsADataConflict(TestDatabase server) {
        Database database = server.empty();
        database.run(em -> em.createNativeQuery(INSERT_DOMAIN).executeUpdate());

        assertThatThrownBy(() -> database.run(em -> em.createNativeQuery(INSERT_DOMAIN).executeUpdate()))
                .isInstanceOf(DataConflictException.class);
        assertThat(domainRows(database)).isEqualTo(1);
    }

    @OnEveryDatabase
    void failingStatementIsTheDatabaseBeingUnavailable(TestDatabase server) {
        Database database = server.empty();

        assertThatThrownBy(() -> database.run(em -> em.createNativeQuery("select * from no_such_table").getResultList()))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("database unavailable: ");
    }

    @OnEveryDatabase
    void valueLongerThanItsColumnIsInvalidDataNotAnUnavailableDatabase(TestDatabase server) {
        Database database = server.empty();
        String tooLong = "d".repeat(300);

        assertThatThrownBy(() -> database.run(em -> em.createNativeQuery(
                "insert into domain (domain, last_modified) values ('" + tooLong + "', CURRENT_TIMESTAMP)")
                .executeUpdate()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("a value refused by the database");
        assertThat(domainRows(database)).isZero();
    }

    @Test
    @Timeout(30)
    void serverThatAcceptsButNeverAnswersFailsTheStartInsteadOfHanging() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/interchange";

            assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, "interchange", "", 1, Duration.ofSeconds(1))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Cannot connect to the database " + url + ": ");
        }
    }

    @Test
    void timeoutIsReadInSeconds() {
        DatabaseSettings settings = DatabaseSettings.from(TestConfiguration.load(directory, "database.timeout = 7\n"),
                new DataDirectory(directory));

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void timeoutOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> DatabaseSettings.from(TestConfiguration.load(directory, "database.timeout = 0\n"),
                new DataDirectory(directory)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("line 1: database.timeout");
    }

    @Test
    void timeoutBoundsEveryNetworkWaitOfTheDrivers() {
        assertThat(DatabaseVendor.POSTGRESQL.driverProperties("jdbc:postgresql://db/interchange",
                Duration.ofSeconds(3))).containsOnly(
                Map.entry("connectTimeout", "3"), Map.entry("socketTimeout", "3"), Map.entry("loginTimeout", "3"));
        assertThat(DatabaseVendor.MARIADB.driverProperties("jdbc:mariadb://db/interchange", Duration.ofSeconds(3)))
                .containsOnly(Map.entry("connectTimeout", "3000"), Map.entry("socketTimeout", "3000"));
    }

    @Test
    void h2IsClosedByTheRouterNotByItsOwnShutdownHookUnlessTheUrlSaysSo() {
        assertThat(DatabaseVendor.H2.driverProperties("jdbc:h2:file:/data/interchange", Duration.ofSeconds(3)))
                .containsOnly(Map.entry("DB_CLOSE_ON_EXIT", "FALSE"));
        assertThat(DatabaseVendor.H2.driverProperties("jdbc:h2:file:/data/interchange;db_close_on_exit=true",
                Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void h2FileDatabaseTakesThatProperty() {
        Database database = Database.open(new DatabaseSettings("jdbc:h2:file:" + directory.resolve("interchange"),
                "", "", 2, DatabaseSettings.DEFAULT_TIMEOUT));
        try {
            Object one = database.transaction(em -> em.createNativeQuery("select 1").getSingleResult());
            assertThat(one).hasToString("1");
        } finally {
            database.close();
        }
    }

    @Test
    void unreachableServerStopsTheStartNamingItsUrl() {
        String url = "jdbc:postgresql://127.0.0.1:1/interchange";

        assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, "interchange", "", 1, DatabaseSettings.DEFAULT_TIMEOUT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot connect to the database " + url + ": ");
    }

    @Test
    void settingsDefaultToAnH2FileInTheDataDirectory() {
        DatabaseSettings settings = DatabaseSettings.from(TestConfiguration.load(directory, ""),
                new DataDirectory(directory.resolve("data")));

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:" + directory.resolve("data").resolve("interchange"));
        assertThat(settings.poolSize()).isEqualTo(10);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.vendor()).isEqualTo(DatabaseVendor.H2);
    }

    @Test
    void databaseOfAnotherKindIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> DatabaseSettings.from(
                TestConfiguration.load(directory, "database.url = jdbc:oracle:thin:@db:1521/router\n"),
                new DataDirectory(directory)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("line 1: database.url = \"jdbc:oracle:thin:@db:1521/router\": unsupported database");
    }

    @Test
    void passwordIsNotShown() {
        assertThat(new DatabaseSettings("jdbc:h2:mem:x", "router", "secret", 1, DatabaseSettings.DEFAULT_TIMEOUT).toString()).doesNotContain("secret");
    }

    private static long domainRows(Database database) {
        return database.transaction(em -> ((Number) em.createNativeQuery("select count(*) from domain")
                .getSingleResult()).longValue());
    }
}
