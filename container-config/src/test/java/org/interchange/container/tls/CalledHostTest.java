package org.interchange.container.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import org.junit.jupiter.api.Test;

/** Which host a message calls, as the TLS server's certificate must name it (RFC 5922 7.2). */
class CalledHostTest {

    @Test
    void aRequestWithoutRouteCallsItsRequestUrisHost() throws Exception {
        assertThat(CalledHost.of(message("INVITE sips:bob@Example.COM;transport=tls SIP/2.0", "")))
                .contains("example.com");
    }

    @Test
    void aRequestWithRoutesCallsItsTopRoutesHost() throws Exception {
        assertThat(CalledHost.of(message("INVITE sip:bob@example.com SIP/2.0",
                "Route: <sip:edge.example.net;lr;transport=tls>, <sip:core.example.org;lr>\r\n")))
                .contains("edge.example.net");
    }

    @Test
    void anIpv6HostHasNoBrackets() throws Exception {
        assertThat(CalledHost.of(message("INVITE sip:bob@[2001:db8::1]:5061;transport=tls SIP/2.0", "")))
                .contains("2001:db8::1");
    }

    @Test
    void aResponseCallsNoHost() throws Exception {
        SIPMessage response = new StringMsgParser().parseSIPMessage(("SIP/2.0 200 OK\r\n" + headers())
                .getBytes(StandardCharsets.US_ASCII), true, false, null);

        assertThat(CalledHost.of(response)).isEmpty();
    }

    @Test
    void theHostIsHeldForTheSendingThreadDuringTheSendOnly() throws Exception {
        SIPMessage request = message("INVITE sip:bob@example.com SIP/2.0", "");
        Optional<String>[] during = new Optional[1];

        CalledHost.during(request, () -> during[0] = CalledHost.current());

        assertThat(during[0]).contains("example.com");
        assertThat(CalledHost.current()).isEmpty();
    }

    private static SIPMessage message(String requestLine, String routes) throws Exception {
        return new StringMsgParser().parseSIPMessage((requestLine + "\r\n" + routes + headers())
                .getBytes(StandardCharsets.US_ASCII), true, false, null);
    }

    private static String headers() {
        return "Via: SIP/2.0/TLS 192.0.2.1:5061;branch=z9hG4bK-1\r\nFrom: <sip:alice@example.org>;tag=1\r\n"
                + "To: <sip:bob@example.com>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
