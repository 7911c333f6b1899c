/**
 * The router's database: a HikariCP pool, the schema migrated by Flyway at start
 * ({@code src/main/resources/db/migration}, OpenSIPS table and column names), and JPA (Hibernate) over it.
 *
 * <p>Configuration: {@code database.url} (default: an H2 file in the data directory), {@code database.user},
 * {@code database.password}, {@code database.pool-size}. H2, PostgreSQL and MariaDB are supported and selected by
 * the URL alone. A database that fails at run time surfaces as {@link
 * org.interchange.core.persistence.DatabaseUnavailableException}, which SIP servlets answer with 500 and
 * Retry-After.
 */
package org.interchange.core.persistence;
