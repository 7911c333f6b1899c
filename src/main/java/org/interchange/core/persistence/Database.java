package org.interchange.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.annotation.PostConstruct;
import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.jpa.QueryHints;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.interchange.container.config.RouterConfiguration;
import org.interchange.core.RouterStarting;
import org.interchange.core.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * The router's database. At start it opens the pool, migrates the schema and builds the persistence unit
 * {@code interchange} ({@code META-INF/persistence.xml}); a database that cannot be reached or migrated stops the
 * start with the URL and the reason. Afterwards, {@link #transaction} runs units of work. Thread-safe.
 */
@ApplicationScoped
public class Database {

    /** SQLState class 22, "data exception": a value the column cannot take (22001: too long). */
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private DatabaseSettings settings;
    private DatabaseMeters meters;
    private HikariDataSource dataSource;
    private EntityManagerFactory entityManagers;

    protected Database() {
        // for CDI's proxy
    }

    @Inject
    Database(RouterConfiguration config, DataDirectory data, MeterRegistry registry) {
        this.settings = DatabaseSettings.from(config, data);
        this.meters = new DatabaseMeters(registry);
    }

    /** For tests: a database on explicit settings, opened at once, its meters on a registry of its own. */
    public static Database open(DatabaseSettings settings) {
        Database database = new Database();
        database.settings = settings;
        database.meters = new DatabaseMeters(new SimpleMeterRegistry());
        database.open();
        return database;
    }

    @PostConstruct
    void open() {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("interchange-db");
        pool.setJdbcUrl(settings.url());
        pool.setDriverClassName(settings.vendor().driverClassName());
        pool.setUsername(settings.user());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setConnectionTimeout(settings.timeout().toMillis());
        pool.setValidationTimeout(settings.timeout().toMillis());
        pool.setMetricRegistry(meters.registry()); // the pool's own meters: connections in use, waiting, timeouts
        settings.vendor().driverProperties(settings.url(), settings.timeout()).forEach(pool::addDataSourceProperty);
        try {
            dataSource = new HikariDataSource(pool);
        } catch (HikariPool.PoolInitializationException e) {
            throw new IllegalStateException("Cannot connect to the database " + settings.url() + ": "
                    + rootMessage(e), e);
        }
        try {
            var result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(settings.vendor().migrationLocations())
                    .placeholders(settings.vendor().migrationPlaceholders())
                    .load()
                    .migrate();
            log.info("Database {} at schema version {}", settings.url(),
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
        } catch (FlywayException e) {
            dataSource.close();
            throw new IllegalStateException("Cannot migrate the database " + settings.url() + ": " + e.getMessage(), e);
        }
        entityManagers = new HibernatePersistenceProvider().createEntityManagerFactory("interchange",
                Map.of(AvailableSettings.DATASOURCE, dataSource,
                        QueryHints.SPEC_HINT_TIMEOUT, String.valueOf(settings.timeout().toMillis())));
    }

    /**
     * Runs {@code work} in a transaction and returns its result; the transaction is rolled back when
     * {@code work} throws.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached, times out or fails
     * @throws DataConflictException        when the write breaks a constraint (a duplicate key)
     * @throws InvalidDataException         when the database refuses a value (SQLState class 22: too long,
     *                                      out of range, badly encoded)
     */
    public <T> T transaction(Function<EntityManager, T> work) {
        long started = System.nanoTime();
        try {
            return transactionUntimed(work);
        } catch (RuntimeException e) {
            meters.failed(e);
            throw e;
        } finally {
            meters.took(System.nanoTime() - started);
        }
    }

    private <T> T transactionUntimed(Function<EntityManager, T> work) {
        EntityManager em;
        try {
            em = entityManagers.createEntityManager();
        } catch (PersistenceException e) {
            throw new DatabaseUnavailableException("database unavailable: " + rootMessage(e), e);
        }
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } catch (PersistenceException e) {
            rollback(transaction);
            if (causedBy(e, ConstraintViolationException.class)) {
                throw new DataConflictException("conflicts with existing data: " + rootMessage(e), e);
            }
            if (isDataException(e)) {
                throw new InvalidDataException("a value refused by the database", e);
            }
            throw new DatabaseUnavailableException("database unavailable: " + rootMessage(e), e);
        } catch (RuntimeException e) {
            rollback(transaction);
            throw e;
        } finally {
            close(em);
        }
    }

    /**
     * Checks that the database answers: a pooled connection, validated, within {@code database.timeout} (or the
     * connection timeout, when every connection is busy).
     *
     * @throws DatabaseUnavailableException naming why it does not
     */
    public void ping() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) settings.timeout().toSeconds())) {
                throw new DatabaseUnavailableException("database unavailable: the connection did not validate", null);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("database unavailable: " + rootMessage(e), e);
        }
    }

    /** {@link #transaction} for work without a result. */
    public void run(Consumer<EntityManager> work) {
        transaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @PreDestroy
    void close() {
        if (entityManagers != null) {
            entityManagers.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /**
     * Closes quietly: closing releases the connection, which fails when the connection died, and that failure must
     * not replace the outcome of the work (a result, or the exception already on its way).
     */
    private static void close(EntityManager em) {
        try {
            em.close();
        } catch (RuntimeException e) {
            log.debug("Closing the entity manager failed", e);
        }
    }

    private static void rollback(EntityTransaction transaction) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            log.debug("Rollback failed", e);
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database refused a value rather than failed: Hibernate's DataException, or any SQLException of
     * class 22 in the chain (drivers and dialects do not all let Hibernate recognise it).
     */
    private static boolean isDataException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataException || t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    /** Makes the bean ready (its {@code @PostConstruct} runs) before the router takes traffic. */
    void start(@Observes RouterStarting starting) {
        // nothing more: being called instantiates the bean
    }
}
