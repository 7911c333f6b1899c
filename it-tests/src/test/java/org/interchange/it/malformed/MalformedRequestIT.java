package org.interchange.it.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.interchange.it.support.Router;
import org.interchange.it.support.RouterDeployment;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A broken client or a scanner sends the router what is not valid SIP. Where the request has a usable Via, the
 * sender gets 400 Bad Request (RFC 3261 8.1.1, 18.3); bytes that are not SIP at all cannot be answered and are
 * dropped; a CSeq number of 2^31 or more gets 400 too (RFC 3261 8.1.1.5). Either way the router goes on serving: the next OPTIONS gets 200. OpenSIPS's parser drops what it
 * cannot parse and its script answers 400 where {@code sipmsg_validate} fails.
 */
@ExtendWith(ArquillianExtension.class)
class MalformedRequestIT {

    @Deployment(testable = false)
    static WebArchive router() {
        return RouterDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aRequestWithoutCallIdIsAnsweredBadRequest() {
        try (SipAgent client = router.agent(Transport.UDP)) {
            SipRequest withoutCallId = options(client).without("Call-ID");

            Received response = client.send(withoutCallId).awaitFinalResponse();

            assertThat(response.status()).isEqualTo(400);
            assertStillServing(client);
        }
    }

    /**
     * RFC 3581: a client behind NAT asks with a bare rport to be answered where its request came from, not at the
     * port its Via names (here one where nobody listens); the 400 to its malformed request goes there too, and says
     * where it was received from.
     */
    @Test
    void aMalformedRequestAskingForRportIsAnsweredAtItsSourcePort() {
        try (SipAgent client = router.agent(Transport.UDP)) {
            SipRequest options = options(client);
            int port = client.address().getPort();
            SipRequest natted = options.without("Call-ID")
                    .replacing("Via", options.required("Via").replace(":" + port + ";", ":9;"));

            Received response = client.send(natted).awaitFinalResponse();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Via").orElseThrow()).contains(";rport=" + port)
                    .contains(";received=" + client.address().getAddress().getHostAddress());
            assertStillServing(client);
        }
    }

    @Test
    void aContentLengthBeyondTheDatagramIsAnsweredBadRequest() {
        try (SipAgent client = router.agent(Transport.UDP)) {
            SipRequest overlong = options(client).with("Content-Type", "text/plain").with("Content-Length", "500");

            Received response = client.send(overlong).awaitFinalResponse();

            assertThat(response.status()).isEqualTo(400);
            assertStillServing(client);
        }
    }

    /** RFC 3261 7.3: a header field is a name, a colon and a value; a line without a colon makes a bad request. */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void aHeaderLineWithoutAColonIsAnsweredBadRequest(Transport transport) {
        try (SipAgent client = router.agent(transport)) {
            SipRequest options = options(client);
            String text = new String(options.encode(), StandardCharsets.UTF_8)
                    .replaceFirst("\r\n", "\r\nUser-Agent sipp bench\r\n");

            client.sendRaw(text.getBytes(StandardCharsets.UTF_8), router.sipAddress(transport));
            Received response = client.awaitResponse("the answer to the request with a line without a colon",
                    received -> options.branch().equals(received.branch()));

            assertThat(response.status()).as(response.summary()).isEqualTo(400);
            assertStillServing(client);
        }
    }

    /** RFC 3261 8.1.1.5: a CSeq sequence number MUST be less than 2^31; over UDP and over TCP. */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void aCseqNumberOf2To31OrMoreIsAnsweredBadRequest(Transport transport) {
        try (SipAgent client = router.agent(transport)) {
            SipRequest outOfRange = client.request("OPTIONS", router.uri(transport, IpFamily.IPV4))
                    .replacing("CSeq", "2147483648 OPTIONS");

            Received response = client.send(outOfRange).awaitFinalResponse();

            assertThat(response.status()).as(response.summary()).isEqualTo(400);
            assertThat(response.reason()).contains("CSeq");
            Received ok = client.send(client.request("OPTIONS", router.uri(transport, IpFamily.IPV4)).replacing("CSeq",
                    "2147483647 OPTIONS")).awaitFinalResponse();
            assertThat(ok.status()).as("the highest CSeq number allowed").isEqualTo(200);
        }
    }

    @Test
    void bytesThatAreNotSipAreDroppedAndTheRouterKeepsServing() {
        try (SipAgent client = router.agent(Transport.UDP)) {
            client.sendRaw("\u0000\u0001 GET / HTTP/1.0 \u00ff\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                    router.sipAddress(Transport.UDP));

            assertStillServing(client);
            assertThat(client.received()).as("everything the client received").hasSize(1);
        }
    }

    private SipRequest options(SipAgent client) {
        return client.request("OPTIONS", router.uri(Transport.UDP, IpFamily.IPV4));
    }

    private void assertStillServing(SipAgent client) {
        Received ok = client.send(options(client)).awaitFinalResponse();
        assertThat(ok.status()).as("OPTIONS after the malformed message").isEqualTo(200);
    }
}
