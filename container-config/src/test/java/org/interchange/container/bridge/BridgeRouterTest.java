package org.interchange.container.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

import org.interchange.container.ReceivedMessageParserFactory;
import org.interchange.container.RecordRouteSignature;
import org.interchange.container.config.SipListener;
import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * How the bridge rewrites the Record-Route entries MSS added to a proxied request: one entry per listener crossed,
 * egress on top, each with its listener's shown (advertised) address and transport and MSS's parameters; other
 * servers' entries kept below; and the Via and SIPS Request-URI it corrects.
 */
class BridgeRouterTest {

    private static final SipListener PUBLIC = SipListener.parse("public", "udp:10.0.0.4:5060 advertise 203.0.113.4:5080");
    private static final SipListener V6 = SipListener.parse("v6", "tcp:[::1]:5060");
    private static final SipListener TLS = SipListener.parse("tls", "tls:127.0.0.1:5061");
    private static final RecordRouteSignature SIGNATURE = new RecordRouteSignature(new byte[32]);
    /** The signature of the entries of dialog bridge-1, MSS session 42. */
    private static final String RS = SIGNATURE.sign("bridge-1", "42");
    private static final String INVITE_TEXT = """
            INVITE sip:bob@198.51.100.20 SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-0\r
            From: <sip:alice@example.com>;tag=a\r
            To: <sip:bob@example.com>\r
            Call-ID: bridge-1\r
            CSeq: 1 INVITE\r
            Max-Forwards: 69\r
            Content-Length: 0\r
            \r
            """;
    private static final String MSS_ENTRY = "<sip:127.0.0.1:5060;transport=udp;lh=4f2a;as=c0ffee;appname=7a;proxy=true;"
            + "app_id=42;lr>";

    @Test
    void aRequestCrossingTwoListenersGetsTwoEntriesEgressOnTopWithMssParameters() throws Exception {
        Request request = invite(MSS_ENTRY, "<sip:edge.example.net;lr>");

        BridgeRouter.rewriteRecordRoutes(request, advertised(PUBLIC), advertised(V6), SIGNATURE);

        assertThat(recordRoutes(request)).containsExactly(
                "<sip:203.0.113.4:5080;transport=udp;lh=4f2a;as=c0ffee;appname=7a;proxy=true;app_id=42;rs=" + RS + ";lr>",
                "<sip:[::1]:5060;transport=tcp;lh=4f2a;as=c0ffee;appname=7a;proxy=true;app_id=42;rs=" + RS + ";lr>",
                "<sip:edge.example.net;lr>");
    }

    @Test
    void mssSecondEntryForATransportChangeIsReplacedToo() throws Exception {
        Request request = invite(MSS_ENTRY, MSS_ENTRY.replace("udp", "tcp"));

        BridgeRouter.rewriteRecordRoutes(request, advertised(V6), advertised(V6), SIGNATURE);

        assertThat(recordRoutes(request)).containsExactly(
                "<sip:[::1]:5060;transport=tcp;lh=4f2a;as=c0ffee;appname=7a;proxy=true;app_id=42;rs=" + RS + ";lr>");
    }

    @Test
    void aRequestThatMssDidNotRecordRouteIsLeftAlone() throws Exception {
        Request request = invite("<sip:edge.example.net;lr>");

        BridgeRouter.rewriteRecordRoutes(request, advertised(PUBLIC), advertised(V6), SIGNATURE);

        assertThat(recordRoutes(request)).containsExactly("<sip:edge.example.net;lr>");
    }

    @Test
    void theTopViaShowsTheEgressListenersAdvertisedAddressAndTransportAndKeepsItsBranch() throws Exception {
        Request request = invite();

        BridgeRouter.rewriteVia(request, advertised(PUBLIC));
        assertThat(request.getHeader("Via").toString().trim()).isEqualTo("Via: SIP/2.0/UDP 203.0.113.4:5080;branch=z9hG4bK-1");

        BridgeRouter.rewriteVia(request, advertised(V6));
        assertThat(request.getHeader("Via").toString().trim()).isEqualTo("Via: SIP/2.0/TCP [::1]:5060;branch=z9hG4bK-1");
    }

