/**
 * The router's database: a HikariCP pool, the schema migrated by Flyway at start
 * ({@code src/main/resources/db/migration}, OpenSIPS table and column names), and JPA (Hibernate) over it.
 *
 * <p>Configuration: {@code database.url} (default: an H2 file in the data directory), {@code database.user},
 * {@code database.password}, {@code database.pool-size}, {@code database.timeout} (seconds, default 3: the
 * drivers' connect, socket and login timeouts, Hibernate's query timeout, the pool's connection and validation
 * timeouts). H2, PostgreSQL and MariaDB are supported and selected by the URL alone. A database that fails or times
 * out at run time surfaces as {@link org.interchange.core.persistence.DatabaseUnavailableException}, which SIP
 * servlets answer with 500 and Retry-After and the admin API with 503; a value the database refuses (SQLState class
 * 22) as {@link org.interchange.core.persistence.InvalidDataException}, answered 400; a broken constraint as
 * {@link org.interchange.core.persistence.DataConflictException}.
 */
package org.interchange.core.persistence;
