package org.interchange.it.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

import org.interchange.it.support.ChildProcess;
import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.WorkDirectory;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Subscriber;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people with real softphones, baresip, call each other: both register (401, MD5 digest), the caller dials
 * the callee's address-of-record, is challenged (407), and the call is set up through the router, which relays
 * the INVITE to the callee's registered contact with its Record-Route and the 200 back; when the caller hangs up,
 * the BYE follows the route set through the router. This is the check the README's "Softphones" section describes,
 * automated; OpenSIPS is commonly tried the same way, with two SIP phones and its default script.
 *
 * <p>A second call bridges a phone on UDP and one on TCP: the router record-routes it through both listeners.
 *
 * <p>baresip binds 127.0.0.1:17100-17103 for SIP (each phone its port and the next, for TLS) and 17110-17149 for
 * media. Skipped when baresip is not installed ({@code .ci/install-tools} installs it).
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "baresipIsInstalled",
        disabledReason = "baresip is not installed: .ci/install-tools installs it (Debian package baresip-core)")
class BaresipCallIT {

    private static final int CALLEE_SIP_PORT = 17100;
    private static final int CALLER_SIP_PORT = 17102;
    private static final int CALLEE_RTP_PORTS = 17110;
    private static final int CALLER_RTP_PORTS = 17130;
    /** When the caller hangs up (and quits): {@code baresip -t}, counted from its start. */
    private static final Duration CALLER_RUNS = Duration.ofSeconds(6);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;

    @Deployment(testable = false)
    @TargetsContainer("softphones")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @TempDir
    Path configurations;

    static boolean baresipIsInstalled() {
        return Baresip.isInstalled();
    }

    @Test
    void twoBaresipPhonesTalkThroughTheRouterUntilTheCallerHangsUp() throws Exception {
        callAndHangUp(Transport.UDP, "udp");
    }

    /** The router bridges the call between its UDP and TCP listeners, each phone on its own transport. */
    @Test
    void aPhoneOnUdpCallsAPhoneOnTcpThroughTheRouter() throws Exception {
        callAndHangUp(Transport.TCP, "tcp");
    }

    private void callAndHangUp(Transport calleeTransport, String logName) throws Exception {
        Subscriber bob = router.newSubscriber("bob");
        Subscriber alice = router.newSubscriber("alice");
        Path logs = WorkDirectory.named("baresip");
        Baresip callee = Baresip.configure(bob, router.sipAddress(calleeTransport), calleeTransport, CALLEE_SIP_PORT,
                CALLEE_RTP_PORTS, configurations.resolve("callee-" + logName),
                logs.resolve("callee-" + logName + ".log"));
        Baresip caller = Baresip.configure(alice, router.sipAddress(Transport.UDP), Transport.UDP, CALLER_SIP_PORT,
                CALLER_RTP_PORTS, configurations.resolve("caller-" + logName),
                logs.resolve("caller-" + logName + ".log"));

        try (ChildProcess calleePhone = callee.start()) {
            await("a binding of " + bob.aor() + " registered by " + callee).atMost(SipAgent.WAIT)
                    .failFast("the callee's baresip exited", () -> !calleePhone.isAlive())
                    .until(() -> !router.admin().bindings(bob.aor()).isEmpty());

            try (ChildProcess callerPhone = caller.start("-e", "/dial " + bob.uri(),
                    "-t", String.valueOf(CALLER_RUNS.toSeconds()))) {
                OptionalInt exit = callerPhone.awaitExit(CALLER_RUNS.plus(SipAgent.WAIT));
                assertThat(exit).as("%s quits after %d s; last lines:%n%s", caller, CALLER_RUNS.toSeconds(),
                        callerPhone.tail(LOG_TAIL_LINES)).isPresent();
                calleePhone.stop(STOP_TIMEOUT);

                assertCallSeenBy(callerPhone, "the caller", bob);
                assertCallSeenBy(calleePhone, "the callee", alice);
                List<Received> atCallee = callee.received(calleePhone.output());
                List<Received> atCaller = caller.received(callerPhone.output());
                Received invite = relayed(atCallee, "the INVITE", request("INVITE"));
                assertThat(invite.transport()).as("the transport the callee registered over")
                        .isEqualTo(calleeTransport);
                assertThat(invite.recordRoutes()).as("the router stays in the dialog, through both listeners")
                        .hasSize(calleeTransport == Transport.UDP ? 1 : 2);
                Received ok = relayed(atCaller, "the 200 to the INVITE", message -> !message.isRequest()
                        && message.status() == 200 && message.cseqMethod().equals("INVITE"));
                assertThat(ok.recordRoutes()).isEqualTo(invite.recordRoutes());
                relayed(atCallee, "the ACK", request("ACK"));
                relayed(atCallee, "the BYE", request("BYE"));
            }
        }
    }

    /** That a phone printed the call with the other party being set up and ending. */
    private static void assertCallSeenBy(ChildProcess phone, String who, Subscriber otherParty) {
        assertThat(phone.output()).as("what %s's baresip printed (%s)", who, phone.log())
                .contains("Call established: " + otherParty.uri())
                .contains("Call with " + otherParty.uri() + " terminated");
    }

    /** The first message of a kind in a phone's trace, which must have come from the router. */
    private Received relayed(List<Received> trace, String what, Predicate<Received> kind) {
        Received message = trace.stream().filter(kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + what + " in the trace: " + summaries(trace)));
        assertThat(router.isSourceOf(message)).as("%s came from the router: %s", what, message.summary()).isTrue();
        return message;
    }

    private static Predicate<Received> request(String method) {
        return message -> message.isRequest() && message.method().equals(method);
    }

    private static String summaries(List<Received> trace) {
        return trace.stream().map(Received::summary).toList().toString();
    }
}
