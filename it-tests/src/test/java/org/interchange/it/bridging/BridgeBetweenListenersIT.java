package org.interchange.it.bridging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.interchange.it.support.Router;
import org.interchange.it.support.Router.Listener;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.Dialog;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import gov.nist.javax.sip.address.SipUri;

/**
 * A call bridged between two listeners of the router, for every pair of the six the bridging router has (UDP on
 * 127.0.0.1 and 127.0.0.2, TCP on 127.0.0.1, UDP and TCP on [::1], TLS on 127.0.0.1 with the self-signed keystore
 * it generated): the caller reaches the router on one, the callee registered through the other and is called
 * through it. The callee sees the INVITE, the ACK and a BYE
 * come from the listener it registered through, with that listener in the top Via; the caller sees the 200 and a
 * BYE from the listener it called. The dialog's Record-Route holds one entry per listener crossed (RFC 5658): two,
 * egress on top, when the listeners differ in address, port, transport or family; one when the call stays on one
 * listener. OpenSIPS needs {@code record_route()} with {@code record_route_preset()} or its automatic double
 * Record-Route and a registrar that remembers the socket; MSS 3.2.0-37 on its own sends from the first listener of a
 * transport and doubles the Record-Route only for a change of transport.
 */
@ExtendWith(ArquillianExtension.class)
class BridgeBetweenListenersIT {

    private static final List<String> LISTENERS = List.of("udp", "udp-b", "tcp", "udp6", "tcp6", "tls");
    private static final Pattern VIA = Pattern.compile("SIP/2\\.0/(\\w+)\\s+([^;\\s]+)");

    @Deployment(testable = false)
    @TargetsContainer("bridging")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    static Stream<Arguments> listenerPairs() {
        return LISTENERS.stream().flatMap(in -> LISTENERS.stream().map(out -> Arguments.of(in, out)));
    }

