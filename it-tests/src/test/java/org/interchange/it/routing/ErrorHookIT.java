package org.interchange.it.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.interchange.it.support.Router;
import org.interchange.it.support.sip.IpFamily;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SipAgent;
import org.interchange.it.support.sip.SipRequest;
import org.interchange.it.support.sip.Transport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An error hook ({@code error_route}, {@link ErrorAnsweringHook}) answers a malformed request over TCP (a header
 * line without a colon) with its own reply, which tells what was wrong and where it came from; a malformed request
 * the hook leaves alone gets the router's own 400; the connection goes on serving.
 */
@ExtendWith(ArquillianExtension.class)
class ErrorHookIT {

    @Deployment(testable = false)
    @TargetsContainer(RoutingDeployment.CONTAINER)
    static WebArchive router() {
        return RoutingDeployment.war();
    }

    @ArquillianResource
    Router router;

    @Test
    void aMalformedRequestOverTcpIsAnsweredWithTheHooksReply() {
        try (SipAgent client = router.agent(Transport.TCP)) {
            SipRequest options = options(client);

            Received response = sendWithLine(client, options, ErrorAnsweringHook.MARK + " says hello");

            assertThat(response.status()).as(response.summary()).isEqualTo(400);
            assertThat(response.reason()).isEqualTo(ErrorAnsweringHook.REASON);
            assertThat(response.header("X-Routing-It-Error")).as("the problem the hook saw")
                    .hasValueSatisfying(problem -> assertThat(problem).contains(ErrorAnsweringHook.MARK + " says hello"));
            assertThat(response.header("X-Routing-It-Source")).as("the source the hook saw: the connection's end")
                    .hasValue("tcp:" + response.local().getAddress().getHostAddress() + ":" + response.local().getPort());
            assertStillServing(client);
        }
    }

    @Test
    void aMalformedRequestTheHookLeavesAloneGetsTheRoutersAnswer() {
        try (SipAgent client = router.agent(Transport.TCP)) {
            Received response = sendWithLine(client, options(client), "User-Agent sipp bench");

            assertThat(response.status()).as(response.summary()).isEqualTo(400);
            assertThat(response.reason()).startsWith("Bad Request (").contains("User-Agent sipp bench");
            assertThat(response.header("X-Routing-It-Error")).isEmpty();
            assertStillServing(client);
        }
    }

    /** Sends the request with {@code line} (no colon) after its request line; returns the answer. */
    private Received sendWithLine(SipAgent client, SipRequest request, String line) {
        String text = new String(request.encode(), StandardCharsets.UTF_8).replaceFirst("\r\n", "\r\n" + line + "\r\n");
        client.sendRaw(text.getBytes(StandardCharsets.UTF_8), router.sipAddress(Transport.TCP));
        return client.awaitResponse("the answer to the request with the line " + line,
                received -> request.branch().equals(received.branch()));
    }

    private SipRequest options(SipAgent client) {
        return client.request("OPTIONS", router.uri(Transport.TCP, IpFamily.IPV4));
    }

    private void assertStillServing(SipAgent client) {
        Received ok = client.send(options(client)).awaitFinalResponse();
        assertThat(ok.status()).as("OPTIONS after the malformed request").isEqualTo(200);
    }
}
