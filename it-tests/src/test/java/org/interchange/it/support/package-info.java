/**
 * What scenario tests use: {@link org.interchange.it.support.RouterDeployment#war()} to deploy the router's real
 * WAR, and {@link org.interchange.it.support.Router}, injected with {@code @ArquillianResource}, to reach the running
 * router: its listeners and settings, subscribers provisioned through its admin API
 * ({@link org.interchange.it.support.AdminClient}), agents pointed at it, and a restart. The SIP test agent lives in
 * {@code support.sip}, the Arquillian adapter that runs the router in {@code support.container}.
 */
package org.interchange.it.support;
