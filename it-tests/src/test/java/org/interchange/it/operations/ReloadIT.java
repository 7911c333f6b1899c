package org.interchange.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator edits {@code interchange.properties} and reloads it ({@code POST /api/reload}, MI {@code reload}):
 * a shorter {@code registrar.max-expires} caps the next REGISTER, and the answer says what changed and which changes
 * wait for a restart. A file with a mistake is refused with its line, and the router goes on with what it had.
 * OpenSIPS has no such command: its modules' parameters change with a restart, its tables with their reload.
 */
@ExtendWith(ArquillianExtension.class)
class ReloadIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXPIRES = Pattern.compile(";expires=(\\d+)");

    @Deployment(testable = false)
    @TargetsContainer("operations")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    private String shipped;

    @BeforeEach
    void keepTheFile() throws IOException {
        shipped = Files.readString(router.configuration());
    }

    @AfterEach
    void putTheFileBack() throws IOException {
        Files.writeString(router.configuration(), shipped);
        router.admin().post("reload", "");
    }

    @Test
    void aShorterMaximumExpiryCapsTheNextRegister() throws IOException {
        write(with(with(shipped, "registrar.max-expires", "600"), "registrar.default-expires", "600"));

        JsonNode report = router.admin().post("reload", "");

        assertThat(report.path("changed").toString()).isEqualTo("{\"registrar.default-expires\":{\"from\":\"3600\","
                + "\"to\":\"600\"},\"registrar.max-expires\":{\"from\":\"3600\",\"to\":\"600\"}}");
        assertThat(report.path("restart_needed")).isEmpty();
        assertThat(registeredFor(3600)).isEqualTo(600);
    }

    @Test
    void aNewDomainAndANewSocketRuleAreInUseAfterTheReload() throws IOException {
        String subscriber = "subscribers/dora@reload.example";
        assertThat(router.admin().exchange("PUT", subscriber, "{\"password\": \"secret\"}").statusCode())
                .as("a subscriber of a domain not served yet").isEqualTo(400);
        write(with(shipped, "domains", router.domain() + ", reload.example") + "\nsocket.rule.reloaded.method = MESSAGE\n"
                + "socket.rule.reloaded.socket = tcp\n");

        JsonNode report = router.admin().post("reload", "");

        assertThat(report.path("changed").has("domains")).as("%s", report).isTrue();
        assertThat(report.path("changed").path("socket.rule.reloaded.socket").path("to").asText()).isEqualTo("tcp");
        router.admin().put(subscriber, "{\"password\": \"secret\"}");
        assertThat(router.admin().get("sockets").path("rules").get(0).path("name").asText()).isEqualTo("reloaded");
    }

    @Test
    void theMiReloadsTooAndNamesTheChangesThatNeedARestart() throws IOException {
        write(with(with(shipped, "registrar.max-contacts", "3"), "location.timer-interval", "30"));

        JsonNode result = router.admin().mi("reload", null).path("result");

        assertThat(result.path("changed").path("registrar.max-contacts").path("to").asText()).isEqualTo("3");
        assertThat(result.path("restart_needed").toString()).isEqualTo("[\"location.timer-interval\"]");
    }

    @Test
    void aBadFileIsRefusedWithItsLineAndChangesNothing() throws IOException {
        String bad = with(with(shipped, "registrar.max-expires", "600"), "registrar.default-expires", "forever");
        write(bad);
        int line = bad.substring(0, bad.indexOf("registrar.default-expires")).split("\n").length + 1;

        HttpResponse<String> refused = router.admin().exchange("POST", "reload", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("detail").asText()).contains(router.configuration().getFileName().toString()
                + ", line " + line + ": registrar.default-expires = \"forever\"");
        assertThat(registeredFor(3600)).as("the maximum the router started with").isEqualTo(3600);
    }

    @Test
    void aMisspeltKeyIsRefused() throws IOException {
        write(shipped + "\nregistrar.max-expire = 600\n");

        HttpResponse<String> refused = router.admin().exchange("POST", "reload", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("registrar.max-expire: unknown key");
    }

    @Test
    void aBadValueOfAKeyThatNeedsARestartIsRefusedToo() throws IOException {
        write(with(with(shipped, "registrar.max-contacts", "3"), "location.timer-interval", "0"));

        HttpResponse<String> refused = router.admin().exchange("POST", "reload", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("location.timer-interval = \\\"0\\\": out of range");
    }

    /** The configuration text with a key's line set to a value (the line replaced, or added at the end). */
    private static String with(String text, String key, String value) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$");
        String setting = key + " = " + value;
        return line.matcher(text).find() ? line.matcher(text).replaceFirst(setting) : text + "\n" + setting + "\n";
    }

    private void write(String text) throws IOException {
        Files.writeString(router.configuration(), text);
    }

    /** Registers a new phone asking for {@code expires} seconds; the seconds the registrar granted. */
    private long registeredFor(int expires) {
        try (SipAgent phone = router.agent(Transport.UDP, router.newSubscriber("phone"))) {
            Received ok = phone.sendAuthenticated(phone.registerRequest().with("Expires", String.valueOf(expires)))
                    .awaitFinalResponse();
            assertThat(ok.status()).isEqualTo(200);
            Matcher granted = EXPIRES.matcher(ok.header("Contact").orElseThrow());
            assertThat(granted.find()).as("expires in %s", ok).isTrue();
            return Long.parseLong(granted.group(1));
        }
    }
}
