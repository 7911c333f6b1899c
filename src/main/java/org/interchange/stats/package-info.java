/**
 * This is our statistics module: the router's counters and gauges under the names an OpenSIPS operator knows, read
 * as OpenSIPS's {@code get_statistics} and {@code reset_statistics} read them, scraped by Prometheus as OpenSIPS's
 * {@code prometheus} module (or Kamailio's {@code xhttp_prom}) offers them, and over JMX.
 *
 * <p>It is built on Micrometer. {@link org.interchange.stats.Meters} produces the one
 * {@link io.micrometer.core.instrument.MeterRegistry} (a Prometheus registry) with the JVM's meters (memory, garbage
 * collection, threads, class loading, CPU, uptime; {@code jvm_*}, {@code process_*}, {@code system_*}). Each
 * capability registers its own meters on it once, as {@code interchange.<group>.<statistic>} (Prometheus:
 * {@code interchange_<group>_<statistic>}, {@code _total} for counters), and keeps them: counting a message is an
 * increment, never a lookup by name. {@link org.interchange.stats.Statistics} shows every such meter as
 * {@code group:statistic}, summed over its tags. Where each is counted:
 * <pre>
 * core:rcv_requests {method}   proxy.RouterServlet, every request it is handed; OPTIONS pings the stack answers
 *                              itself (container RouterPings) are added
 * core:fwd_requests {method}   RouterServlet: an initial request relayed to its branches, an in-dialog one relayed
 *                              along its Route set
 * core:rcv_replies {code}      RouterServlet.doResponse: responses to relayed requests (1xx..6xx)
 * core:fwd_replies {code}      RouterServlet: responses relayed upstream (finals once the best is chosen)
 * core:drop_requests           RouterServlet: the route, or the error route, dropped the request
 * core:drop_replies            RouterServlet: a reply hook dropped the response
 * core:err_requests            RouterServlet's error route: a request that could not be parsed or read
 * core:bad_msg_hdr             container ReceivedMessageParserFactory: malformed messages (answered 400/505 there
 *                              or at the servlet edge, or dropped)
 * sl:sent_replies, sl:sent_err_replies   container: replies sent without a transaction (pings, malformed requests)
 * tm:UAS_transactions          RouterServlet: requests other than ACK it is handed
 * tm:UAC_transactions          RouterServlet: branches started, in-dialog requests relayed, CANCELs sent
 * tm:local_replies, tm:relayed_replies, tm:2xx_transactions .. tm:6xx_transactions   RouterServlet: replies sent
 *                              upstream, made by the router or relayed; finals by class
 * tm:inuse_transactions        gauge: the SIP stack's open server and client transactions (container StackState)
 * net:waiting_udp              gauge: datagrams waiting in the UDP receive queues (container UdpReceiveQueue)
 * net:shed_datagrams {reason}  container UdpReceiveQueue: datagrams dropped under overload (queue_full,
 *                              transactions_full)
 * registrar:accepted_regs, registrar:rejected_regs   registrar.Registrar, as it answers (the 401 challenge is
 *                              neither: auth counts it)
 * auth:successful_auths, auth:failed_auths, auth:challenges   auth.Authenticator, as it decides
 * usrloc:registered_users, usrloc:location-contacts   gauges over location.Location in memory
 * socket:decisions {reason}, socket:forced_unusable   listener.SocketStats (also in GET /api/sockets)
 * database:transactions        core.persistence.Database: a timer of every unit of work (count, sum, max)
 * database:errors {kind}       Database: unavailable, conflict, invalid
 * tracing:dropped {destination} tracing.TracingStats: traced messages lost (backlog full, collector, database)
 * </pre>
 * HikariCP adds its pool's meters ({@code hikaricp_connections_*}) to the same registry.
 *
 * <p>Counters only grow in Prometheus; a reset ({@code reset_statistics}, {@code POST /api/statistics/reset}, the
 * MBean's {@code reset}) sets a baseline that {@code get} subtracts, so that {@code rate()} never sees a drop.
 * Gauges cannot be reset.
 *
 * <p>Exposed as {@code GET /interchange/metrics} ({@link org.interchange.stats.MetricsServlet}: Prometheus text
 * format 0.0.4, behind the admin credentials of {@code AdminAuthentication}, on the admin listener, which is
 * loopback by default; Prometheus sends them with {@code basic_auth}), as {@code GET /api/statistics} and
 * {@code POST /api/statistics/reset} ({@code mgmt.StatisticsResource}), and as the MBean
 * {@code org.interchange:type=Statistics} ({@link org.interchange.stats.StatisticsMBean}: one attribute per
 * statistic, operations {@code reset(names)} and {@code resetAll()}). No settings, no tables. Depends on the core.
 */
package org.interchange.stats;
