package org.interchange.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.trace.SipTap;
import org.interchange.core.RouterStarting;
import org.interchange.core.TestClock;
import org.interchange.core.TestConfiguration;
import org.interchange.core.WorkQueues;
import org.interchange.core.persistence.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;

/** Starting and stopping traces (trace_start, trace_stop) against the destinations the settings provide. */
class TracingTest {

    @TempDir
    Path directory;

    private static final String INVITE = """
            INVITE sip:bob@example.com SIP/2.0\r
            Via: SIP/2.0/UDP 198.51.100.7:5062;branch=z9hG4bK1\r
            From: <sip:alice@example.com>;tag=1\r
            To: <sip:bob@example.com>\r
            Call-ID: alice-1\r
            CSeq: 1 INVITE\r
            Content-Length: 0\r
            \r
            """;

    private final WorkQueues queues = new WorkQueues();
    private Tracing tracing;

    @AfterEach
    void close() {
        if (tracing != null) {
            tracing.close();
        }
        queues.shutdown();
    }

    @Test
    void aTraceWithoutDestinationsGoesToEveryOneConfiguredAndStopsOnce() {
        tracing = tracing("tracing.hep = udp:127.0.0.1:9060\n");

        TraceFilter trace = tracing.start(Match.USER, "alice@example.com", Set.of());

        assertThat(trace.to()).containsExactlyInAnyOrder(Destination.HEP, Destination.DATABASE);
        assertThat(trace.started()).isEqualTo(TestClock.at("2026-01-01T00:00:00Z").instant());
        assertThat(tracing.traces()).containsExactly(trace);
        assertThat(tracing.stop(trace.id())).isTrue();
        assertThat(tracing.stop(trace.id())).isFalse();
        assertThat(tracing.traces()).isEmpty();
    }

    @Test
    void aDestinationNotConfiguredIsRefusedNamingItsSetting() {
        tracing = tracing("tracing.database = false\n");

        assertThatThrownBy(() -> tracing.start(Match.ALL, "", Set.of(Destination.HEP)))
                .isInstanceOf(InvalidTraceException.class).hasMessageContaining("tracing.hep");
        assertThatThrownBy(() -> tracing.start(Match.ALL, "", Set.of()))
                .isInstanceOf(InvalidTraceException.class).hasMessageContaining("destination");
    }

    @Test
    void tracesOfTheConfigurationStartWithTheRouter() {
        tracing = tracing("tracing.start = callid:abc@host, all\n");

        tracing.start(new RouterStarting());

        assertThat(tracing.traces()).extracting(TraceFilter::conditions, TraceFilter::scope)
                .containsExactly(tuple(List.of(new Condition(Match.CALLID, "abc@host")), Scope.MESSAGE),
                        tuple(List.of(new Condition(Match.ALL, "")), Scope.MESSAGE));
    }

    @Test
    void aTraceNamedByItsCallerIsKnownByThatNameWhichNoOtherMayTake() {
        tracing = tracing("");

        TraceFilter named = tracing.start("1", List.of(new Condition(Match.CALLER, "alice")), Scope.DIALOG,
                Set.of(Destination.DATABASE), Optional.empty());

        assertThatThrownBy(() -> tracing.start("1", List.of(new Condition(Match.ALL, "")), Scope.MESSAGE,
                Set.of(Destination.DATABASE), Optional.empty())).isInstanceOf(InvalidTraceException.class)
                .hasMessage("trace id already used");
        assertThat(tracing.start(Match.ALL, "", Set.of()).id()).as("the router numbers around it").isEqualTo("2");
        assertThat(tracing.traces()).first().isEqualTo(named);
    }

    @Test
    void aTraceWithACollectorOfItsOwnSendsWhatItSelectsThereAndNothingOnceStopped() throws Exception {
        tracing = tracing("tracing.database = false\n");
        tracing.start(new RouterStarting());
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(5000);
            Optional<HepDestination> own = Optional.of(HepDestination.parseUri("hep:127.0.0.1:"
                    + collector.getLocalPort() + ";transport=udp"));
            tracing.start("cli.1", List.of(new Condition(Match.CALLER, "alice")), Scope.MESSAGE, Set.of(), own);

            received(INVITE.replace("alice", "carol"));
            received(INVITE);
            assertThat(callIdOf(collector)).as("alice's, not carol's").isEqualTo("alice-1");

            assertThat(tracing.stop("cli.1")).isTrue();
            tracing.start("cli.2", List.of(new Condition(Match.CALLER, "bob")), Scope.MESSAGE, Set.of(), own);
            received(INVITE);
            received(INVITE.replace("alice", "bob"));
            // one backlog thread, in order: had alice's second INVITE been sent, it would have come first
            assertThat(callIdOf(collector)).isEqualTo("bob-1");
            tracing.stop("cli.2");
        }
    }

    @Test
    void aBadSettingStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> tracing("tracing.hep = http://collector\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("tracing.hep");
        assertThatThrownBy(() -> tracing("tracing.hep-version = 2\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("tracing.hep-version");
        assertThatThrownBy(() -> tracing("tracing.database = false\ntracing.start = all\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("no destination");
    }

    /** The router receives a message, as the SIP stack reports it. */
    private static void received(String text) throws Exception {
        SIPMessage parsed = new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false,
                null);
        SipTap.refused(parsed, text, "198.51.100.7:5062", "127.0.0.1:5060");
    }

    /** The Call-ID of the next HEP packet the collector receives. */
    private static String callIdOf(DatagramSocket collector) throws Exception {
        DatagramPacket datagram = new DatagramPacket(new byte[65_535], 65_535);
        collector.receive(datagram);
        String packet = new String(datagram.getData(), 0, datagram.getLength(), StandardCharsets.ISO_8859_1);
        return packet.replaceFirst("(?s).*\r\nCall-ID: ([^\r]*)\r\n.*", "$1");
    }

    private Tracing tracing(String settings) {
        return new Tracing(TestConfiguration.load(directory, settings), TestDatabase.H2.empty(), queues,
                TestClock.at("2026-01-01T00:00:00Z"));
    }
}
