package org.interchange.it.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.it.support.AdminScript;
import org.interchange.it.support.AdminScript.Run;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.WorkDirectory;
import org.interchange.it.support.sip.Call;
import org.interchange.it.support.sip.Dialog;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator traces one call to Homer and to the database while it happens: every message the router receives and
 * sends for that Call-ID, those it makes itself too (100 Trying, the CANCEL and ACK of a branch, a 400), reaches the
 * HEP collectors with its addresses, ports, protocol and text, the capture id and password, and the same messages
 * are in {@code sip_trace}, in order, for a ladder diagram; other calls are not traced, and a stopped trace traces
 * nothing more. OpenSIPS does this with {@code siptrace} and {@code proto_hep} ({@code trace_start},
 * {@code trace_stop}), Kamailio with {@code siptrace} to {@code sipcapture}.
 *
 * <p>The router sends HEP to two collectors: sngrep ({@code -L}, with the capture password), whose pcap of the decoded
 * SIP tshark reads back, and a socket of the test, which reads the HEP chunks themselves.
 */
@ExtendWith(ArquillianExtension.class)
class HepTracingIT {

    private static final String PASSWORD = "it-secret";
    private static final int CAPTURE_ID = 2001;

    /** A message as each collector and the API show it: who sent it to whom, and what it was. */
    record Hop(String what, InetSocketAddress source, InetSocketAddress destination) {

        static Hop request(String method, SipAgent from, InetSocketAddress to) {
            return new Hop(method, from.address(), to);
        }

        static Hop of(String method, int status, InetSocketAddress source, InetSocketAddress destination) {
            return new Hop(status == 0 ? method : status + " " + method, source, destination);
        }
    }

    @Deployment(testable = false)
    @TargetsContainer("tracing")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    private String testName;

