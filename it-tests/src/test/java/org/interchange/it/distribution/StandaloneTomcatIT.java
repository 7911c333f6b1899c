package org.interchange.it.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

import org.interchange.it.support.ChildProcess;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.WorkDirectory;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.junit.jupiter.api.Test;

/**
 * An operator installs the distribution as they would install Tomcat: unpacks {@code interchange-<version>.tar.gz},
 * leaves the WAR in {@code webapps/}, sets ports in {@code conf/server.xml} and {@code conf/interchange.properties},
 * and lets a service manager run {@code bin/catalina.sh run} and stop it with SIGTERM. The router then takes
 * traffic, and stops on the signal. When the two files disagree about the SIP listeners, the start fails and says
 * which sockets each file names, rather than running with listeners the router does not know. OpenSIPS, likewise,
 * refuses to start when a {@code socket} of its configuration cannot be used.
 *
 * The shipped {@code server.xml} has no shutdown port (any local user could stop the router through it), and
 * the admin API listens where {@code admin.http} says, or nowhere when it says {@code off}.
 *
 * <p>Each test boots its own unpacked copy (about 10 s), on ports of its own: SIP on the tests' base port + 410,
 * HTTP 3028 above.
 */
class StandaloneTomcatIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int SIP_PORT = Integer.getInteger("interchange.it.base-port", 15060) + 410;
    private static final int HTTP_PORT = SIP_PORT + 3028;
    /** What Tomcat prints once every connector and application has started. */
    private static final String TOMCAT_STARTED = "Server startup in";
    /** What the router's web application prints once it is ready. */
    private static final String ROUTER_STARTED = "Interchange router started";
    /** The exit status of a JVM that ran its shutdown on SIGTERM: 128 + 15 (a killed one exits with 137). */
    private static final int STOPPED_BY_SIGTERM = 143;
    private static final int LOG_TAIL_LINES = 60;

    @Test
    void theUnpackedDistributionAnswersOptionsAndStopsOnSigterm() throws Exception {
        StandaloneTomcat tomcat = unpack("answers-options");
        assertThat(tomcat.webapps()).as("what the archive deploys: the WAR, not yet expanded")
                .isDirectoryContaining("glob:**/interchange.war")
                .isDirectoryNotContaining("glob:**/interchange");
        assertThat(tomcat.shutdownPort()).as("the shutdown port of the shipped server.xml").isEqualTo("-1");
        tomcat.movePorts(SIP_PORT, HTTP_PORT);

        try (ChildProcess catalina = tomcat.run()) {
            assertThat(catalina.awaitOutput(START_TIMEOUT, TOMCAT_STARTED, ROUTER_STARTED))
                    .as("%s printed \"%s\" and \"%s\" within %d s; last lines:%n%s", catalina, TOMCAT_STARTED,
                            ROUTER_STARTED, START_TIMEOUT.toSeconds(), catalina.tail(LOG_TAIL_LINES))
                    .isTrue();

            InetSocketAddress sip = new InetSocketAddress(IpFamily.IPV4.loopback(), SIP_PORT);
            try (SipAgent probe = SipAgent.open(Transport.UDP, IpFamily.IPV4, Optional.empty(), Optional.empty())) {
                Received ok = probe.send(probe.request("OPTIONS", "sip:127.0.0.1:" + SIP_PORT)).awaitFinalResponse();

                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.allowedMethods()).contains("OPTIONS", "REGISTER");
                assertThat(ok.remote()).as("the connector that was asked answers").isEqualTo(sip);
            }
            assertThat(ListeningSockets.tcpPortsOf(catalina.pid()))
                    .as("TCP ports Tomcat listens on: SIP over TCP and the admin API, no shutdown port")
                    .containsExactlyInAnyOrder(SIP_PORT, HTTP_PORT);
            assertThat(adminStatus(tomcat)).as("the admin API of admin.http, with the generated password")
                    .isEqualTo(200);
            HttpResponse<String> nowhere = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + HTTP_PORT + "/nowhere")).timeout(STOP_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(nowhere.statusCode()).isEqualTo(404);
            assertThat(nowhere.body()).as("Tomcat's answer outside every application: no page").isEmpty();

            assertThat(catalina.stop(STOP_TIMEOUT)).as("the exit status of %s after SIGTERM; last lines:%n%s",
                    catalina, catalina.tail(LOG_TAIL_LINES)).isEqualTo(STOPPED_BY_SIGTERM);
        }
    }

    @Test
    void listenersThatDifferFromTheConnectorsStopTheStartNamingBoth() throws Exception {
        StandaloneTomcat tomcat = unpack("mismatched-listeners");
        tomcat.movePorts(SIP_PORT, HTTP_PORT);
        int otherPort = SIP_PORT + 2;
        tomcat.setListenerPort("udp", otherPort);

        try (ChildProcess catalina = tomcat.run()) {
            OptionalInt status = catalina.awaitExit(START_TIMEOUT);

            assertThat(status).as("%s exits by itself within %d s; last lines:%n%s", catalina,
                    START_TIMEOUT.toSeconds(), catalina.tail(LOG_TAIL_LINES)).isPresent();
            assertThat(status.getAsInt()).as("its exit status").isNotZero();
            String refusal = catalina.output().lines().filter(line -> line.contains("Interchange cannot start"))
                    .findFirst().orElseThrow(() -> new AssertionError("no \"Interchange cannot start\" in "
                            + catalina.log() + ":\n" + catalina.tail(LOG_TAIL_LINES)));
            assertThat(refusal).contains("server.xml", "[udp:127.0.0.1:" + SIP_PORT + ",",
                    tomcat.configuration().toString(), "[udp:127.0.0.1:" + otherPort + ",");
            assertThat(catalina.output()).doesNotContain(ROUTER_STARTED);
        }
    }

    @Test
    void adminHttpOffClosesTheAdminApi() throws Exception {
        StandaloneTomcat tomcat = unpack("admin-off");
        tomcat.movePorts(SIP_PORT, HTTP_PORT);
        tomcat.setAdminHttp("off");

        try (ChildProcess catalina = tomcat.run()) {
            assertThat(catalina.awaitOutput(START_TIMEOUT, TOMCAT_STARTED, ROUTER_STARTED))
                    .as("%s started; last lines:%n%s", catalina, catalina.tail(LOG_TAIL_LINES)).isTrue();

            assertThat(ListeningSockets.tcpPortsOf(catalina.pid())).as("TCP ports Tomcat listens on: SIP over TCP only")
                    .containsExactly(SIP_PORT);
            assertThat(catalina.stop(STOP_TIMEOUT)).isEqualTo(STOPPED_BY_SIGTERM);
        }
    }

    /** {@code GET /interchange/api/timers} on the standalone router's admin API: its status. */
    private static int adminStatus(StandaloneTomcat tomcat) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT
                        + "/interchange/api/timers"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + tomcat.adminPassword()).getBytes(StandardCharsets.UTF_8)))
                .timeout(STOP_TIMEOUT).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A fresh copy of the distribution, in {@code target/interchange-it/standalone-tomcat/<name>}. */
    private static StandaloneTomcat unpack(String name) throws Exception {
        return StandaloneTomcat.unpack(RouterDeployment.archive(), WorkDirectory.named("standalone-tomcat/" + name));
    }
}
