package org.interchange.mgmt;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.tracing.Condition;
import org.interchange.tracing.Destination;
import org.interchange.tracing.Match;
import org.interchange.tracing.TraceFilter;
import org.interchange.tracing.TracedCall;
import org.interchange.tracing.TracedMessage;
import org.interchange.tracing.Tracing;

/**
 * {@code /api/traces}: SIP tracing ({@code trace_start}, {@code trace_stop}), and the messages stored in
 * {@code sip_trace} by Call-ID, for a ladder diagram.
 */
@Path("/traces")
@Tag(name = "traces", description = "SIP tracing to Homer (HEP3) and the sip_trace table (OpenSIPS's tracer: "
        + "trace_start, trace_stop)")
@Produces(MediaType.APPLICATION_JSON)
public class TracesResource {

    /** The most Call-IDs listed at once. */
    static final int MAX_CALLS = 1000;

    /**
     * A trace to start: {@code match} is required, {@code value} unless the match is {@code all}; {@code to}
     * defaults to every destination configured.
     */
    public record StartView(@Schema(example = "callid") String match, @Schema(nullable = true) String value,
                            @Schema(nullable = true) List<String> to) {
    }

    /**
     * A running trace. One started by the MI's {@code trace_start} with several conditions lists their matches and
     * their values, comma-separated, and its own collector among the destinations ({@code tcp:192.0.2.9:9060}).
     */
    public record TraceView(String id, String match, String value, List<String> destinations, String started) {

        static TraceView of(TraceFilter filter) {
            List<String> destinations = new ArrayList<>(filter.to().stream().sorted().map(Destination::key).toList());
            filter.collector().ifPresent(collector -> destinations.add(collector.toString()));
            return new TraceView(filter.id(), join(filter, condition -> condition.match().key()),
                    join(filter, Condition::value), destinations, filter.started().toString());
        }

        private static String join(TraceFilter filter, Function<Condition, String> part) {
            return filter.conditions().stream().map(part).collect(Collectors.joining(","));
        }
    }

    /** A stored message: {@code status} is 0 for a request, {@code method} a response's CSeq method. */
    public record MessageView(String time, String direction, String transport, String source, String destination,
                              String method, int status, String callid, String text) {

        static MessageView of(TracedMessage message) {
            return new MessageView(message.time().toString(), message.direction(), message.transport(),
                    TracedMessage.text(message.source()), TracedMessage.text(message.destination()),
                    message.method(), message.status(), message.callId(), message.text());
        }
    }

    /** A traced Call-ID. */
    public record CallView(String callid, String first, @Schema(nullable = true) String from,
                           @Schema(nullable = true) String to, long messages) {

        static CallView of(TracedCall call) {
            return new CallView(call.callId(), call.first().toString(), call.from(), call.to(), call.messages());
        }
    }

    private final Tracing tracing;

    public TracesResource(Tracing tracing) {
        this.tracing = tracing;
    }

    @GET
    @Operation(summary = "The running traces")
    public List<TraceView> list() {
        return tracing.traces().stream().map(TraceView::of).toList();
    }

    /** Starts a trace: 201, its URI in Location and the trace in the body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a trace of all messages, or by user, source or Call-ID (trace_start)",
            responses = @ApiResponse(responseCode = "201", description = "started", content = @Content(
                    schema = @Schema(implementation = TraceView.class))))
    public Response start(StartView body) {
        if (body == null || body.match() == null) {
            throw new IllegalArgumentException("a trace is required: {\"match\": \"callid\", \"value\": \"...\", "
                    + "\"to\": [\"hep\", \"database\"]}; match is all, user, source or callid");
        }
        Set<Destination> to = EnumSet.noneOf(Destination.class);
        if (body.to() != null) {
            body.to().forEach(destination -> to.add(Destination.parse(destination)));
        }
        TraceFilter filter = tracing.start(Match.parse(body.match()), body.value(), to);
        return Response.created(URI.create("traces/" + filter.id())).entity(TraceView.of(filter)).build();
    }

    /** Stops a trace: 204, or 404 when none has that id. */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop a trace (trace_stop)", responses = @ApiResponse(responseCode = "204",
            description = "stopped"))
    public Response stop(@PathParam("id") String id) {
        return tracing.stop(id) ? Response.noContent().build()
                : ProblemMapper.notFound("no trace " + id + " is running");
    }

    /** The messages of a Call-ID stored in {@code sip_trace}, in the order they were traced. */
    @GET
    @Path("/messages")
    @Operation(summary = "The messages of a Call-ID that sip_trace holds, in order")
    public List<MessageView> messages(@QueryParam("callid") @Parameter(required = true, example = "a84b4c76e66710")
                                      String callId) {
        if (callId == null || callId.isEmpty()) {
            throw new IllegalArgumentException("callid is required: the Call-ID whose messages to show");
        }
        return tracing.messages(callId).stream().map(MessageView::of).toList();
    }

    /** The Call-IDs stored most recently, newest first: {@code ?limit=} 1..1000, 50 by default. */
    @GET
    @Path("/calls")
    @Operation(summary = "The Call-IDs sip_trace holds, newest first")
    public List<CallView> calls(@QueryParam("limit") @DefaultValue("50")
                                @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "1000"))
                                String limit) {
        return tracing.calls(NumberParameter.of("limit", limit, 1, MAX_CALLS)).stream().map(CallView::of).toList();
    }
}