    @BeforeEach
    void name(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void aCallTracedByItsCallIdReachesHomerAndSipTraceMessageForMessage() throws Exception {
        assumeTrue(Sngrep.installed(), "needs /usr/bin/sngrep and /usr/bin/tshark (.ci/install-tools)");
        InetSocketAddress r = router.sipAddress(Transport.UDP);
        try (Sngrep sngrep = new Sngrep(collector(36), r.getPort(), PASSWORD, work());
             HepCollector hep = new HepCollector(collector(37));
             SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bob = router.registeredAgent(Transport.UDP, "bob")) {
            SipRequest inviteRequest = alice.invite(bob.subscriber().uri());
            String callId = inviteRequest.callId();
            String traceId = startTrace("callid", callId);

            SentRequest invite = alice.send(inviteRequest);
            IncomingRequest ringing = bob.awaitRequest("INVITE");
            ringing.reply(180);
            invite.awaitResponse(180); // else a 180 overtaken by the 200 is rightly not relayed
            ringing.accept();
            Dialog callerSide = Dialog.asCaller(alice, invite, invite.awaitResponse(200));
            callerSide.ack();
            bob.awaitRequest("ACK");
            Call.hangUp(callerSide, bob);
            Call.hangUp(establish(bob, alice).callerSide(), alice);

            List<Hop> expected = List.of(
                    Hop.request("INVITE", alice, r), Hop.of("INVITE", 100, r, alice.address()),
                    Hop.of("INVITE", 0, r, bob.address()), Hop.of("INVITE", 180, bob.address(), r),
                    Hop.of("INVITE", 180, r, alice.address()), Hop.of("INVITE", 200, bob.address(), r),
                    Hop.of("INVITE", 200, r, alice.address()), Hop.request("ACK", alice, r),
                    Hop.of("ACK", 0, r, bob.address()), Hop.request("BYE", alice, r),
                    Hop.of("BYE", 0, r, bob.address()), Hop.of("BYE", 200, bob.address(), r),
                    Hop.of("BYE", 200, r, alice.address()));
            List<HepCollector.Packet> packets = awaitPackets(hep, callId, expected.size());
            assertThat(packets).as("only the traced call").allMatch(packet -> packet.text(0x11).equals(callId));
            assertThat(packets.stream().map(HepTracingIT::hop).toList()).containsAll(expected);
            assertThat(packets).allSatisfy(packet -> {
                assertThat(packet.number(0x0c)).as("capture id").isEqualTo(CAPTURE_ID);
                assertThat(packet.text(0x0e)).as("capture password").isEqualTo(PASSWORD);
                assertThat(packet.number(0x0b)).as("protocol type: SIP").isEqualTo(1);
                assertThat(packet.number(0x02)).as("IP protocol: UDP").isEqualTo(17);
                assertThat(packet.number(0x01)).as("IP family: IPv4").isEqualTo(2);
                assertThat(packet.text(0x0f)).as("the SIP message").contains("Call-ID: " + callId + "\r\n")
                        .endsWith("\r\n");
            });

            List<JsonNode> stored = awaitStored(callId, expected.size());
            assertThat(stored.get(0).get("direction").asText()).isEqualTo("in");
            assertThat(stored.get(0).get("text").asText()).startsWith("INVITE " + bob.subscriber().uri());
            assertThat(stored.stream().map(HepTracingIT::hop).toList()).containsAll(expected);
            assertThat(stored).allSatisfy(message -> assertThat(message.get("transport").asText()).isEqualTo("UDP"));
            assertThat(stored).filteredOn(message -> message.get("source").asText().equals(text(r)))
                    .allSatisfy(message -> assertThat(message.get("direction").asText()).isEqualTo("out"));
            JsonNode calls = router.admin().get("traces/calls?limit=5");
            assertThat(calls.findValuesAsText("callid")).contains(callId);

            router.admin().delete("traces/" + traceId);
            List<Sngrep.Decoded> decoded = sngrep.stopAndDecode();
            assertThat(decoded).as("decoded by sngrep, read by tshark").isNotEmpty()
                    .allMatch(message -> message.callId().equals(callId));
            assertThat(decoded.stream().map(m -> Hop.of(m.method(), m.status(), m.source(), m.destination())).toList())
                    .containsAll(expected);
        }
    }

    @Test
    void theCancelAndAckTheRouterMakesForABranchAreTraced() throws Exception {
        InetSocketAddress r = router.sipAddress(Transport.UDP);
        try (HepCollector hep = new HepCollector(collector(37));
             SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bob = router.registeredAgent(Transport.UDP, "bob")) {
            SipRequest inviteRequest = alice.invite(bob.subscriber().uri());
            String traceId = startTrace("callid", inviteRequest.callId());

            SentRequest invite = alice.send(inviteRequest);
            IncomingRequest ringing = bob.awaitRequest("INVITE");
            ringing.reply(180);
            invite.awaitResponse(180);
            SentRequest cancel = invite.cancel();
            bob.awaitRequest("CANCEL").reply(200);
            ringing.reply(487);
            assertThat(cancel.awaitFinalResponse().status()).isEqualTo(200);
            assertThat(invite.awaitFinalResponse().status()).isEqualTo(487);
            bob.awaitRequest("ACK");

            List<Hop> expected = List.of(
                    Hop.request("CANCEL", alice, r), Hop.of("CANCEL", 200, r, alice.address()),
                    Hop.of("CANCEL", 0, r, bob.address()), Hop.of("CANCEL", 200, bob.address(), r),
                    Hop.of("INVITE", 487, bob.address(), r), Hop.of("INVITE", 487, r, alice.address()),
                    Hop.of("ACK", 0, r, bob.address()), Hop.request("ACK", alice, r));
            // and before them INVITE, 100 and 180, in and out
            List<HepCollector.Packet> packets = awaitPackets(hep, inviteRequest.callId(), expected.size() + 5);
            assertThat(packets.stream().map(HepTracingIT::hop).toList()).containsAll(expected);
            router.admin().delete("traces/" + traceId);
        }
    }

    @Test
    void aMalformedRequestAndTheBadRequestAnswerToItAreTraced() throws Exception {
        InetSocketAddress r = router.sipAddress(Transport.UDP);
        try (HepCollector hep = new HepCollector(collector(37));
             SipAgent client = router.agent(Transport.UDP)) {
            SipRequest options = client.request("OPTIONS", pingUri(r));
            String traceId = startTrace("callid", options.callId());
            String text = new String(options.encode(), StandardCharsets.UTF_8)
                    .replaceFirst("\r\n", "\r\nUser-Agent sipp bench\r\n");

            client.sendRaw(text.getBytes(StandardCharsets.UTF_8), r);
            assertThat(client.awaitResponse("the 400", received -> options.branch().equals(received.branch()))
                    .status()).isEqualTo(400);

            List<HepCollector.Packet> packets = awaitPackets(hep, options.callId(), 2);
            assertThat(packets.stream().map(HepTracingIT::hop).toList())
                    .containsExactly(Hop.request("OPTIONS", client, r), Hop.of("OPTIONS", 400, r, client.address()));
            assertThat(packets.get(0).text(0x0f)).as("the request as it came, not as parsed").isEqualTo(text);
            router.admin().delete("traces/" + traceId);
        }
    }

    @Test
    void aStoppedTraceTracesNothingMore() throws Exception {
        try (HepCollector hep = new HepCollector(collector(37));
             SipAgent client = router.agent(Transport.UDP)) {
            SipRequest first = client.request("OPTIONS", pingUri(router.sipAddress(Transport.UDP)));
            SipRequest second = client.request("OPTIONS", pingUri(router.sipAddress(Transport.UDP)));
            String started = adminScript("trace", "start", "callid", first.callId(), "--to", "hep");
            String stopped = new ObjectMapper().readTree(started).get("id").asText();
            assertThat(router.admin().get("traces").findValuesAsText("id")).contains(stopped);
            adminScript("trace", "stop", stopped);
            assertThat(router.admin().get("traces").findValuesAsText("id")).doesNotContain(stopped);
            String running = startTrace("callid", second.callId());

            assertThat(client.send(first).awaitFinalResponse().status()).isEqualTo(200);
            assertThat(client.send(second).awaitFinalResponse().status()).isEqualTo(200);

            // one backlog, in order: once the second ping's messages arrived, the first's would have too
            awaitPackets(hep, second.callId(), 2);
            assertThat(hep.packets()).noneMatch(packet -> packet.text(0x11).equals(first.callId()));
            router.admin().delete("traces/" + running);
        }
    }

    /**
     * opensips-cli's {@code trace}: the MI's {@code trace_start} names a trace, a collector of its own and the caller
     * to trace, in OpenSIPS's default scope, the dialog. That caller's call reaches the collector, the BYE of the
     * callee too, which the filter alone would not take; a call of another caller does not; after
     * {@code trace_stop}, nothing more does.
     */
    @Test
    void theMisTraceStartSendsTheCallsOfACallerToItsOwnCollectorUntilTraceStop() {
        InetSocketAddress r = router.sipAddress(Transport.UDP);
        InetSocketAddress own = collector(38);
        String uri = "hep:" + text(own) + ";transport=udp";
        try (HepCollector hep = new HepCollector(own);
             SipAgent alice = router.registeredAgent(Transport.UDP, "alice");
             SipAgent bob = router.registeredAgent(Transport.UDP, "bob")) {
            String caller = alice.subscriber().uri().replaceFirst("^sips?:", "");
            assertThat(mi("trace_start", "{\"id\": \"cli.1\", \"uri\": \"" + uri + "\", \"filter\": [\"caller="
                    + caller + "\"]}")).isEqualTo("OK");
            assertThat(router.admin().get("traces").findValuesAsText("id")).contains("cli.1");

            Call traced = establish(alice, bob);
            Call.hangUp(traced.calleeSide(), alice);
            Call other = establish(bob, alice);
            Call.hangUp(other.callerSide(), alice);
            String callId = traced.callerSide().callId();
            List<Hop> expected = List.of(
                    Hop.request("INVITE", alice, r), Hop.of("INVITE", 0, r, bob.address()),
                    Hop.of("INVITE", 200, bob.address(), r), Hop.of("INVITE", 200, r, alice.address()),
                    Hop.request("ACK", alice, r), Hop.of("ACK", 0, r, bob.address()),
                    Hop.request("BYE", bob, r), Hop.of("BYE", 0, r, alice.address()),
                    Hop.of("BYE", 200, alice.address(), r), Hop.of("BYE", 200, r, bob.address()));
            List<HepCollector.Packet> packets = awaitPackets(hep, callId, expected.size());
            assertThat(packets.stream().map(HepTracingIT::hop).toList()).containsAll(expected);
            assertThat(packets).allSatisfy(packet -> assertThat(packet.number(0x0c)).as("capture id")
                    .isEqualTo(CAPTURE_ID));

            assertThat(mi("trace_stop", "{\"id\": \"cli.1\"}")).isEqualTo("OK");
            Call after = establish(alice, bob);
            Call.hangUp(after.callerSide(), bob);
            SipRequest ping = alice.request("OPTIONS", pingUri(r));
            assertThat(mi("trace_start", "[\"cli.2\", \"" + uri + "\", [\"callid=" + ping.callId() + "\"], \"m\", "
                    + "\"sip\"]")).isEqualTo("OK");
            assertThat(alice.send(ping).awaitFinalResponse().status()).isEqualTo(200);

            // one backlog, in order: had the other calls been traced, their messages would have come first
            awaitPackets(hep, ping.callId(), 2);
            assertThat(hep.packets()).extracting(packet -> packet.text(0x11))
                    .doesNotContain(other.callerSide().callId(), after.callerSide().callId());
            assertThat(mi("trace_stop", "[\"cli.2\"]")).isEqualTo("OK");
        }
    }

    /** An MI command's result as text; fails with the error otherwise. */
    private String mi(String command, String params) {
        JsonNode response = router.admin().mi(command, params);
        assertThat(response.has("error")).as("%s %s: %s", command, params, response).isFalse();
        return response.path("result").asText();
    }

    /** Runs the distribution's {@code bin/interchange-admin} for the API's JSON; its output, or a failure with it. */
    private String adminScript(String... arguments) throws IOException, InterruptedException {
        List<String> json = new ArrayList<>(List.of("--json"));
        json.addAll(List.of(arguments));
        Run run = new AdminScript(router, WorkDirectory.named("admin-script/tracing"), List.of())
                .run(Map.of("INTERCHANGE_ADMIN_PASSWORD", router.setting("admin.password")), "",
                        json.toArray(String[]::new));
        assertThat(run.status()).as("interchange-admin %s: %s", json, run.all()).isZero();
        return run.output();
    }

    private String startTrace(String match, String value) {
        JsonNode trace = router.admin().post("traces",
                "{\"match\":\"" + match + "\",\"value\":\"" + value + "\",\"to\":[\"hep\",\"database\"]}");
        assertThat(trace.get("match").asText()).isEqualTo(match);
        assertThat(trace.get("value").asText()).isEqualTo(value);
        assertThat(router.admin().get("traces").findValuesAsText("id")).contains(trace.get("id").asText());
        return trace.get("id").asText();
    }

    /** A call answered and acknowledged, without a challenge (the router asks none here). */
    private static Call establish(SipAgent caller, SipAgent callee) {
        SentRequest invite = caller.send(caller.invite(callee.subscriber().uri()));
        Dialog calleeSide = callee.awaitRequest("INVITE").accept();
        Dialog callerSide = Dialog.asCaller(caller, invite, invite.awaitResponse(200));
        callerSide.ack();
        callee.awaitRequest("ACK");
        return new Call(callerSide, calleeSide);
    }

    private static List<HepCollector.Packet> awaitPackets(HepCollector hep, String callId, int atLeast) {
        return await("HEP packets of " + callId).atMost(SipAgent.WAIT.toSeconds(), TimeUnit.SECONDS)
                .until(() -> hep.packets().stream().filter(packet -> packet.text(0x11).equals(callId)).toList(),
                        packets -> packets.size() >= atLeast);
    }

    private List<JsonNode> awaitStored(String callId, int atLeast) {
        return await("sip_trace rows of " + callId).atMost(SipAgent.WAIT.toSeconds(), TimeUnit.SECONDS)
                .until(() -> {
                    List<JsonNode> rows = new ArrayList<>();
                    router.admin().get("traces/messages?callid=" + URLEncoder.encode(callId,
                            StandardCharsets.UTF_8)).forEach(rows::add);
                    return rows;
                }, rows -> rows.size() >= atLeast);
    }

    private static Hop hop(HepCollector.Packet packet) {
        String startLine = packet.startLine();
        String payload = packet.text(0x0f);
        String cseqMethod = payload.replaceFirst("(?s).*\r\nCSeq: *\\d+ +([A-Z]+)\r\n.*", "$1");
        int status = startLine.startsWith("SIP/2.0 ") ? Integer.parseInt(startLine.substring(8, 11)) : 0;
        return Hop.of(cseqMethod, status, packet.source(), packet.destination());
    }

    private static Hop hop(JsonNode message) {
        return Hop.of(message.get("method").asText(), message.get("status").asInt(),
                address(message.get("source").asText()), address(message.get("destination").asText()));
    }

    private static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        return new InetSocketAddress(text.substring(0, colon).replace("[", "").replace("]", ""),
                Integer.parseInt(text.substring(colon + 1)));
    }

    /** The router itself, which answers an OPTIONS to it in the SIP stack. */
    private static String pingUri(InetSocketAddress router) {
        return "sip:" + text(router);
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /**
     * A collector's address: 127.0.0.<last> at the router's SIP port, as arquillian.xml's tracing.hep says for 36 and
     * 37; others are a trace's own.
     */
    private InetSocketAddress collector(int last) {
        return new InetSocketAddress("127.0.0." + last, router.sipAddress(Transport.UDP).getPort());
    }

    private Path work() {
        return Path.of(System.getProperty("interchange.it.work", "target/interchange-it"), "hep-tracing", testName);
    }
}
