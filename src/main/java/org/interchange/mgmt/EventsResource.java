package org.interchange.mgmt;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.events.DestinationState;
import org.interchange.events.Events;
import org.interchange.events.RouterEvent;

/**
 * {@code /api/events}: the event destinations with their state and counters, and a test event to check them
 * (OpenSIPS lists its subscribers with {@code events_subscribers} and raises one with {@code raise_event}).
 */
@Path("/events")
@Tag(name = "events", description = "Where the router's events go: webhooks and RabbitMQ (OpenSIPS's event_* "
        + "modules: events_subscribers, raise_event)")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    /** Every destination. */
    public record EventsView(List<DestinationState> destinations) {
    }

    /** The event sent, its time in ISO 8601 as in the events themselves. */
    public record EventView(String name, String time, Map<String, Object> params) {
    }

    private final Events events;

    public EventsResource(Events events) {
        this.events = events;
    }

    @GET
    @Operation(summary = "Every destination with its state and counters (events_subscribers)")
    public EventsView list() {
        return new EventsView(events.destinations());
    }

    /** Publishes {@code E_INTERCHANGE_TEST} to the destinations that take it: 202, with the event queued. */
    @POST
    @Path("/test")
    @Operation(summary = "Send E_INTERCHANGE_TEST to the destinations (raise_event)", responses = @ApiResponse(
            responseCode = "202", description = "queued", content = @Content(
                    schema = @Schema(implementation = EventView.class))))
    public Response test() {
        RouterEvent test = events.publishTest();
        return Response.accepted(new EventView(test.name(), test.time().toString(), test.params())).build();
    }
}
