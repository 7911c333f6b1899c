package org.interchange.it.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator chasing a problem turns one package's logging up to DEBUG while the router runs, sees that package's
 * debug lines in the log from then on, and turns it down again: no restart, no edit of log4j.properties. OpenSIPS
 * changes its one global level with {@code log_level}; Kamailio per module with the debugger module.
 */
@ExtendWith(ArquillianExtension.class)
class LogLevelsIT {

    private static final String LISTENER = "org.interchange.listener";

    @Deployment(testable = false)
    @TargetsContainer("operations")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @AfterEach
    void shippedLevel() {
        router.admin().put("log-levels/" + LISTENER, "{\"level\": \"INFO\"}");
    }

    @Test
    void aPackageSetToDebugLogsItsDebugLinesUntilSetBack() {
        String before = call("before");

        JsonNode set = router.admin().put("log-levels/" + LISTENER, "{\"level\": \"DEBUG\"}");
        assertThat(set.path("level").asText()).isEqualTo("DEBUG");
        assertThat(router.admin().get("log-levels").path("loggers").path(LISTENER).asText()).isEqualTo("DEBUG");
        String during = call("during");
        awaitLogLine(during);

        router.admin().put("log-levels/" + LISTENER, "{\"level\": \"INFO\"}");
        String after = call("after");
        router.admin().put("log-levels/" + LISTENER, "{\"level\": \"DEBUG\"}");
        String again = call("again");
        awaitLogLine(again);

        // lines are written in order: those of the calls before and after are not there, never will be
        assertThat(log()).doesNotContain("sip:" + before + "@").doesNotContain("sip:" + after + "@");
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheLevelsThereAre() {
        HttpResponse<String> refused = router.admin().exchange("PUT", "log-levels/" + LISTENER,
                "{\"level\": \"VERBOSE\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("VERBOSE", "TRACE, DEBUG, INFO, WARN, ERROR");
        assertThat(router.admin().get("log-levels").path("root").asText()).isEqualTo("INFO");
    }

    /** A call from a new caller to a new callee, who declines it; the callee's user name. */
    private String call(String name) {
        try (SipAgent caller = router.registeredAgent(Transport.UDP, "caller-" + name);
             SipAgent callee = router.registeredAgent(Transport.UDP, "callee-" + name)) {
            caller.sendAuthenticated(caller.invite(callee.subscriber().uri()));
            callee.awaitRequest("INVITE").reply(486);
            return callee.subscriber().user();
        }
    }

    /** Waits for the socket policy's DEBUG line about the INVITE to a user. */
    private void awaitLogLine(String user) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log().lines()
                .filter(line -> line.contains(" DEBUG ") && line.contains("DefaultSocketPolicy")
                        && line.contains("INVITE sip:" + user + "@")))
                .isNotEmpty());
    }

    private String log() {
        try {
            return Files.readString(router.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
