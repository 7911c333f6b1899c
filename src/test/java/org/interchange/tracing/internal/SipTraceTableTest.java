package org.interchange.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import org.interchange.core.persistence.TestDatabase;
import org.interchange.tracing.TracedCall;
import org.interchange.tracing.TracedMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code sip_trace} on H2, PostgreSQL and MariaDB: rows written as OpenSIPS writes them, read back in order. */
class SipTraceTableTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCallsMessagesComeBackInTheOrderTheyWereTraced(TestDatabase server) throws Exception {
        SipTraceTable table = new SipTraceTable(server.empty());
        TracedMessage invite = message("INVITE", 0, "", false, "c1", "sip:alice@example.com;tag=1");
        TracedMessage ok = message("INVITE", 200, "OK", true, "c1", "sip:alice@example.com;tag=1");

        table.write(List.of(invite, message("BYE", 0, "", false, "c2", "<sip:carol@example.com>;tag=2")));
        table.write(List.of(ok));

        List<TracedMessage> messages = table.messages("c1");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).isEqualTo(invite);
        assertThat(messages.get(1)).isEqualTo(ok);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recentCallsAreListedNewestFirstWithTheirFirstMessagesFromAndTo(TestDatabase server) throws Exception {
        SipTraceTable table = new SipTraceTable(server.empty());
        table.write(List.of(message("INVITE", 0, "", false, "c1", "<sip:alice@example.com>;tag=1"),
                message("INVITE", 100, "Trying", true, "c1", "<sip:alice@example.com>;tag=1"),
                message("MESSAGE", 0, "", false, "c2", "<sip:carol@example.com>;tag=2")));

        List<TracedCall> calls = table.calls(10);

        assertThat(calls).extracting(TracedCall::callId, TracedCall::from, TracedCall::to, TracedCall::messages)
                .containsExactly(
                        tuple("c2", "<sip:carol@example.com>;tag=2",
                                "<sip:bob@example.com>", 1L),
                        tuple("c1", "<sip:alice@example.com>;tag=1",
                                "<sip:bob@example.com>", 2L));
        assertThat(table.calls(1)).hasSize(1);
    }

    private static TracedMessage message(String method, int status, String reason, boolean sent, String callId,
                                         String from) throws Exception {
        String startLine = status == 0 ? method + " sip:bob@example.com SIP/2.0" : "SIP/2.0 " + status + " " + reason;
        String text = startLine + "\r\nFrom: " + from + "\r\nTo: <sip:bob@example.com>\r\nCall-ID: " + callId
                + "\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 5062);
        InetSocketAddress router = new InetSocketAddress(InetAddress.getByName("::1"), 5060);
        return new TracedMessage(Instant.parse("2026-01-01T10:00:00Z"), sent, "UDP", sent ? router : peer,
                sent ? peer : router, method, status, reason, callId, "1", text);
    }
}
