package org.interchange.mgmt;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.core.Scheduler;

/** {@code /api/timers}: the named periodic tasks and their periods in seconds. */
@Path("/timers")
@Tag(name = "timers", description = "The router's named periodic tasks (core:timers)")
@Produces(MediaType.APPLICATION_JSON)
public class TimersResource {

    private final Scheduler scheduler;

    public TimersResource(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GET
    @Operation(summary = "Each named task with its period in seconds")
    public Map<String, Long> list() {
        Map<String, Long> seconds = new LinkedHashMap<>();
        scheduler.tasks().forEach((name, period) -> seconds.put(name, period.toSeconds()));
        return seconds;
    }
}
