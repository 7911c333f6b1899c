package org.interchange.it.bridging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interchange.it.support.Router;
import org.interchange.it.support.Router.Listener;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.WorkDirectory;
import org.interchange.it.support.netns.NetnsTopology;
import org.interchange.it.support.netns.NetnsTopology.Link;
import org.interchange.it.support.sip.Dialog;
import org.interchange.it.support.sip.IncomingRequest;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

import gov.nist.javax.sip.address.SipUri;

/**
 * A router on a host with several networks sends each call out through the listener on the interface the kernel
 * routes it over, as OpenSIPS and Kamailio do with {@code mhomed}: the kernel is asked for real, over the network
 * namespaces of {@link NetnsTopology}, where a sipp callee answers on each network. The caller, on loopback, calls
 * the callee's address through the router's loopback listener, with no registration and no socket rule, so the
 * kernel's route decides; the call's Record-Route then names the listener it left through on top of the loopback
 * one (RFC 5658), its top Via at the callee names it too, the ACK reaches the callee along that route, and the
 * callee's BYE comes back along it to the caller.
 * <ul>
 *   <li>198.51.100.2: the kernel sends from 198.51.100.1, a listener: that one.</li>
 *   <li>203.0.113.2: the kernel sends from 203.0.113.9, the interface's primary address, on which the router does
 *       not listen: the listener on the same interface, 203.0.113.1, with a warning in the log that names both.</li>
 *   <li>[2001:db8::2]: the kernel sends from [2001:db8::1], the IPv6 listener, though the call came in over
 *       IPv4.</li>
 * </ul>
 * Kamailio with {@code mhomed=1} ({@code get_send_socket2} in forward.c) uses the kernel's address only when it
 * listens there; otherwise it logs "no corresponding socket found" and does not forward the request.
 *
 * <p>Runs on the router {@code kernel-route} (arquillian.xml); skipped, with the reason, without root, {@code ip netns}
 * or sipp. The callees' logs are in {@code target/interchange-it/kernel-route-callees/<test>/}.
 */
@ExtendWith({NetnsTopology.class, ArquillianExtension.class})
@EnabledIf(value = "sippIsInstalled",
        disabledReason = "sipp is not installed: .ci/install-tools installs it (Debian package sip-tester)")
class KernelRouteIT {

    private static final Pattern VIA = Pattern.compile("SIP/2\\.0/(\\w+)\\s+(\\[[^\\]]+\\]|[^:;\\s]+):(\\d+)");

    @Deployment(testable = false)
    @TargetsContainer("kernel-route")
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    static boolean sippIsInstalled() {
        return SippCallee.isInstalled();
    }

    @Test
    void aCallToThePublicNetworkLeavesThroughThePublicListener(TestInfo test) throws Exception {
        Listener out = router.listener("public");
        assertThat(out.address().getAddress()).as("arquillian.xml's listener.public").isEqualTo(
                NetnsTopology.PUBLIC.rootAddress(0));

        callThrough(NetnsTopology.PUBLIC, NetnsTopology.PUBLIC.peerHost(0), out, test);

        assertThat(routerLog()).as("the router's log (%s): the kernel's address is a listener", router.log())
                .doesNotContain("The kernel sends to " + NetnsTopology.PUBLIC.peerHost(0) + " ");
    }

    @Test
    void aCallToThePrivateNetworkLeavesThroughTheListenerOnTheInterfaceTheKernelChose(TestInfo test)
            throws Exception {
        Listener out = router.listener("private");
        InetAddress kernelSource = NetnsTopology.PRIVATE.rootAddress(0);
        assertThat(out.address().getAddress()).as("arquillian.xml's listener.private").isEqualTo(
                NetnsTopology.PRIVATE.rootAddress(1));
        assertThat(router.listeners()).as("the router's listeners").extracting(l -> l.address().getAddress())
                .doesNotContain(kernelSource);

        String callee = NetnsTopology.PRIVATE.peerHost(0);
        callThrough(NetnsTopology.PRIVATE, callee, out, test);

        assertThat(routerLog()).as("the router's log (%s)", router.log())
                .contains("The kernel sends to " + callee + " from " + kernelSource.getHostAddress()
                        + " (" + NetnsTopology.PRIVATE.rootInterface() + "), which is not a udp listener: using "
                        + out.name() + "(")
                .contains("(same interface); add a listener on " + kernelSource.getHostAddress());
    }

