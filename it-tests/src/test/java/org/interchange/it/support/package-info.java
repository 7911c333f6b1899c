/**
 * What scenario tests use: {@link org.interchange.it.support.RouterDeployment#war()} to deploy the router's real
 * WAR, and {@link org.interchange.it.support.Router}, injected with {@code @ArquillianResource}, to reach the running
 * router: its listeners and settings, subscribers provisioned through its admin API
 * ({@link org.interchange.it.support.AdminClient}), agents pointed at it, and a restart. The SIP test agent lives in
 * {@code support.sip}, the Arquillian adapter that runs the router in {@code support.container}.
 *
 * <p>For the programs tests start themselves (the router, Tomcat, softphones):
 * {@link org.interchange.it.support.ChildProcess} runs one with its output in a log file and stops it with SIGTERM,
 * {@link org.interchange.it.support.RouterEnvironment} keeps a developer's shell from configuring a router, and
 * {@link org.interchange.it.support.WorkDirectory} gives each a directory under {@code target/interchange-it}.
 */
package org.interchange.it.support;
