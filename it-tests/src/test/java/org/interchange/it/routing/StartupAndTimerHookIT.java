package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.interchange.it.support.Router;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A startup hook ({@code startup_route}, {@link StartupRecorder}) ran once, before the route saw any request; a
 * timer hook ({@code timer_route}, {@link EverySecond}) is listed by the admin API with its interval and runs on
 * the router's scheduler. A step ({@link ProbeStep}) tells what they saw.
 */
@ExtendWith(ArquillianExtension.class)
class StartupAndTimerHookIT {

    @Deployment(testable = false)
    @TargetsContainer(RoutingDeployment.CONTAINER)
    static WebArchive router() {
        return RoutingDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void theStartupHookRanOnceBeforeTheRouteSawARequest() {
        try (SipAgent client = router.agent(Transport.UDP)) {
            Received answer = probe(client, "startup");

            assertThat(answer.header("X-Routing-It-Startup-Runs")).hasValue("1");
            assertThat(answer.header("X-Routing-It-Requests-Before-Startup")).hasValue("0");
        }
    }

    @Test
    void theTimerIsListedWithItsIntervalAndRuns() {
        assertThat(router.admin().timers()).containsEntry(EverySecond.NAME, 1L)
                .as("the router's own timers are listed beside it").containsKey("location-expiry");

        try (SipAgent client = router.agent(Transport.UDP)) {
            int before = runs(client);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(runs(client))
                    .as("runs of the timer since " + before).isGreaterThan(before));
        }
    }

    private int runs(SipAgent client) {
        return Integer.parseInt(probe(client, "timer").header("X-Routing-It-Timer-Runs").orElseThrow());
    }

    private Received probe(SipAgent client, String what) {
        Received answer = client.send(client.request("MESSAGE", "sip:" + ProbeStep.PREFIX + what + "@"
                + router.domain())).awaitFinalResponse();
        assertThat(answer.status()).as(answer.summary()).isEqualTo(200);
        return answer;
    }
}
