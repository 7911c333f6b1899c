package org.interchange.it.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.it.support.database.DatabaseProxy.Mode;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An orchestrator or a load balancer asks the router whether it lives and whether to send it traffic, without
 * credentials: {@code /interchange/health/live} and {@code /interchange/health/ready} answer JSON, 200 when up and
 * 503 when down. A running router is ready; while its database refuses connections it is not (SIP is still
 * answered: it is the database that is missing, not the router), and it is ready again once the database answers.
 * OpenSIPS has no such endpoints (operators script an MI {@code uptime} or a SIP OPTIONS ping); Kamailio neither.
 */
class HealthIT extends ProbedDatabaseRouter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Probes run every second and give up after database.timeout (1 s): a change shows within a few seconds. */
    private static final Duration CHANGE_SHOWS = Duration.ofSeconds(20);

    @AfterEach
    void databaseBack() {
        database().switchTo(Mode.FORWARD);
        await("ready once the database is back").atMost(CHANGE_SHOWS).pollInterval(Duration.ofMillis(250))
                .until(() -> router.admin().getWithoutCredentials("health/ready").statusCode() == 200);
    }

    @Test
    void aRunningRouterIsLiveAndReadyWithoutCredentials() {
        HttpResponse<String> live = router.admin().getWithoutCredentials("health/live");
        HttpResponse<String> ready = router.admin().getWithoutCredentials("health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).get("status").asText()).isEqualTo("UP");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode checks = json(ready).get("checks");
        assertThat(checks.findValuesAsText("name")).containsExactly("router", "sip-listeners", "database");
        assertThat(checks.findValuesAsText("status")).containsOnly("UP");
        assertThat(checks.get(1).get("detail").asText()).contains("udp:127.0.0.1:" + router.sipAddress(Transport.UDP)
                .getPort(), "tcp:127.0.0.1:", "udp:::1:");
    }

    @Test
    void notReadyWhileTheDatabaseRefusesConnectionsAndReadyAgainAfter() throws IOException {
        database().switchTo(Mode.REFUSE);

        await("not ready while the database refuses connections").atMost(CHANGE_SHOWS)
                .pollInterval(Duration.ofMillis(250)).until(() -> router.admin().getWithoutCredentials("health/ready").statusCode() == 503);
        HttpResponse<String> ready = router.admin().getWithoutCredentials("health/ready");
        assertThat(json(ready).get("status").asText()).isEqualTo("DOWN");
        assertThat(json(ready).get("checks").get(2).get("status").asText()).as(ready.body()).isEqualTo("DOWN");
        assertThat(router.admin().getWithoutCredentials("health/live").statusCode()).isEqualTo(200);
        try (SipAgent monitor = router.agent(Transport.UDP)) {
            assertThat(monitor.send(monitor.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4)))
                    .awaitFinalResponse().status()).as("OPTIONS while the database is down").isEqualTo(200);
        }

        database().switchTo(Mode.FORWARD);

        await("ready again once the database answers").atMost(CHANGE_SHOWS).pollInterval(Duration.ofMillis(250))
                .until(() -> router.admin().getWithoutCredentials("health/ready").statusCode() == 200);
        assertThat(Files.readString(router.log())).as("the router's log of the outage")
                .contains("The database is unreachable", "The database is reachable again");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
