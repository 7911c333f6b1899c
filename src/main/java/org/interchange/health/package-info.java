/**
 * This is our health module: liveness and readiness for orchestrators and load balancers, and the
 * {@link org.interchange.health.DatabaseStateChanged} event. OpenSIPS and Kamailio have no such endpoints (operators
 * ping them with SIP OPTIONS or an MI/RPC {@code uptime}); they are what Jakarta EE and Kubernetes users expect.
 *
 * <p>{@code GET /interchange/health/live} and {@code GET /interchange/health/ready}
 * ({@link org.interchange.health.HealthServlet}) answer {@code {"status": "UP"|"DOWN", "checks": [{"name",
 * "status", "detail"}]}} with 200 or 503, on the admin listener, without credentials (outside {@code /api}: nothing
 * in them is secret, and a probe has no password). Live while the router runs. Ready when it has started
 * ({@code router}), every configured SIP listener is open in the stack ({@code sip-listeners}) and the database,
 * migrated at start, answered the last probe ({@code database}).
 *
 * <p>The named timer {@code database-probe} runs every second and hands the probe to the work queue
 * {@code database-probe} (one thread; a probe still running is not doubled): a pooled connection, validated, within
 * {@code database.timeout}. Health requests read the last outcome, and no SIP thread ever probes. When the outcome
 * changes, {@link org.interchange.health.DatabaseStateChanged} is fired (on the probe's thread) and logged. No
 * settings of its own, no tables. Depends on the core and the listener module.
 */
package org.interchange.health;
