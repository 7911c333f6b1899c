/**
 * This is our container layer: what Apache Tomcat 7.0.109 and Restcomm SIP Servlets 3.2.0-37 need to run the router
 * on Java 17, and the two ways to start them.
 *
 * <p>It lives on the container classpath ({@code lib/} of the distribution), next to Tomcat and MSS, never inside the
 * WAR. It holds:
 * <ul>
 *   <li>fixes for the pair, each a small class named after what it repairs and proven by a test that fails without
 *       it: {@link org.interchange.container.PropertyChangeSipStandardManager};</li>
 *   <li>{@link org.interchange.container.config}: the router's configuration file, read the same way by the
 *       launcher (to open listeners) and by the router (for everything else);</li>
 *   <li>{@link org.interchange.container.RecentErrors}: the log's latest warnings and errors in memory, a log4j
 *       appender (log4j lives here, on the container classpath), read by the admin API's {@code /api/errors};</li>
 *   <li>{@link org.interchange.container.embedded}: the embedded launcher, which starts Tomcat with one SIP
 *       connector per configured listener and deploys the WAR the way the standalone distribution does.</li>
 * </ul>
 * What is known about the container pair and its defects is written down in {@code container-config/README.md}.
 */
package org.interchange.container;
