package org.interchange.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.interchange.it.support.AdminClient;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator's scripts written for OpenSIPS's MI ({@code mi_http}: JSON-RPC 2.0 over HTTP) run against the router
 * at {@code /interchange/mi}: the bindings of phones that really registered ({@code ul_dump},
 * {@code ul_show_contact}), removing one ({@code ul_rm}; a call to that user then gets 480), the dialplan, address
 * and domain tables, the sockets, uptime, version, the commands there are, log levels, and OpenSIPS's error codes for
 * an unknown method, a malformed request and parameters that do not fit. Unlike OpenSIPS's, the MI wants the admin
 * credentials.
 */
@ExtendWith(ArquillianExtension.class)
class MiIT {

    @Deployment(testable = false)
    @TargetsContainer("operations")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    private AdminClient mi() {
        return router.admin();
    }

    private static JsonNode result(JsonNode response) {
        assertThat(response.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(response.has("error")).as("an error in %s", response).isFalse();
        assertThat(response.path("id").asInt()).isEqualTo(1);
        return response.path("result");
    }

    private static JsonNode error(JsonNode response, int code) {
        assertThat(response.has("result")).as("a result in %s", response).isFalse();
        assertThat(response.path("error").path("code").asInt()).as("%s", response).isEqualTo(code);
        return response.path("error");
    }

    @Test
    void ulDumpListsTheBindingsOfPhonesThatRegistered() {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice")) {
            JsonNode table = result(mi().mi("ul_dump", null)).path("Domains").get(0);

            assertThat(table.path("name").asText()).isEqualTo("location");
            JsonNode aor = find(table.path("AORs"), "AOR", alice.subscriber().aor());
            JsonNode contact = aor.path("Contacts").get(0);
            assertThat(contact.path("Contact").asText()).isEqualTo(alice.contactUri());
            assertThat(contact.path("Expires").asLong()).isPositive();
            assertThat(contact.path("Socket").asText())
                    .isEqualTo("udp:127.0.0.1:" + router.sipAddress(Transport.UDP).getPort());
            assertThat(contact.path("Received").asText()).isEqualTo("sip:127.0.0.1:" + alice.address().getPort());
            assertThat(contact.path("ContactID").isTextual()).as("a string, as usrloc prints it: %s", contact).isTrue();
            JsonNode brief = find(result(mi().mi("ul_dump", "{\"brief\": 1}")).path("Domains").get(0).path("AORs"),
                    "AOR", alice.subscriber().aor());
            assertThat(brief.fieldNames()).toIterable().containsExactly("AOR");
            JsonNode full = find(result(mi().mi("ul_dump", "[\"0\"]")).path("Domains").get(0).path("AORs"),
                    "AOR", alice.subscriber().aor());
            assertThat(full.path("Contacts")).as("brief 0: the full dump").hasSize(1);
        }
    }

