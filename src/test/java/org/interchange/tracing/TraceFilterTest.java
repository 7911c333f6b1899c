package org.interchange.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.interchange.container.trace.TappedMessage;
import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;

/** What each kind of trace selects, on messages parsed by JAIN-SIP as the stack reports them. */
class TraceFilterTest {

    private static final String INVITE = """
            INVITE sip:Bob@example.com SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK1\r
            From: <sip:alice@example.com>;tag=1\r
            To: <sip:bob@example.com>\r
            Call-ID: call-1@198.51.100.7\r
            CSeq: 1 INVITE\r
            Content-Length: 0\r
            \r
            """;

    @Test
    void aTraceByCallIdSelectsThatCallOnly() throws Exception {
        TraceFilter filter = filter(Match.CALLID, "call-1@198.51.100.7");

        assertThat(filter.selector()).accepts(received(INVITE))
                .rejects(received(INVITE.replace("call-1@", "call-2@")));
    }

    @Test
    void aTraceByUserSelectsFromToAndRequestUriWithOrWithoutDomain() throws Exception {
        TappedMessage invite = received(INVITE);

        assertThat(filter(Match.USER, "alice@example.com").selector()).accepts(invite);
        assertThat(filter(Match.USER, "alice@EXAMPLE.COM").selector()).as("a domain in any case").accepts(invite);
        assertThat(filter(Match.USER, "Alice@example.com").selector()).as("a user as it is (RFC 3261 19.1.4)")
                .rejects(invite);
        assertThat(filter(Match.USER, "Bob").selector()).as("the Request-URI's user").accepts(invite);
        assertThat(filter(Match.USER, "ali").selector()).as("a whole user, not a prefix").rejects(invite);
        assertThat(filter(Match.USER, "carol@example.com").selector()).rejects(invite);
    }

    @Test
    void aTraceBySourceSelectsWhatIsExchangedWithThatPeer() throws Exception {
        TappedMessage in = received(INVITE);
        TappedMessage out = new TappedMessage(parse(INVITE), true, 0, "127.0.0.1:5060", "198.51.100.7:5062");

        assertThat(filter(Match.SOURCE, "198.51.100.7").selector()).accepts(in, out);
        assertThat(filter(Match.SOURCE, "198.51.100.7:5062").selector()).accepts(in, out);
        assertThat(filter(Match.SOURCE, "198.51.100.7:5060").selector()).rejects(in, out);
        assertThat(filter(Match.SOURCE, "[2001:db8::7]").selector()).rejects(in);
    }

    @Test
    void aTraceWithoutAValueItNeedsIsRefused() {
        assertThatThrownBy(() -> filter(Match.CALLID, "")).isInstanceOf(InvalidTraceException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> filter(Match.SOURCE, "example.com")).isInstanceOf(InvalidTraceException.class)
                .hasMessageContaining("no IP address");
        assertThatThrownBy(() -> new TraceFilter("1", Match.ALL, "", Set.of(), Instant.EPOCH))
                .isInstanceOf(InvalidTraceException.class).hasMessageContaining("destination");
    }

    private static TraceFilter filter(Match match, String value) {
        return new TraceFilter("1", match, value, Set.of(Destination.HEP), Instant.EPOCH);
    }

    private static TappedMessage received(String text) throws Exception {
        return new TappedMessage(parse(text), false, 0, "198.51.100.7:5062", "127.0.0.1:5060");
    }

    private static SIPMessage parse(String text) throws Exception {
        return new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }
}
