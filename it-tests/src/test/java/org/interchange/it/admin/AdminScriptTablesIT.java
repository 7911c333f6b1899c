package org.interchange.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.it.support.AdminScript;
import org.interchange.it.support.AdminScript.Run;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.WorkDirectory;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator runs {@code bin/interchange-admin} for every resource of the admin API and reads aligned tables with
 * headers; a script adds {@code --json} and gets the API's JSON. OpenSIPS's {@code opensips-cli} prints MI answers
 * as JSON, Kamailio's {@code kamcmd} as indented text.
 *
 * <p>Each table is read by the columns its header line sets out, so a row whose cells are not under their headers
 * fails. Rows, groups and rule sets are the test's own (group and set 907), apart from what other tests on this
 * router add.
 */
@ExtendWith(ArquillianExtension.class)
class AdminScriptTablesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns are set apart by two spaces or more; a header may hold one space ("SKIPPED ID"). */
    private static final Pattern HEADER = Pattern.compile("\\S+(?: \\S+)*");
    private static final String PASSWORD = "tables \"secret\"";

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void subscribersAndDomainsAreTablesAndJson() throws Exception {
        String aor = "tables-" + System.nanoTime() + "@" + router.domain();

        Run added = run(PASSWORD, "user", "add", "--password-stdin", aor);
        assertThat(table(added, 0).row("SUBSCRIBER", aor)).isPresent();
        assertThat(table(run("", "user", "list"), 0).row("SUBSCRIBER", aor)).isPresent();
        assertThat(json(run("", "user", "list", "--json")).toString()).contains("\"" + aor + "\"");
        assertThat(run("", "user", "remove", aor).all()).isEmpty();
        assertThat(table(run("", "user", "list"), 0).row("SUBSCRIBER", aor)).isEmpty();

        assertThat(table(run("", "domain", "add", "tables.example"), 0).row("DOMAIN", "tables.example")).isPresent();
        Table domains = table(run("", "domain", "list"), 0);
        assertThat(domains.headers()).containsExactly("DOMAIN");
        assertThat(domains.row("DOMAIN", router.domain())).isPresent();
        assertThat(json(run("", "--json", "domain", "list")).isArray()).isTrue();
        assertThat(run("", "domain", "remove", "tables.example").status()).isZero();
    }

    @Test
    void locationShowsABindingOfARegisteredPhone() throws Exception {
        try (SipAgent phone = router.registeredAgent(Transport.UDP, "tables-phone-" + System.nanoTime())) {
            String aor = phone.subscriber().aor();

            Table location = table(run("", "location", "list"), 0);

            assertThat(location.headers()).startsWith("AOR", "CONTACT", "EXPIRES", "Q", "RECEIVED", "SOCKET",
                    "USER_AGENT");
            Map<String, String> binding = location.row("AOR", aor).orElseThrow();
            assertThat(binding.get("CONTACT")).startsWith("sip:");
            assertThat(binding.get("SOCKET")).contains(":" + router.sipAddress(Transport.UDP).getPort());
            assertThat(json(run("", "location", "list", "--json")).has(aor)).isTrue();
            assertThat(run("", "location", "remove", aor).status()).isZero();
        }
    }

    @Test
    void timersSocketsAndTheRouteAreTablesAndJson() throws Exception {
        assertThat(table(run("", "timers"), 0).row("TIMER", "location-expiry")).isPresent();
        assertThat(json(run("", "timers", "--json")).has("location-expiry")).isTrue();

        Run sockets = run("", "sockets");
        assertThat(table(sockets, 0).headers()).containsExactly("LISTENER", "SOCKET", "SHOWN", "DEFAULT");
        assertThat(table(sockets, 0).row("LISTENER", "udp").orElseThrow().get("SOCKET"))
                .isEqualTo("udp:127.0.0.1:" + router.sipAddress(Transport.UDP).getPort());
        assertThat(table(sockets, 1).headers()).containsExactly("RULE", "SOCKET", "DESTINATION");
        assertThat(table(sockets, 2).row("DECISION", "default")).isPresent();
        assertThat(json(run("", "sockets", "--json")).get("listeners").isArray()).isTrue();

        Map<String, String> registrar = table(run("", "route"), 0).row("NAME", "registrar").orElseThrow();
        assertThat(registrar).containsEntry("KIND", "request").containsEntry("PRIORITY", "200")
                .containsEntry("ENABLED", "true");
        assertThat(json(run("", "route", "--json")).isArray()).isTrue();
    }

    @Test
    void statusLogLevelsReloadEventsErrorsAndTheMiAreTables() throws Exception {
        Run status = run("", "status");
        assertThat(table(status, 0).headers()).containsExactly("VERSION", "STARTED", "UPTIME_S");
        assertThat(table(status, 1).row("LISTENER", "udp")).isPresent();
        assertThat(table(run("", "log-level", "set", "org.interchange.it.tables", "DEBUG"), 0)
                .row("LOGGER", "org.interchange.it.tables").orElseThrow()).containsEntry("LEVEL", "DEBUG");
        assertThat(table(run("", "log-level", "list"), 0).row("LOGGER", "root")).isPresent();
        assertThat(table(run("", "reload"), 0).headers()).containsExactly("CHANGED", "FROM", "TO");
        assertThat(table(run("", "events"), 0).headers()).startsWith("DESTINATION", "TRANSPORT", "URL");
        assertThat(table(run("", "errors"), 0).headers()).containsExactly("TIME", "LEVEL", "LOGGER", "MESSAGE");
        assertThat(json(run("", "mi", "which")).toString()).contains("\"ul_dump\"");
    }

    @Test
    void statisticsAndTracesAreTables() throws Exception {
        Table core = table(run("", "statistics", "core:"), 0);
        assertThat(core.headers()).containsExactly("STATISTIC", "VALUE");
        assertThat(core.row("STATISTIC", "core:rcv_requests")).isPresent();
        assertThat(json(run("", "statistics", "usrloc:", "--json")).has("usrloc:registered_users")).isTrue();
        assertThat(table(run("", "statistics", "reset", "core:rcv_replies"), 0).row("RESET", "core:rcv_replies"))
                .isPresent();

        String callId = "tables-" + System.nanoTime();
        Map<String, String> trace = table(run("", "trace", "start", "callid", callId), 0).row("VALUE", callId)
                .orElseThrow();
        assertThat(trace).containsEntry("MATCH", "callid").containsEntry("DESTINATIONS", "database");
        assertThat(table(run("", "trace", "list"), 0).row("VALUE", callId)).isPresent();
        assertThat(run("", "trace", "stop", trace.get("ID")).all()).isEmpty();
        assertThat(table(run("", "trace", "list"), 0).row("VALUE", callId)).isEmpty();
        assertThat(table(run("", "trace", "calls"), 0).headers()).startsWith("CALL_ID", "FIRST", "FROM", "TO");
    }

    @Test
    void addressRowsAreAddedChangedMatchedReloadedAndRemoved() throws Exception {
        Map<String, String> added = table(run("", "address", "add", "--ip", "192.0.2.207", "--grp", "907",
                "--context-info", "tables it"), 0).row("IP", "192.0.2.207").orElseThrow();
        String id = added.get("ID");
        assertThat(added).containsEntry("GRP", "907").containsEntry("MASK", "32").containsEntry("PROTO", "any")
                .containsEntry("PATTERN", "-").containsEntry("CONTEXT_INFO", "tables it");

        assertThat(table(run("", "address", "change", id, "--mask", "31"), 0).row("ID", id).orElseThrow())
                .containsEntry("MASK", "31").containsEntry("CONTEXT_INFO", "tables it");
        assertThat(table(run("", "address", "list", "--grp", "907"), 0).rows()).hasSize(1);
        assertThat(table(run("", "address", "show", id), 0).row("ID", id)).isPresent();
        assertThat(table(run("", "address", "match", "192.0.2.206", "--grp", "907"), 0).row("ID", id))
                .as("192.0.2.206 is in 192.0.2.207/31").isPresent();
        assertThat(table(run("", "address", "reload"), 0).headers()).containsExactly("LOADED");
        assertThat(json(run("", "--json", "address", "list", "--grp", "907")).get(0).get("context_info").asText())
                .isEqualTo("tables it");
        assertThat(run("", "address", "remove", id).status()).isZero();

        Run missing = run("", "address", "show", id);
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.errors()).contains("HTTP 404", "no row " + id);
    }

    @Test
    void dialplanRulesAreAddedChangedTranslatedReloadedAndRemoved() throws Exception {
        Map<String, String> added = table(run("", "dialplan", "add", "--dpid", "907", "--match-op", "regex",
                "--match-exp", "^0([1-9][0-9]+)$", "--subst-exp", "^0(.*)$", "--repl-exp", "+49\\1", "--attrs",
                "national"), 0).row("DPID", "907").orElseThrow();
        String id = added.get("ID");
        assertThat(added).containsEntry("MATCH_OP", "regex").containsEntry("REPL_EXP", "+49\\1")
                .containsEntry("TIMEREC", "-").containsEntry("DISABLED", "false");

        assertThat(table(run("", "dialplan", "list", "--dpid", "907"), 0).row("ID", id)).isPresent();
        Run translated = run("", "dialplan", "translate", "907", "0301234567");
        assertThat(table(translated, 0).row("INPUT", "0301234567").orElseThrow())
                .containsEntry("OUTPUT", "+49301234567").containsEntry("RULE", id).containsEntry("ATTRS", "national");
        assertThat(table(translated, 1).headers()).containsExactly("STEP RULE", "INPUT", "OUTPUT", "ATTRS");
        assertThat(json(run("", "dialplan", "translate", "907", "0301234567", "--json")).get("output").asText())
                .isEqualTo("+49301234567");
        assertThat(table(run("", "dialplan", "change", id, "--pr", "5"), 0).row("ID", id).orElseThrow())
                .containsEntry("PR", "5").containsEntry("MATCH_EXP", "^0([1-9][0-9]+)$");
        assertThat(table(run("", "dialplan", "show", id), 0).row("PR", "5")).isPresent();
        assertThat(table(run("", "dialplan", "reload"), 0).headers()).containsExactly("SETS", "RULES", "DISABLED");
        assertThat(run("", "dialplan", "remove", id).status()).isZero();
        assertThat(run("", "dialplan", "translate", "907", "0301234567").status()).isEqualTo(1);
    }

    @Test
    void everyCommandExplainsItselfAndRefusesWhatItDoesNotTake() throws Exception {
        for (String command : List.of("user", "domain", "location", "timers", "sockets", "route", "address",
                "dialplan")) {
            Run help = run("", command, "--help");
            assertThat(help.status()).isZero();
            assertThat(help.output()).as("%s --help", command).startsWith(command + " ");
        }
        Run wrong = run("", "address", "add", "--ip", "192.0.2.1", "--mask", "many");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.errors()).contains("--mask 'many' is not a number");
        assertThat(wrong.commandLines()).noneMatch(line -> line.startsWith("curl "));
    }

    private Run run(String stdin, String... arguments) throws IOException, InterruptedException {
        Run run = new AdminScript(router, WorkDirectory.named("admin-script/tables"), List.of("curl", "jq"))
                .run(Map.of("INTERCHANGE_ADMIN_PASSWORD", router.setting("admin.password")), stdin, arguments);
        for (String line : run.commandLines()) {
            assertThat(line).as("a command line of the script").doesNotContain(router.setting("admin.password"))
                    .doesNotContain(PASSWORD);
        }
        return run;
    }

    private static JsonNode json(Run run) {
        assertThat(run.status()).as(run.all()).isZero();
        try {
            return JSON.readTree(run.output());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run.all(), e);
        }
    }

    /** The {@code index}th table of a run's output (tables are separated by an empty line). */
    private static Table table(Run run, int index) {
        assertThat(run.status()).as(run.all()).isZero();
        String[] tables = run.output().split("\n\n");
        assertThat(tables.length).as("tables in%n%s", run.output()).isGreaterThan(index);
        return Table.parse(tables[index]);
    }

    /** A table as the script prints it: a header line, then rows whose cells start under their headers. */
    private record Table(List<String> headers, List<Map<String, String>> rows) {

        static Table parse(String text) {
            String[] lines = text.split("\n");
            List<String> headers = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            Matcher header = HEADER.matcher(lines[0]);
            while (header.find()) {
                headers.add(header.group());
                starts.add(header.start());
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (int line = 1; line < lines.length; line++) {
                Map<String, String> row = new LinkedHashMap<>();
                String cells = lines[line];
                for (int column = 0; column < headers.size(); column++) {
                    int from = starts.get(column);
                    if (from >= cells.length()) {
                        row.put(headers.get(column), "");   // empty cells at the end of a line are not padded
                        continue;
                    }
                    int to = column + 1 < headers.size() ? Math.min(starts.get(column + 1), cells.length())
                            : cells.length();
                    assertThat(from == 0 || cells.charAt(from - 1) == ' ').as("a cell under %s in%n%s",
                            headers.get(column), text).isTrue();
                    row.put(headers.get(column), cells.substring(from, to).trim());
                }
                rows.add(row);
            }
            return new Table(headers, rows);
        }

        Optional<Map<String, String>> row(String column, String value) {
            return rows.stream().filter(row -> value.equals(row.get(column))).findFirst();
        }
    }
}