    @Test
    void ulShowContactShowsOneAddressOfRecordOrAnswersAorNotFound() {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice")) {
            JsonNode shown = result(mi().mi("ul_show_contact", "[\"location\", \"" + alice.subscriber().aor() + "\"]"));

            assertThat(shown.path("AOR").asText()).isEqualTo(alice.subscriber().aor());
            JsonNode contacts = shown.path("Contacts");
            assertThat(contacts).hasSize(1);
            assertThat(contacts.get(0).path("Contact").asText()).isEqualTo(alice.contactUri());
            JsonNode missing = error(mi().mi("ul_show_contact",
                    "{\"table_name\": \"location\", \"aor\": \"nobody@" + router.domain() + "\"}"), 404);
            assertThat(missing.path("message").asText()).isEqualTo("AOR not found");
            assertThat(error(mi().mi("ul_show_contact", "[\"location\", \"alice\"]"), 400).path("message").asText())
                    .isEqualTo("Domain missing in AOR");
        }
    }

    @Test
    void ulRmRemovesTheBindingsAndACallToThatUserGets480() {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bob = router.registeredAgent(Transport.UDP, "bob")) {
            assertThat(result(mi().mi("ul_rm", "[\"location\", \"" + bob.subscriber().aor() + "\"]")).asText())
                    .isEqualTo("OK");

            assertThat(mi().bindings(bob.subscriber().aor())).isEmpty();
            assertThat(result(mi().mi("ul_rm", "[\"location\", \"" + bob.subscriber().aor() + "\"]")).asText())
                    .as("an AOR without bindings: removed already, as OpenSIPS answers").isEqualTo("OK");
            Received response = alice.sendAuthenticated(alice.invite(bob.subscriber().uri())).awaitFinalResponse();
            assertThat(response.status()).isEqualTo(480);
        }
    }

    @Test
    void ulRmContactRemovesOneContact() {
        try (SipAgent desk = router.registeredAgent(Transport.UDP, "carol")) {
            String aor = desk.subscriber().aor();
            JsonNode unknown = error(mi().mi("ul_rm_contact",
                    "[\"location\", \"" + aor + "\", \"sip:nowhere@192.0.2.1\"]"), 404);
            assertThat(unknown.path("message").asText()).isEqualTo("Contact not found");

            assertThat(result(mi().mi("ul_rm_contact", "{\"table_name\": \"location\", \"aor\": \"" + aor
                    + "\", \"contact\": \"" + desk.contactUri() + "\"}")).asText()).isEqualTo("OK");
            assertThat(mi().bindings(aor)).isEmpty();
        }
    }

    @Test
    void dpTranslateAppliesARuleOfTheDialplanTable() {
        mi().post("dialplan", "{\"dpid\": 41, \"pr\": 1, \"match_op\": 1, \"match_exp\": \"^0[1-9][0-9]+$\", "
                + "\"subst_exp\": \"^0(.*)$\", \"repl_exp\": \"+49\\\\1\", \"attrs\": \"national\"}");
        assertThat(result(mi().mi("dp_reload", null)).asText()).isEqualTo("OK");

        JsonNode translated = result(mi().mi("dp_translate", "{\"dpid\": 41, \"input\": \"0301234567\"}"));

        assertThat(translated.path("Output").asText()).isEqualTo("+49301234567");
        assertThat(translated.path("ATTRIBUTES").asText()).isEqualTo("national");
        assertThat(error(mi().mi("dp_translate", "[\"41\", \"+1555\"]"), 404).path("message").asText())
                .isEqualTo("No translation");
        assertThat(result(mi().mi("dp_translate", "[41, \"0301234567\", \"default\"]")).path("Output").asText())
                .isEqualTo("+49301234567");
        assertThat(error(mi().mi("dp_translate", "[\"4x\", \"1\"]"), 404).path("message").asText())
                .isEqualTo("Wrong id parameter");
        assertThat(error(mi().mi("dp_translate", "[\"9999\", \"1\"]"), 404).path("message").asText())
                .isEqualTo("No information available for dpid");
        assertThat(error(mi().mi("dp_translate", "[\"41\", \"\"]"), 404).path("message").asText())
                .isEqualTo("Empty input parameter");
        assertThat(error(mi().mi("dp_reload", "{\"partition\": \"other\"}"), 400).path("message").asText())
                .isEqualTo("Partition not found");
    }

    @Test
    void addressReloadAndDumpShowTheAddressTableAsOpenSipsPrintsIt() {
        mi().post("address", "{\"grp\": 7, \"ip\": \"10.10.11.11\", \"context_info\": \"router\"}");
        mi().post("address", "{\"grp\": 7, \"ip\": \"10.10.12.0\", \"mask\": 24}");

        assertThat(result(mi().mi("address_reload", null)).asText()).isEqualTo("OK");
        JsonNode partition = result(mi().mi("address_dump", null)).path("Partitions").get(0);
        assertThat(partition.path("name").asText()).isEqualTo("default");
        JsonNode row = find(partition.path("Destinations"), "ip", "10.10.11.11");
        assertThat(row.path("grp").asInt()).isEqualTo(7);
        assertThat(row.path("mask").asText()).isEqualTo("32");
        assertThat(row.path("context_info").asText()).isEqualTo("router");
        assertThat(row.path("pattern").asText()).as("unset: empty, not null").isEmpty();
        assertThat(partition.path("Destinations").toString()).as("networks are subnet_dump's")
                .doesNotContain("10.10.12.0");
        JsonNode named = result(mi().mi("address_dump", "[\"default\"]"));
        assertThat(named.path("part").asText()).isEqualTo("default");
        assertThat(find(named.path("Destinations"), "ip", "10.10.11.11").path("grp").asInt()).isEqualTo(7);
        JsonNode subnet = find(result(mi().mi("subnet_dump", null)).path("Partitions").get(0).path("Destinations"),
                "ip", "10.10.12.0");
        assertThat(subnet.path("mask").asText()).isEqualTo("255.255.255.0");
        assertThat(error(mi().mi("address_dump", "[\"other\"]"), 404).path("message").asText())
                .isEqualTo("No such partition");
        assertThat(error(mi().mi("address_reload", "[\"other\"]"), 400).path("message").asText())
                .isEqualTo("Trusted table reload failed");
    }

    @Test
    void domainDumpAndReload() {
        assertThat(find(result(mi().mi("domain_dump", null)).path("Domains"), "name", router.domain())).isNotNull();
        assertThat(result(mi().mi("domain_reload", null)).asText()).isEqualTo("OK");
    }

    @Test
    void listSocketsShowsTheListeners() {
        JsonNode sockets = result(mi().mi("list_sockets", null)).path("Sockets");

        List<String> shown = new ArrayList<>();
        sockets.forEach(socket -> shown.add(socket.path("Proto").asText() + ":" + socket.path("Address").asText()
                + ":" + socket.path("Port").asText()));
        int port = router.sipAddress(Transport.UDP).getPort();
        assertThat(shown).contains("udp:127.0.0.1:" + port, "tcp:127.0.0.1:" + port, "udp:::1:" + port);
    }

    @Test
    void uptimeVersionAndWhichAnswerAsOpenSipsCore() {
        JsonNode uptime = result(mi().mi("uptime", null));
        assertThat(uptime.fieldNames()).toIterable().containsExactly("Now", "Up since", "Up time");
        assertThat(uptime.path("Up time").asText()).matches("\\d+ \\[sec]");

        assertThat(result(mi().mi("version", "[]")).path("Server").asText()).startsWith("Interchange (");

        List<String> commands = new ArrayList<>();
        result(mi().mi("which", null)).forEach(name -> commands.add(name.asText()));
        assertThat(commands).contains("uptime", "version", "which", "log_level", "reload", "ul_dump",
                "ul_show_contact", "ul_rm", "ul_rm_contact", "domain_dump", "domain_reload", "address_dump",
                "subnet_dump", "address_reload", "dp_reload", "dp_translate", "list_sockets", "trace_start",
                "trace_stop", "get_statistics", "reset_statistics");
        assertThat(result(mi().mi("which", "{\"command\": \"ul_show_contact\"}")).toString())
                .isEqualTo("[[\"table_name\",\"aor\"]]");
        assertThat(error(mi().mi("which", "[\"no_such_command\"]"), 404).path("message").asText())
                .isEqualTo("unknown MI command");
    }

    @Test
    void logLevelListsAndSetsLevels() {
        JsonNode listed = result(mi().mi("log_level", null));
        JsonNode process = listed.path("Processes").get(0);
        assertThat(process.path("Log level").asInt()).as("INFO, as OpenSIPS numbers it").isEqualTo(3);
        assertThat(find(listed.path("Loggers"), "Logger", "root").path("Log level").asText()).isEqualTo("INFO");
        long pid = process.path("PID").asLong();
        assertThat(result(mi().mi("log_level", "{\"level\": 1}")).path("New global log level").asInt()).isEqualTo(1);
        assertThat(result(mi().mi("log_level", "[3, " + pid + "]")).path("Log level").asInt()).isEqualTo(3);
        assertThat(error(mi().mi("log_level", "{\"level\": 3, \"pid\": " + (pid + 1) + "}"), -32602).path("data")
                .asText()).isEqualTo("Bad PID");
        assertThat(find(result(mi().mi("log_level", null)).path("Loggers"), "Logger", "root").path("Log level")
                .asText()).isEqualTo("INFO");

        JsonNode set = result(mi().mi("log_level", "{\"level\": 4, \"logger\": \"org.interchange.it.probe\"}"));
        assertThat(set.path("Logger").asText()).isEqualTo("org.interchange.it.probe");
        assertThat(set.path("New log level").asText()).isEqualTo("DEBUG");
        result(mi().mi("log_level", "{\"level\": \"WARN\", \"logger\": \"org.interchange.it.probe\"}"));
        assertThat(error(mi().mi("log_level", "{\"level\": \"VERBOSE\", \"logger\": \"org.interchange.it.probe\"}"),
                -32602).path("data").asText()).contains("DEBUG", "INFO", "WARN");
    }

    @Test
    void getAndResetStatisticsAsOpenSipsCore() {
        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice")) {
            JsonNode core = result(mi().mi("get_statistics", "{\"statistics\": [\"core:\", \"usrloc:\"]}"));
            assertThat(core.path("core:rcv_requests").asLong()).isPositive();
            assertThat(core.has("usrloc:registered_users")).as("%s", core).isTrue();
            assertThat(core.has("tm:inuse_transactions")).as("only the groups asked for: %s", core).isFalse();

            assertThat(result(mi().mi("reset_statistics", "[[\"core:rcv_replies\"]]")).asText()).isEqualTo("OK");
            JsonNode reset = result(mi().mi("get_statistics", "[\"core:rcv_replies\"]"));
            assertThat(reset.path("core:rcv_replies").asLong()).as("%s", reset).isZero();
            JsonNode known = result(mi().mi("get_statistics",
                    "[[\"CORE:RCV_REQUESTS\", \"shmem:\", \"slow_messages\"]]"));
            assertThat(known.fieldNames()).toIterable().as("those OpenSIPS has alone are skipped, as OpenSIPS skips "
                    + "names it does not know").containsExactly("core:rcv_requests");
            assertThat(error(mi().mi("get_statistics", "[[\"core:no_such_statistic\"]]"), 404).path("message")
                    .asText()).isEqualTo("Statistics Not Found");
            assertThat(error(mi().mi("reset_statistics", "[[\"no_such_statistic\"]]"), 404).path("message")
                    .asText()).isEqualTo("Statistics Not Found");
        }
    }

    @Test
    void traceStartAndStopTakeOpenSipsParametersAndTheTraceIsKnownByTheCallersId() {
        assertThat(result(mi().mi("trace_start", "{\"id\": \"mi-trace-1\", \"uri\": \"database\", "
                + "\"filter\": [\"callid=mi-trace-1\", \"ip=192.0.2.7\"], \"scope\": \"m\", \"type\": \"sip\"}"))
                .asText()).isEqualTo("OK");
        JsonNode trace = find(mi().get("traces"), "id", "mi-trace-1");
        assertThat(trace.path("match").asText()).isEqualTo("callid,source");
        assertThat(trace.path("value").asText()).isEqualTo("mi-trace-1,192.0.2.7");
        assertThat(trace.path("destinations").toString()).isEqualTo("[\"database\"]");

        assertThat(result(mi().mi("trace_stop", "[\"mi-trace-1\"]")).asText()).isEqualTo("OK");
        assertThat(mi().get("traces").findValuesAsText("id")).doesNotContain("mi-trace-1");
        JsonNode unknown = error(mi().mi("trace_stop", "[\"mi-trace-1\"]"), 400);
        assertThat(unknown.path("message").asText()).isEqualTo("Bad parameter value");
    }

    @Test
    void traceStartAnswersOpenSipsErrors() {
        result(mi().mi("trace_start", "[\"mi-trace-2\", \"database\"]"));
        try {
            JsonNode reused = error(mi().mi("trace_start", "[\"mi-trace-2\", \"database\"]"), 500);
            assertThat(reused.path("message").asText()).isEqualTo("Bad parameter value");
            assertThat(reused.path("data").asText()).isEqualTo("trace id already used");
            assertThat(error(mi().mi("trace_start", "[\"db\", \"mysql://opensips:pw@localhost/opensips\"]"), 406)
                    .path("message").asText()).isEqualTo("DB not acceptable");
            assertThat(error(mi().mi("trace_start", "[\"bad\", \"hep:127.0.0.1:port\"]"), 500).path("message")
                    .asText()).isEqualTo("Bad parameter value");
            assertThat(error(mi().mi("trace_start", "[\"bad\", \"database\", [\"to=bob\"]]"), 500).path("data")
                    .asText()).contains("caller=");
            assertThat(error(mi().mi("trace_start", "[\"bad\", \"database\", [], \"x\", \"sip\"]"), -32000)
                    .path("message").asText()).isEqualTo("Server error");
            assertThat(error(mi().mi("trace_start", "[\"bad\", \"database\", [], \"d\", \"xlog\"]"), 500)
                    .path("data").asText()).contains("sip");
            assertThat(error(mi().mi("trace_start", "{\"filter\": \"callid=x\"}"), -32602).path("message").asText())
                    .as("the router's former form").isEqualTo("Invalid params");
            assertThat(mi().get("traces").findValuesAsText("id")).contains("mi-trace-2").doesNotContain("db", "bad");
        } finally {
            result(mi().mi("trace_stop", "[\"mi-trace-2\"]"));
        }
    }

    @Test
    void protocolErrorsHaveJsonRpcCodes() {
        assertThat(error(mi().mi("ds_list", null), -32601).path("message").asText()).isEqualTo("Method not found");
        assertThat(error(mi().mi("ul_show_contact", "[\"location\"]"), -32602).path("message").asText())
                .isEqualTo("Invalid params");
        assertThat(error(mi().miRequest("{\"jsonrpc\": \"2.0\", \"method\": "), -32700).path("message").asText())
                .isEqualTo("Parse error");
        assertThat(error(mi().miRequest("{\"method\": \"uptime\", \"id\": 1}"), -32600).path("message").asText())
                .isEqualTo("Invalid Request");
        HttpResponse<String> notification = mi().exchange("POST", "../mi",
                "{\"jsonrpc\": \"2.0\", \"method\": \"uptime\"}");
        assertThat(notification.statusCode()).as("a notification: accepted, as mi_http answers").isEqualTo(202);
        assertThat(notification.body()).isEmpty();
    }

    @Test
    void withoutCredentialsTheMiAnswers401() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(mi().uri("../mi"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\": \"2.0\", \"method\": \"which\", \"id\": 1}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("ul_dump");
    }

    /** The element of an array whose field has the value; fails naming the array otherwise. */
    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }
}