    @Test
    void aPeerOnAPrivateNetworkSeesTheListenersOwnAddressInViaAndRecordRoute() throws Exception {
        Request request = invite(MSS_ENTRY);

        BridgeRouter.rewriteVia(request, new BridgeRouter.Face(PUBLIC, true));
        BridgeRouter.rewriteRecordRoutes(request, new BridgeRouter.Face(PUBLIC, true), advertised(V6), SIGNATURE);

        assertThat(request.getHeader("Via").toString().trim()).isEqualTo("Via: SIP/2.0/UDP 10.0.0.4:5060;branch=z9hG4bK-1");
        assertThat(recordRoutes(request)).first().asString().startsWith("<sip:10.0.0.4:5060;transport=udp;");
    }

    @Test
    void oneListenerSeenAtTwoAddressesIsRecordRoutedTwice() throws Exception {
        Request request = invite(MSS_ENTRY);

        BridgeRouter.rewriteRecordRoutes(request, new BridgeRouter.Face(PUBLIC, true), advertised(PUBLIC), SIGNATURE);

        assertThat(recordRoutes(request)).hasSize(2);
        assertThat(recordRoutes(request).get(0)).startsWith("<sip:10.0.0.4:5060;");
        assertThat(recordRoutes(request).get(1)).startsWith("<sip:203.0.113.4:5080;");
    }

    @Test
    void theNoteIsReadOnceAndTravelsWithACopyOfTheRequestOnly() throws Exception {
        Request received = received(INVITE_TEXT);
        Request branch = (Request) received.clone();
        BridgeMarker.Bridge bridge = new BridgeMarker.Bridge("public", "v6", true, false);

        BridgeMarker.mark(branch, bridge);
        Request sent = (Request) branch.clone(); // as MSS copies a branch's request when it sends it

        assertThat(BridgeMarker.take(sent)).contains(bridge);
        assertThat(BridgeMarker.take(sent)).isEmpty();
        assertThat(BridgeMarker.take(received)).as("the request the branch was copied from").isEmpty();
    }

    @Test
    void aHeaderFieldNamedLikeTheNoteIsNoNote() throws Exception {
        Request received = received(INVITE_TEXT.replace("Max-Forwards: 69\r\n",
                "Max-Forwards: 69\r\nX-Interchange-Bridge: udp-b;ingress=udp\r\n"));

        assertThat(BridgeMarker.take(received)).isEmpty();
    }

    @Test
    void aSipsDialogIsRecordRoutedWithASipsUriForItsTlsListener() throws Exception {
        Request request = received(INVITE_TEXT.replace("INVITE sip:bob@198.51.100.20", "INVITE sips:bob@198.51.100.20")
                .replace("Max-Forwards: 69\r\n", "Max-Forwards: 69\r\nRecord-Route: " + MSS_ENTRY + "\r\n"));

        BridgeRouter.rewriteRecordRoutes(request, advertised(TLS), advertised(V6), SIGNATURE);

        assertThat(recordRoutes(request)).containsExactly(
                "<sips:127.0.0.1:5061;lh=4f2a;as=c0ffee;appname=7a;proxy=true;app_id=42;rs=" + RS + ";lr>",
                "<sip:[::1]:5060;transport=tcp;lh=4f2a;as=c0ffee;appname=7a;proxy=true;app_id=42;rs=" + RS + ";lr>");
    }