    @ParameterizedTest(name = "in {0}, out {1}")
    @MethodSource("listenerPairs")
    void theCallerHangsUp(String in, String out) {
        Call call = establish(router.listener(in), router.listener(out));
        try (call) {
            SentRequest bye = call.callerSide().send("BYE");
            IncomingRequest atCallee = call.callee().awaitRequest("BYE");
            assertCameFrom(call.out(), atCallee.request());
            atCallee.reply(200);
            assertThat(bye.awaitFinalResponse().status()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "in {0}, out {1}")
    @MethodSource("listenerPairs")
    void theCalleeHangsUp(String in, String out) {
        Call call = establish(router.listener(in), router.listener(out));
        try (call) {
            SentRequest bye = call.calleeSide().send("BYE");
            IncomingRequest atCaller = call.caller().awaitRequest("BYE");
            assertCameFrom(call.in(), atCaller.request());
            assertThat(topVia(atCaller.request())).as("the top Via of the BYE at the caller").isEqualTo(via(call.in()));
            atCaller.reply(200);
            assertThat(bye.awaitFinalResponse().status()).isEqualTo(200);
        }
    }

    /**
     * A phone that registers a {@code sips:} contact through the TLS listener (RFC 5630) is called through it, from TLS
     * or from UDP: the router sends the INVITE, with the contact as it was registered as its Request-URI, the ACK and
     * the caller's BYE over TLS from that listener.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"tls", "udp"})
    void aSipsContactIsCalledOverTls(String inName) {
        Listener in = router.listener(inName);
        Listener out = router.listener("tls");
        SipAgent callee = router.agent(out, Optional.of(router.newSubscriber("callee")));
        SipAgent caller = router.agent(in, Optional.empty());
        try (caller; callee) {
            String sipsContact = "sips:" + callee.subscriber().user() + "@" + callee.address().getAddress()
                    .getHostAddress() + ":" + callee.address().getPort();
            Received registered = callee.sendAuthenticated(callee.registerRequest()
                    .replacing("Contact", "<" + sipsContact + ">")).awaitFinalResponse();
            assertThat(registered.status()).as("the callee registers " + sipsContact).isEqualTo(200);

            SentRequest invite = caller.send(caller.invite(callee.subscriber().uri()));
            IncomingRequest ringing = callee.awaitRequest("INVITE");
            assertThat(ringing.request().requestUri()).as("the Request-URI is the contact registered")
                    .isEqualTo(sipsContact);
            assertCameFrom(out, ringing.request());
            ringing.accept();
            Received ok = invite.awaitResponse(200);
            assertCameFrom(in, ok);
            Dialog callerSide = Dialog.asCaller(caller, invite, ok);
            callerSide.ack();
            assertCameFrom(out, callee.awaitRequest("ACK").request());

            SentRequest bye = callerSide.send("BYE");
            IncomingRequest byeAtCallee = callee.awaitRequest("BYE");
            assertCameFrom(out, byeAtCallee.request());
            byeAtCallee.reply(200);
            assertThat(bye.awaitFinalResponse().status()).isEqualTo(200);
        }
    }

    /** Pairs that change address, transport and family, for the other in-dialog requests. */
    static Stream<Arguments> crossingPairs() {
        return Stream.of(Arguments.of("udp", "udp-b"), Arguments.of("tcp6", "udp"), Arguments.of("tls", "udp6"));
    }

    /**
     * INFO from each side, and a re-INVITE from the caller answered by the callee, follow the same bridge as the
     * BYE: each leaves through the listener facing its next hop, and its response comes back the way it went.
     */
    @ParameterizedTest(name = "in {0}, out {1}")
    @MethodSource("crossingPairs")
    void infoAndReInviteFromEitherSideCrossTheBridge(String in, String out) {
        Call call = establish(router.listener(in), router.listener(out));
        try (call) {
            SentRequest infoFromCaller = call.callerSide().send("INFO");
            IncomingRequest infoAtCallee = call.callee().awaitRequest("INFO");
            assertCameFrom(call.out(), infoAtCallee.request());
            infoAtCallee.reply(200);
            assertCameFrom(call.in(), infoFromCaller.awaitFinalResponse());

            SentRequest infoFromCallee = call.calleeSide().send("INFO");
            IncomingRequest infoAtCaller = call.caller().awaitRequest("INFO");
            assertCameFrom(call.in(), infoAtCaller.request());
            infoAtCaller.reply(200);
            assertCameFrom(call.out(), infoFromCallee.awaitFinalResponse());

            SentRequest reInvite = call.callerSide().send("INVITE");
            IncomingRequest reInviteAtCallee = call.callee().awaitRequest("re-INVITE",
                    message -> message.method().equals("INVITE") && message.cseqNumber() > 1);
            assertCameFrom(call.out(), reInviteAtCallee.request());
            assertThat(topVia(reInviteAtCallee.request())).isEqualTo(via(call.out()));
            reInviteAtCallee.reply(200);
            Received reInviteOk = reInvite.awaitFinalResponse();
            assertThat(reInviteOk.status()).isEqualTo(200);
            assertCameFrom(call.in(), reInviteOk);
        }
    }

    /**
     * A CANCEL the caller sends while the callee rings reaches the callee through the listener its INVITE took, and
     * so do the router's ACK for the 487 and the 487 back to the caller through the listener it called.
     */
    @ParameterizedTest(name = "in {0}, out {1}")
    @MethodSource("crossingPairs")
    void aCancelFollowsItsInviteAcrossTheBridge(String in, String out) {
        Listener inbound = router.listener(in);
        Listener outbound = router.listener(out);
        try (SipAgent callee = router.agent(outbound, Optional.of(router.newSubscriber("callee")));
             SipAgent caller = router.agent(inbound, Optional.empty())) {
            assertThat(callee.register().status()).isEqualTo(200);
            SentRequest invite = caller.send(caller.invite(callee.subscriber().uri()));
            IncomingRequest ringing = callee.awaitRequest("INVITE");
            ringing.reply(180);
            invite.awaitResponse(180);

            SentRequest cancel = invite.cancel();
            IncomingRequest cancelAtCallee = callee.awaitRequest("CANCEL");
            assertCameFrom(outbound, cancelAtCallee.request());
            cancelAtCallee.reply(200);
            ringing.reply(487);

            assertThat(cancel.awaitFinalResponse().status()).isEqualTo(200);
            Received terminated = invite.awaitFinalResponse();
            assertThat(terminated.status()).isEqualTo(487);
            assertCameFrom(inbound, terminated);
            assertCameFrom(outbound, callee.awaitRequest("ACK").request());
        }
    }

    /** An answered, acknowledged call and its two agents, closed together. */
    private record Call(Listener in, Listener out, SipAgent caller, SipAgent callee, Dialog callerSide,
                        Dialog calleeSide) implements AutoCloseable {
        @Override
        public void close() {
            caller.close();
            callee.close();
        }
    }

    private Call establish(Listener in, Listener out) {
        SipAgent callee = router.agent(out, Optional.of(router.newSubscriber("callee")));
        SipAgent caller = router.agent(in, Optional.empty());
        assertThat(callee.register().status()).as("the callee registers through " + out).isEqualTo(200);

        SentRequest invite = caller.send(caller.invite(callee.subscriber().uri()));
        IncomingRequest ringing = callee.awaitRequest("INVITE");
        Received atCallee = ringing.request();
        assertCameFrom(out, atCallee);
        assertThat(topVia(atCallee)).as("the top Via of the INVITE at the callee").isEqualTo(via(out));
        List<String> expectedRecordRoute = in.equals(out) ? List.of(recordRoute(out))
                : List.of(recordRoute(out), recordRoute(in));
        assertThat(atCallee.recordRoutes()).as("the Record-Route the callee sees")
                .extracting(BridgeBetweenListenersIT::socketOf).isEqualTo(expectedRecordRoute);

        ringing.reply(180);
        assertCameFrom(in, invite.awaitResponse(180));
        Dialog calleeSide = ringing.accept();
        Received ok = invite.awaitResponse(200);
        assertCameFrom(in, ok);
        assertThat(ok.recordRoutes()).as("the Record-Route the caller sees").isEqualTo(atCallee.recordRoutes());

        Dialog callerSide = Dialog.asCaller(caller, invite, ok);
        callerSide.ack();
        assertCameFrom(out, callee.awaitRequest("ACK").request());
        return new Call(in, out, caller, callee, callerSide, calleeSide);
    }

    /**
     * That a message came from a listener: its address, and on UDP its port (the router opens TCP and TLS connections
     * from a port of the system's choosing).
     */
    private static void assertCameFrom(Listener listener, Received message) {
        assertThat(message.transport()).as("the transport of " + message.summary()).isEqualTo(listener.transport());
        assertThat(message.remote().getAddress()).as("the source address of " + message.summary())
                .isEqualTo(listener.address().getAddress());
        if (listener.transport() == Transport.UDP) {
            assertThat(message.remote().getPort()).as("the source port of " + message.summary())
                    .isEqualTo(listener.address().getPort());
        }
    }

    /** {@code UDP 127.0.0.2:15560}: the sent-protocol's transport and the sent-by of the top Via. */
    private static String topVia(Received message) {
        String via = message.headers("Via").get(0);
        Matcher matcher = VIA.matcher(via);
        assertThat(matcher.find()).as("a Via: " + via).isTrue();
        return matcher.group(1).toUpperCase(Locale.ROOT) + " " + matcher.group(2);
    }

    private static String via(Listener listener) {
        return listener.transport().name() + " " + listener.uriHost() + ":" + listener.address().getPort();
    }

    /** {@code udp:127.0.0.2:15560}: what a Record-Route entry names. */
    private static String socketOf(String recordRoute) {
        SipUri uri = Received.routeUri(recordRoute);
        String host = uri.getHost().startsWith("[") ? uri.getHost() : uri.getHost().contains(":")
                ? "[" + uri.getHost() + "]" : uri.getHost();
        return Optional.ofNullable(uri.getTransportParam()).orElse("udp").toLowerCase(Locale.ROOT) + ":"
                + host.replace("[0:0:0:0:0:0:0:1]", "[::1]") + ":" + uri.getPort();
    }

    private static String recordRoute(Listener listener) {
        return listener.transport().uriParameter() + ":" + listener.uriHost() + ":" + listener.address().getPort();
    }
}