    @Test
    void aCallToAnIpv6PeerLeavesThroughTheIpv6ListenerThoughItCameInOverIpv4(TestInfo test) throws Exception {
        Listener out = router.listener("public6");
        assertThat(out.address().getAddress()).as("arquillian.xml's listener.public6").isEqualTo(
                NetnsTopology.PUBLIC.rootAddress(1));

        callThrough(NetnsTopology.PUBLIC, NetnsTopology.PUBLIC.peerHost(1), out, test);
    }

    /**
     * A call from loopback to a sipp callee in a namespace, through the router's UDP listener on 127.0.0.1: the
     * caller's 200 comes from that listener with a Record-Route of {@code out} on top of it, the callee saw
     * {@code out} in the top Via; the ACK reaches the callee, which then hangs up: its BYE reaches the caller from
     * the loopback listener, and the caller's 200 reaches the callee (sipp exits with status 0).
     */
    private void callThrough(Link network, String calleeHost, Listener out, TestInfo test) throws Exception {
        Listener in = router.listener("udp");
        Path logs = WorkDirectory.named("kernel-route-callees/" + test.getTestMethod().orElseThrow().getName());
        try (SippCallee callee = SippCallee.start(network.namespace(), calleeHost, logs, "callee", SipAgent.WAIT);
             SipAgent caller = router.agent(in, Optional.empty())) {
            SentRequest invite = caller.send(caller.invite(callee.uri()));
            Received ok = invite.awaitResponse(200);
            assertThat(ok.remote()).as("where the 200 came from").isEqualTo(in.address());
            assertThat(ok.recordRoutes()).as("the Record-Route of the 200, which %s copied", callee.describe())
                    .extracting(KernelRouteIT::socketOfRoute).containsExactly(socketOf(out), socketOf(in));
            assertThat(ok.header("X-Received-Via").map(KernelRouteIT::socketOfVia))
                    .as("the top Via of the INVITE at the callee").hasValue(socketOf(out));

            Dialog.asCaller(caller, invite, ok).ack();
            IncomingRequest hangUp = caller.awaitRequest("BYE"); // sipp's, once the ACK reached it
            assertThat(hangUp.request().remote()).as("where the callee's BYE came from").isEqualTo(in.address());
            assertThat(socketOfVia(hangUp.request().headers("Via").get(0))).as("the top Via of the BYE at the caller")
                    .isEqualTo(socketOf(in));
            hangUp.reply(200);
            assertThat(callee.awaitExit(SipAgent.WAIT)).as("the exit status of %s: 0 when the ACK came before its BYE "
                    + "and the 200 to the BYE came back", callee.describe()).hasValue(0);
        }
    }

    private String routerLog() throws IOException {
        return Files.readString(router.log(), StandardCharsets.UTF_8);
    }

    /** {@code udp:198.51.100.1:15660}, {@code udp:[2001:db8::1]:15660}: a listener's socket. */
    private static String socketOf(Listener listener) {
        return listener.transport().uriParameter() + ":" + listener.uriHost() + ":" + listener.address().getPort();
    }

    /** The socket a Record-Route entry names, written as {@link #socketOf(Listener)} writes it. */
    private static String socketOfRoute(String recordRoute) {
        SipUri uri = Received.routeUri(recordRoute);
        return socket(Optional.ofNullable(uri.getTransportParam()).orElse("udp"), uri.getHost(), uri.getPort());
    }

    /** The socket the sent-protocol and sent-by of a Via name: {@code SIP/2.0/UDP 198.51.100.1:15660}. */
    private static String socketOfVia(String via) {
        Matcher matcher = VIA.matcher(via);
        assertThat(matcher.find()).as("a Via: " + via).isTrue();
        return socket(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)));
    }

    /** Writes an address however it was spelled ({@code [2001:db8:0:0:0:0:0:1]}) as {@link IpFamily} does. */
    private static String socket(String transport, String host, int port) {
        try {
            InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", "")); // a literal
            return Transport.valueOf(transport.toUpperCase(Locale.ROOT)).uriParameter() + ":"
                    + IpFamily.uriHost(address) + ":" + port;
        } catch (UnknownHostException e) {
            throw new AssertionError("not an IP address: " + host, e);
        }
    }
}