    @Test
    void theRoutersOwnEntryForTheEgressListenerIsTakenOffAnInDialogRequest() throws Exception {
        String ownEntry = "<sip:[::1]:5060;transport=tcp;as=c0ffee;appname=7a;proxy=true;app_id=42;lr>";
        Request bye = received(INVITE_TEXT.replace("INVITE sip:", "BYE sip:").replace("1 INVITE", "2 BYE")
                .replace("Max-Forwards: 69\r\n", "Max-Forwards: 69\r\nRoute: " + ownEntry
                        + "\r\nRoute: <sip:edge.example.net;lr>\r\n"));

        BridgeRouter.popOwnEntry(bye, PUBLIC);
        assertThat(bye.getHeaders(RouteHeader.NAME)).toIterable().as("another listener's entry stays").hasSize(2);

        BridgeRouter.popOwnEntry(bye, V6);
        assertThat(bye.getHeaders(RouteHeader.NAME)).toIterable().hasSize(1);
        BridgeRouter.popOwnEntry(bye, V6);
        assertThat(bye.getHeaders(RouteHeader.NAME)).toIterable().as("another server's entry stays").hasSize(1);
    }

    @Test
    void theTransportMssAddsToASipsRequestUriIsTakenOff() throws Exception {
        Request invite = request("sips:bob@127.0.0.1:16000;transport=tls", "");

        BridgeRouter.undoSipsTransport(invite);

        assertThat(invite.getRequestURI()).hasToString("sips:bob@127.0.0.1:16000");
    }

    @Test
    void otherRequestUrisAreLeftAsTheyAre() throws Exception {
        for (String uri : new String[] {"sip:bob@127.0.0.1:16000;transport=tls", "sips:bob@127.0.0.1:16000;transport=tcp",
                "sips:bob@127.0.0.1:16000", "sip:bob@127.0.0.1:16000"}) {
            Request invite = request(uri, "");
            BridgeRouter.undoSipsTransport(invite);
            assertThat(invite.getRequestURI()).hasToString(uri);
        }
    }

    @Test
    void aSipsRequestWithRouteIsLeftAsItIs() throws Exception {
        Request bye = request("sips:bob@127.0.0.1:16000;transport=tls", "Route: <sip:127.0.0.1:5061;transport=tls;lr>\r\n");

        BridgeRouter.undoSipsTransport(bye);

        assertThat(bye.getRequestURI()).hasToString("sips:bob@127.0.0.1:16000;transport=tls");
    }

    private static Request request(String requestUri, String extraHeaders) throws Exception {
        return new MessageFactoryImpl().createRequest("INVITE " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:5061;branch=z9hG4bK1\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=1\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: 1@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Max-Forwards: 70\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n");
    }

    private static BridgeRouter.Face advertised(SipListener listener) {
        return new BridgeRouter.Face(listener, false);
    }

    private static Request invite(String... recordRoutes) throws Exception {
        StringBuilder text = new StringBuilder("""
                INVITE sip:bob@198.51.100.20 SIP/2.0\r
                Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1\r
                Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-0\r
                From: <sip:alice@example.com>;tag=a\r
                To: <sip:bob@example.com>\r
                Call-ID: bridge-1\r
                CSeq: 1 INVITE\r
                Max-Forwards: 69\r
                """);
        for (String recordRoute : recordRoutes) {
            text.append("Record-Route: ").append(recordRoute).append("\r\n");
        }
        text.append("Content-Length: 0\r\n\r\n");
        return (Request) new StringMsgParser().parseSIPMessage(text.toString().getBytes(), true, false, null);
    }

    /** A request as the router's parser gives it to the stack: one that can carry notes. */
    private static Request received(String text) throws Exception {
        return (Request) new ReceivedMessageParserFactory().createMessageParser(null)
                .parseSIPMessage(text.getBytes(StandardCharsets.US_ASCII), true, false, null);
    }

    private static List<String> recordRoutes(Request request) {
        List<String> values = new ArrayList<>();
        request.getHeaders(RecordRouteHeader.NAME).forEachRemaining(header ->
                values.add(((RecordRouteHeader) header).getAddress().toString()));
        return values;
    }
}
