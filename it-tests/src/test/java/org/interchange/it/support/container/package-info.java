/**
 * The {@code interchange-embedded} Arquillian container adapter: tests deploy the router's real WAR, and the
 * adapter runs it the way an operator does, with {@code bin/interchange} of the distribution, in a working copy
 * under {@code target/interchange-it/<container>} with a configuration written for the tests.
 *
 * <p>{@link org.interchange.it.support.container.InterchangeContainer} is the container;
 * {@link org.interchange.it.support.container.InterchangeContainerConfiguration} documents the properties of
 * {@code arquillian.xml}; {@link org.interchange.it.support.container.RouterProcess} starts and stops the JVM;
 * {@link org.interchange.it.support.container.Installation} makes the working copy;
 * {@link org.interchange.it.support.container.RunDatabase} gives a run its own PostgreSQL schema or MariaDB
 * database. Several containers (differing in settings and database) run side by side on different ports; each
 * keeps its router from its first deployment to the end of the run.
 */
package org.interchange.it.support.container;
