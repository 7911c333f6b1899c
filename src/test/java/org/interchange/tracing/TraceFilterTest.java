package org.interchange.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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
    private static final String RINGING = """
            SIP/2.0 180 Ringing\r
            Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK1\r
            From: <sip:alice@example.com>;tag=1\r
            To: <sip:bob@example.com>;tag=2\r
            Call-ID: call-1@198.51.100.7\r
            CSeq: 1 INVITE\r
            Content-Length: 0\r
            \r
            """;
    private static final String ACK_OF_FAILURE = """
            ACK sip:Bob@example.com SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK1\r
            From: <sip:alice@example.com>;tag=1\r
            To: <sip:bob@example.com>;tag=2\r
            Call-ID: call-1@198.51.100.7\r
            CSeq: 1 ACK\r
            Content-Length: 0\r
            \r
            """;
    private static final String BYE = """
            BYE sip:alice@198.51.100.7:5062 SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK2\r
            From: <sip:alice@example.com>;tag=1\r
            To: <sip:bob@example.com>;tag=2\r
            Call-ID: call-1@198.51.100.7\r
            CSeq: 2 BYE\r
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
    void callerIsTheFromUriAndCalleeTheRequestUriOnly() throws Exception {
        TappedMessage invite = received(INVITE);
        TappedMessage ringing = received(RINGING);

        assertThat(filter(Match.CALLER, "alice@example.com").selector()).accepts(invite, ringing);
        assertThat(filter(Match.CALLER, "bob").selector()).as("not the To").rejects(invite);
        assertThat(filter(Match.CALLEE, "Bob@example.com").selector()).accepts(invite)
                .as("a response has no Request-URI").rejects(ringing);
        assertThat(filter(Match.CALLEE, "alice").selector()).as("not the From").rejects(invite);
    }

    @Test
    void everyConditionMustPass() throws Exception {
        TappedMessage invite = received(INVITE);
        List<Condition> callerFromPeer = List.of(new Condition(Match.CALLER, "alice"),
                new Condition(Match.SOURCE, "198.51.100.7"));

        assertThat(filter(callerFromPeer, Scope.MESSAGE).selector()).accepts(invite)
                .rejects(received(INVITE.replace("alice@", "carol@")))
                .rejects(new TappedMessage(parse(INVITE), false, 0, "198.51.100.8:5062", "127.0.0.1:5060"));
    }

    @Test
    void aTransactionScopeTakesTheRestOfTheTransactionOfAMessageThatPassed() throws Exception {
        Predicate<TappedMessage> selector = filter(List.of(new Condition(Match.CALLEE, "Bob@example.com")),
                Scope.TRANSACTION).selector();
        TappedMessage relayed = new TappedMessage(parse(INVITE.replace("INVITE sip:Bob@example.com",
                "INVITE sip:bob@198.51.100.9")), true, 0, "127.0.0.1:5060", "198.51.100.9:5060");

        assertThat(selector).as("not yet followed").rejects(relayed);
        assertThat(selector).accepts(received(INVITE)).as("the INVITE relayed, its responses, the ACK of a failure")
                .accepts(relayed, received(RINGING), received(ACK_OF_FAILURE));
        assertThat(selector).as("another transaction of the call").rejects(received(BYE));
        assertThat(selector).as("forgotten after 64 * T1").rejects(received(RINGING,
                TraceFilter.TRANSACTION_TIME.toMillis() * 2));
    }

    @Test
    void aDialogScopeTakesTheCallOfAnInitialInviteThatPassedAndNothingElse() throws Exception {
        Predicate<TappedMessage> selector = filter(List.of(new Condition(Match.CALLER, "alice@example.com")),
                Scope.DIALOG).selector();
        TappedMessage byeFromBob = received(BYE.replace("From: <sip:alice@example.com>;tag=1",
                "From: <sip:bob@example.com>;tag=2").replace("To: <sip:bob@example.com>;tag=2",
                "To: <sip:alice@example.com>;tag=1"));
        TappedMessage register = received(INVITE.replace("INVITE", "REGISTER").replace("call-1@", "reg-1@"));

        assertThat(selector).as("only an initial INVITE starts a dialog").rejects(register, byeFromBob);
        assertThat(selector).accepts(received(INVITE)).accepts(received(RINGING), byeFromBob);
        assertThat(selector).as("another call").rejects(received(INVITE.replace("call-1@", "call-2@")
                .replace("alice@", "carol@")));
    }

    @Test
    void scopesAreOpenSipsLettersTheWidestWinningADialogByDefault() {
        assertThat(Scope.parse("m")).isEqualTo(Scope.MESSAGE);
        assertThat(Scope.parse("M t")).isEqualTo(Scope.TRANSACTION);
        assertThat(Scope.parse("dtm")).isEqualTo(Scope.DIALOG);
        assertThat(Scope.parse("")).isEqualTo(Scope.DIALOG);
        assertThatThrownBy(() -> Scope.parse("b")).isInstanceOf(InvalidTraceException.class).hasMessageContaining("B2B");
        assertThatThrownBy(() -> Scope.parse("message")).isInstanceOf(InvalidTraceException.class)
                .hasMessageContaining("expected m");
    }

    @Test
    void aTraceWithoutAValueItNeedsIsRefused() {
        assertThatThrownBy(() -> filter(Match.CALLID, "")).isInstanceOf(InvalidTraceException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> filter(Match.SOURCE, "example.com")).isInstanceOf(InvalidTraceException.class)
                .hasMessageContaining("no IP address");
        assertThatThrownBy(() -> TraceFilter.of("1", Match.ALL, "", Set.of(), Instant.EPOCH))
                .isInstanceOf(InvalidTraceException.class).hasMessageContaining("destination");
    }

    private static TraceFilter filter(Match match, String value) {
        return TraceFilter.of("1", match, value, Set.of(Destination.HEP), Instant.EPOCH);
    }

    private static TraceFilter filter(List<Condition> conditions, Scope scope) {
        return new TraceFilter("1", conditions, scope, Set.of(), Optional.of(HepDestination.parse("udp:127.0.0.1:9060")),
                Instant.EPOCH);
    }

    private static TappedMessage received(String text) throws Exception {
        return received(text, 0);
    }

    private static TappedMessage received(String text, long timeMillis) throws Exception {
        return new TappedMessage(parse(text), false, timeMillis, "198.51.100.7:5062", "127.0.0.1:5060");
    }

    private static SIPMessage parse(String text) throws Exception {
        return new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }
}
