package org.interchange.it.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.interchange.it.support.sip.Transport;
import org.junit.jupiter.api.Test;

/** The addressing rule of the RFC 4475 data's README, on excerpts of its messages. */
class TortureMessageTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 15060);
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 16001);

    @Test
    void aFoldedTopViaGetsTheSendersSentByAndKeepsItsFoldingAndParameters() {
        String wsinv = "INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0\r\n"
                + "Via  : SIP  /   2.0\r\n /UDP\r\n    192.0.2.2;branch=390skdjuw\r\n"
                + "v:  SIP  / 2.0  / TCP     spindle.example.com   ;\r\n  branch  =   z9hG4bK9ikj8  ,\r\n"
                + "Route:\r\n <sip:services.example.com;lr;unknownwith=value;unknown-no-value>\r\n"
                + "Content-Length: 0\r\n\r\n";

        assertThat(addressed(wsinv)).isEqualTo("INVITE sip:vivekg@127.0.0.1:15060;unknownparam SIP/2.0\r\n"
                + "Via  : SIP  /   2.0\r\n /UDP\r\n    127.0.0.1:16001;branch=390skdjuw\r\n"
                + "v:  SIP  / 2.0  / TCP     spindle.example.com   ;\r\n  branch  =   z9hG4bK9ikj8  ,\r\n"
                + "Route:\r\n <sip:127.0.0.1:16001;lr;unknownwith=value;unknown-no-value>\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    @Test
    void theRequestUriKeepsItsBracketsSpacesAndUserPart() {
        assertThat(addressed("INVITE <sip:user@example.com> SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.5\r\n\r\n"))
                .isEqualTo("INVITE <sip:user@127.0.0.1:15060> SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:16001\r\n\r\n");
        assertThat(addressed("INVITE  sip:user@example.com  SIP/2.0\r\n\r\n"))
                .isEqualTo("INVITE  sip:user@127.0.0.1:15060  SIP/2.0\r\n\r\n");
        assertThat(addressed("OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0\r\n\r\n"))
                .isEqualTo("OPTIONS sip:user;par=u%40example.net@127.0.0.1:15060 SIP/2.0\r\n\r\n");
        assertThat(addressed("INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0\r\n\r\n"))
                .isEqualTo("INVITE sip:user@127.0.0.1:15060?Route=%3Csip:example.com%3E SIP/2.0\r\n\r\n");
    }

    @Test
    void aRequestUriOfAnotherSchemeAndAResponseKeepTheirStartLine() {
        String unkscm = "OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP host9.example.com;branch=z9hG4bKkdjuw39234\r\n\r\n";
        String bcast = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923\r\n"
                + "Via: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1saber23\r\n\r\n";

        assertThat(addressed(unkscm)).isEqualTo(unkscm.replace("host9.example.com", "127.0.0.1:16001"));
        assertThat(addressed(bcast)).isEqualTo(bcast.replace("192.0.2.198", "127.0.0.1:16001"));
    }

    @Test
    void aMessageAfterTheFirstIsAddressedToo() {
        String dblreq = "REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.125;branch=z9hG4bKkdjuw23492\r\n"
                + "Content-Length: 0\r\n\r\n\r\n"
                + "INVITE sip:joe@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw380234\r\n"
                + "Content-Length: 4\r\n\r\nv=0\n";
        TortureMessage message = new TortureMessage("dblreq", dblreq.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(addressed(dblreq)).isEqualTo(dblreq.replace("example.com SIP", "127.0.0.1:15060 SIP")
                .replace("192.0.2.125", "127.0.0.1:16001").replace("192.0.2.15", "127.0.0.1:16001"));
        assertThat(message.trailingBranches()).containsExactly("z9hG4bKkdjuw380234");
    }

    @Test
    void aBodyWhoseLengthIsNotFramedIsLeftAlone() {
        String clerr = "INVITE sip:user@example.com SIP/2.0\r\nVia: SIP/2.0/UDP host5.example.com\r\n"
                + "Content-Length: 9999\r\n\r\nINVITE sip:user@example.com SIP/2.0\r\nVia: SIP/2.0/UDP a.example.com\r\n";

        assertThat(addressed(clerr)).endsWith("\r\n\r\nINVITE sip:user@example.com SIP/2.0\r\nVia: SIP/2.0/UDP "
                + "a.example.com\r\n");
    }

    @Test
    void theTopViaChoosesTheTransport() {
        assertThat(message("OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/TCP h.example.com\r\n\r\n").transport())
                .isEqualTo(Transport.TCP);
        assertThat(message("OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/TLS h.example.com\r\n\r\n").transport())
                .as("no TLS sender: over UDP").isEqualTo(Transport.UDP);
    }

    private static String addressed(String text) {
        return new String(message(text).addressed(SERVER, SENDER), StandardCharsets.ISO_8859_1);
    }

    private static TortureMessage message(String text) {
        return new TortureMessage("test", text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
