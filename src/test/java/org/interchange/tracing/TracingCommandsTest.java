package org.interchange.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.interchange.core.TestClock;
import org.interchange.core.TestConfiguration;
import org.interchange.core.WorkQueues;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;
import org.interchange.mi.spi.MiParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace_start and trace_stop take OpenSIPS's parameters and answer OpenSIPS's errors. */
class TracingCommandsTest {

    @TempDir
    Path directory;

    private final WorkQueues queues = new WorkQueues();
    private Tracing tracing;
    private MiCommand start;
    private MiCommand stop;

    @BeforeEach
    void commands() {
        tracing = new Tracing(TestConfiguration.load(directory, ""), TestDatabase.H2.empty(), queues,
                TestClock.at("2026-01-01T00:00:00Z"));
        start = new TracingCommands().traceStart(tracing);
        stop = new TracingCommands().traceStop(tracing);
    }

    @AfterEach
    void close() {
        tracing.close();
        queues.shutdown();
    }

    @Test
    void theParameterSetsAreOpenSipsRecipes() {
        assertThat(start.parameterSets()).containsExactly(List.of("id", "uri"), List.of("id", "uri", "filter"),
                List.of("id", "uri", "filter", "scope", "type"));
        assertThat(stop.parameterSets()).containsExactly(List.of("id"));
    }

    @Test
    void opensipsClisTraceStartsAndStopsByItsId() {
        Object started = start.run(params(Map.of("id", "opensips-cli.7",
                "uri", "hep:127.0.0.1:9999;transport=tcp;version=3",
                "filter", List.of("caller=alice@example.com", "ip=198.51.100.7"))));

        assertThat(started).isEqualTo("OK");
        TraceFilter trace = tracing.traces().get(0);
        assertThat(trace.id()).isEqualTo("opensips-cli.7");
        assertThat(trace.conditions()).containsExactly(new Condition(Match.CALLER, "alice@example.com"),
                new Condition(Match.SOURCE, "198.51.100.7"));
        assertThat(trace.scope()).as("OpenSIPS's default").isEqualTo(Scope.DIALOG);
        assertThat(trace.to()).isEmpty();
        assertThat(trace.collector()).contains(new HepDestination(HepDestination.Transport.TCP, "127.0.0.1", 9999));
        assertThat(stop.run(params(Map.of("id", "opensips-cli.7")))).isEqualTo("OK");
        assertThat(tracing.traces()).isEmpty();
    }

    @Test
    void aFilterMayBeOneTextTheScopeAndTypeOpenSipsOnesAndTheUriADestinationConfigured() {
        start.run(params(Map.of("id", "t", "uri", "database", "filter", "callid=abc@host", "scope", "t",
                "type", "sip")));

        TraceFilter trace = tracing.traces().get(0);
        assertThat(trace.conditions()).containsExactly(new Condition(Match.CALLID, "abc@host"));
        assertThat(trace.scope()).isEqualTo(Scope.TRANSACTION);
        assertThat(trace.to()).containsExactly(Destination.DATABASE);
        assertThat(trace.collector()).isEmpty();
    }

    @Test
    void errorsAreOpenSipsCodesAndTexts() {
        start.run(params(Map.of("id", "taken", "uri", "hep:127.0.0.1:9999")));

        assertError(params(Map.of("id", "taken", "uri", "hep:127.0.0.1:9998")), 500, "Bad parameter value",
                "trace id already used");
        assertError(params(Map.of("id", "db", "uri", "mysql://opensips:pw@localhost/opensips")), 406,
                "DB not acceptable", "dynamic DB tracing is not yet available");
        assertError(params(Map.of("id", "u", "uri", "hep:127.0.0.1:9999;transport=tls")), 500, "Bad parameter value",
                "transport=tls");
        assertError(params(Map.of("id", "u", "uri", "sip:collector@example.com")), 500, "Bad parameter value",
                "hep:<host>:<port>");
        assertError(params(Map.of("id", "u", "uri", "hep")), 500, "Bad parameter value", "tracing.hep");
        assertError(params(Map.of("id", "f", "uri", "database", "filter", List.of("to=bob"))), 500,
                "Bad parameter value", "caller=");
        assertError(params(Map.of("id", "f", "uri", "database", "filter", List.of("ip=example.com"))), 500,
                "Bad parameter value", "no IP address");
        assertError(params(Map.of("id", "s", "uri", "database", "filter", List.of(), "scope", "x", "type", "sip")),
                -32000, "Server error", "expected m");
        assertError(params(Map.of("id", "y", "uri", "database", "filter", List.of(), "scope", "m", "type", "xlog")),
                500, "Bad parameter value", "sip only");
        assertThat(tracing.traces()).extracting(TraceFilter::id).containsExactly("taken");

        MiError unknown = catchThrowableOfType(MiError.class, () -> stop.run(params(Map.of("id", "nobody"))));
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.getMessage()).isEqualTo("Bad parameter value");
    }

    private void assertError(MiParams params, int code, String message, String detail) {
        MiError error = catchThrowableOfType(MiError.class, () -> start.run(params));
        assertThat(error).as("%s", params).isNotNull();
        assertThat(error.code()).as("%s", params).isEqualTo(code);
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.data()).contains(detail);
    }

    private static MiParams params(Map<String, Object> values) {
        return new MiParams(values);
    }
}
