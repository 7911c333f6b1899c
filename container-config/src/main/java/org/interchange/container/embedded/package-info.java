/**
 * The embedded launcher: {@code bin/interchange} runs {@link org.interchange.container.embedded.EmbeddedRouter},
 * which starts Tomcat and MSS in one JVM with one SIP connector per listener of {@code interchange.properties}
 * and deploys the router's WAR from {@code webapps/}, as the standalone distribution does from
 * {@code server.xml}. It logs to the console and stops cleanly on SIGTERM or Ctrl-C.
 */
package org.interchange.container.embedded;
