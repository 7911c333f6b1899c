package org.interchange.it.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interchange.it.support.sip.Call;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.junit.jupiter.api.Test;

/**
 * An operator graphs the router's statistics: Prometheus scrapes {@code /interchange/metrics} with the admin
 * credentials, a script reads {@code /api/statistics} as it would OpenSIPS's {@code get_statistics}. Real traffic
 * moves the counters by what was sent: two phones register (challenged, then accepted), one calls the other
 * (challenged, relayed, answered, hung up), a monitor pings the router, a broken client sends a request without
 * Call-ID. The exposition passes {@code promtool check metrics}. OpenSIPS names these statistics the same
 * ({@code core:rcv_requests}, {@code tm:UAS_transactions}, {@code registrar:accepted_regs}, ...) and exposes them
 * to Prometheus through its {@code prometheus} module.
 */
class MetricsIT extends ProbedDatabaseRouter {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$");

    @Test
    void sipTrafficMovesTheStatisticsByWhatWasSent() {
        Map<String, Long> before = router.admin().statistics();
        Map<String, Double> scrapedBefore = samples(router.admin().metrics());

        try (SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bob = router.registeredAgent(Transport.UDP, "bob");
             SipAgent monitor = router.agent(Transport.UDP)) {
            Call.hangUp(Call.establish(alice, bob).callerSide(), bob);
            assertThat(monitor.send(monitor.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4)))
                    .awaitFinalResponse().status()).isEqualTo(200);
            assertThat(monitor.send(monitor.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4))
                    .without("Call-ID")).awaitFinalResponse().status()).isEqualTo(400);
        }

        Map<String, Long> moved = difference(before, settledStatistics());
        Map<String, Double> scraped = samples(router.admin().metrics());
        Map<String, Double> received = difference(scrapedBefore, scraped, "interchange_core_rcv_requests_total");
        assertThat(received).as("requests received, by method")
                .containsEntry("{method=\"REGISTER\"}", 4.0).containsEntry("{method=\"INVITE\"}", 2.0)
                .containsEntry("{method=\"BYE\"}", 1.0);
        // the ACK to the 200, and the ACK to the 407 whenever the stack hands it on (once per 407 it retransmits)
        long acks = received.get("{method=\"ACK\"}").longValue();
        assertThat(acks).as("ACKs received").isBetween(1L, 3L);
        // the ping, again for each retransmission the stack answers (statelessly, so every copy is an answer)
        long pings = received.get("{method=\"OPTIONS\"}").longValue();
        assertThat(pings).as("pings received").isBetween(1L, 3L);
        assertThat(moved).as("the statistics that moved").containsAllEntriesOf(Map.ofEntries(
                Map.entry("core:rcv_requests", 7L + acks + pings), // 4 REGISTER, 2 INVITE, BYE
                Map.entry("core:fwd_requests", 3L), // INVITE, ACK, BYE
                Map.entry("core:bad_msg_hdr", 1L),
                Map.entry("core:drop_requests", 0L),
                Map.entry("auth:challenges", 3L), // two 401, one 407
                Map.entry("auth:successful_auths", 3L),
                Map.entry("auth:failed_auths", 0L),
                Map.entry("registrar:accepted_regs", 2L),
                Map.entry("registrar:rejected_regs", 0L),
                Map.entry("usrloc:registered_users", 2L),
                Map.entry("usrloc:location-contacts", 2L),
                Map.entry("sl:sent_err_replies", 1L),
                Map.entry("tm:UAS_transactions", 7L), // REGISTERs, INVITEs, BYE
                Map.entry("tm:UAC_transactions", 2L), // the INVITE's branch, the BYE
                Map.entry("tm:local_replies", 6L), // 401, 200, 401, 200, 407, 100 Trying
                Map.entry("tm:4xx_transactions", 3L)));
        // the ping's 200 (and a retransmission's, unless its sender had gone by then), the 400
        assertThat(moved.get("sl:sent_replies")).as("sl:sent_replies").isBetween(2L, pings + 1);
        // the callee's 200 to the INVITE and to the BYE, and the 200 to the INVITE again whenever it retransmits it
        assertThat(moved.get("core:rcv_replies")).as("core:rcv_replies").isGreaterThanOrEqualTo(2);
        assertThat(moved.get("core:fwd_replies")).as("core:fwd_replies").isEqualTo(moved.get("core:rcv_replies"));
        assertThat(moved.get("tm:relayed_replies")).as("tm:relayed_replies").isEqualTo(moved.get("core:fwd_replies"));
        assertThat(moved.get("tm:2xx_transactions")).as("tm:2xx_transactions (REGISTER, REGISTER, INVITE, BYE)")
                .isGreaterThanOrEqualTo(4);
        assertThat(difference(scrapedBefore, scraped, "interchange_core_rcv_replies_total")).as("by code class")
                .containsEntry("{code=\"2xx\"}", (double) moved.get("core:rcv_replies"));
        assertThat(scraped).containsKeys("jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"}",
                "jvm_threads_live_threads", "process_cpu_usage", "jvm_classes_loaded_classes",
                "interchange_database_transactions_seconds_count", "interchange_tm_inuse_transactions",
                "interchange_net_waiting_udp", "interchange_socket_decisions_total{reason=\"registration\"}",
                "interchange_net_shed_datagrams_total{reason=\"queue_full\"}");
    }

    @Test
    void theExpositionPassesPromtool() throws IOException, InterruptedException {
        byte[] exposition = router.admin().metrics().getBytes(StandardCharsets.UTF_8);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try {
            promtool.getOutputStream().write(exposition);
            promtool.getOutputStream().close();
            assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            String problems = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(problems).as("what promtool reports").isEmpty();
            assertThat(promtool.exitValue()).isZero();
        } finally {
            promtool.destroyForcibly();
        }
    }

    @Test
    void resetZeroesCountersAndLeavesGauges() {
        try (SipAgent phone = router.registeredAgent(Transport.UDP, "carol")) {
            long users = router.admin().statistics("usrloc:registered_users").get("usrloc:registered_users");

            var reset = router.admin().post("statistics/reset", "{\"names\": [\"registrar:\", \"usrloc:\"]}");

            assertThat(reset.get("reset").toString())
                    .isEqualTo("[\"registrar:accepted_regs\",\"registrar:rejected_regs\"]");
            assertThat(router.admin().statistics("registrar:", "usrloc:registered_users")).isEqualTo(Map.of(
                    "registrar:accepted_regs", 0L, "registrar:rejected_regs", 0L, "usrloc:registered_users", users));
            assertThat(phone.register().status()).isEqualTo(200);
            assertThat(router.admin().statistics("accepted_regs")).containsEntry("registrar:accepted_regs", 1L);
        }
    }

    @Test
    void tracedMessagesLostAreAStatistic() {
        assertThat(router.admin().statistics("tracing:")).containsEntry("tracing:dropped", 0L);
        assertThat(router.admin().metrics()).contains("interchange_tracing_dropped_total{destination=\"database\"}");
    }

    @Test
    void aStatisticThatDoesNotExistIsABadRequest() {
        assertThatThrownBy(() -> router.admin().statistics("core:no_such_thing"))
                .hasMessageContaining("answered 400").hasMessageContaining("core:no_such_thing");
    }

    @Test
    void theMetricsNeedTheAdminCredentials() {
        assertThat(router.admin().getWithoutCredentials("metrics").statusCode()).isEqualTo(401);
    }

    /**
     * The statistics once two reads of the message counters half a second apart agree: retransmissions still in
     * flight when the agents closed (a ping's, an ACK's) are counted by then, so that /api/statistics and /metrics
     * tell the same.
     */
    private Map<String, Long> settledStatistics() {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(router.admin().statistics("core:", "sl:"));
        await("received requests that stop moving").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> last.getAndSet(router.admin().statistics("core:", "sl:")).equals(last.get()));
        return router.admin().statistics();
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> moved = new HashMap<>();
        after.forEach((name, value) -> moved.put(name, value - before.getOrDefault(name, 0L)));
        return moved;
    }

    /** How the samples of one metric moved, by their labels. */
    private static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after,
                                                  String metric) {
        Map<String, Double> moved = new HashMap<>();
        after.forEach((series, value) -> {
            if (series.startsWith(metric + "{")) {
                moved.put(series.substring(metric.length()), value - before.getOrDefault(series, 0.0));
            }
        });
        return moved;
    }

    /** The samples of a text exposition, by series (name and labels as written). */
    private static Map<String, Double> samples(String exposition) {
        Map<String, Double> samples = new HashMap<>();
        Matcher sample = SAMPLE.matcher(exposition);
        while (sample.find()) {
            samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
        }
        return samples;
    }
}
